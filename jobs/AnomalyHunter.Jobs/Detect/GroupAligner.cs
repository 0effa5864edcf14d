namespace AnomalyHunter.Jobs.Detect;

/// <summary>Aligns the points of a group's members on their timestamps: the union of times as rows, one column per member.</summary>
internal static class GroupAligner
{
    // why: per-thread scratch for the job's day-by-day alignment; fresh arrays per group and day were most of a run's small allocations.
    [ThreadStatic]
    private static long[]? t_rows;

    [ThreadStatic]
    private static double[]? t_matrix;

    /// <summary>Rows are the sorted distinct timestamps of all slices; a member without a point at a row's time gets NaN.</summary>
    public static (long[] Timestamps, double[] Matrix) Align(IReadOnlyList<(long[] Ts, double[] Values, int Start, int End)> columns)
    {
        var (rows, matrix) = AlignShared(columns);
        return (rows.ToArray(), matrix.ToArray());
    }

    /// <summary>Like <see cref="Align"/>, into per-thread buffers that the next call on the same thread overwrites.</summary>
    public static (ReadOnlyMemory<long> Timestamps, ReadOnlyMemory<double> Matrix) AlignShared(IReadOnlyList<(long[] Ts, double[] Values, int Start, int End)> columns)
    {
        int p = columns.Count;
        int most = 0;
        foreach (var c in columns)
        {
            most += c.End - c.Start;
        }

        long[] rows = t_rows is { } r && r.Length >= most ? r : (t_rows = new long[Math.Max(most, 2 * (t_rows?.Length ?? 0))]);
        double[] matrix = t_matrix is { } m && m.Length >= most * p ? m : (t_matrix = new double[Math.Max(most * p, 2 * (t_matrix?.Length ?? 0))]);
        int n = SharedTimestamps(columns, rows, matrix) ?? Union(columns, rows, matrix);
        return (rows.AsMemory(0, n), matrix.AsMemory(0, n * p));
    }

    private static int Union(IReadOnlyList<(long[] Ts, double[] Values, int Start, int End)> columns, long[] rows, double[] matrix)
    {
        int all = 0;
        foreach (var c in columns)
        {
            c.Ts.AsSpan(c.Start, c.End - c.Start).CopyTo(rows.AsSpan(all));
            all += c.End - c.Start;
        }

        Array.Sort(rows, 0, all);
        int distinct = 0;
        for (int i = 0; i < all; i++)
        {
            if (i == 0 || rows[i] != rows[distinct - 1])
            {
                rows[distinct++] = rows[i];
            }
        }

        int p = columns.Count;
        matrix.AsSpan(0, distinct * p).Fill(double.NaN);
        for (int j = 0; j < p; j++)
        {
            var c = columns[j];
            int r = 0;
            for (int i = c.Start; i < c.End; i++)
            {
                while (rows[r] < c.Ts[i])
                {
                    r++;
                }

                matrix[(r * p) + j] = c.Values[i];
            }
        }

        return distinct;
    }

    /// <summary>The row count when every member has the same strictly increasing timestamps (the usual case): no union or sort needed; null otherwise.</summary>
    private static int? SharedTimestamps(IReadOnlyList<(long[] Ts, double[] Values, int Start, int End)> columns, long[] rows, double[] matrix)
    {
        var (ts0, _, start0, end0) = columns[0];
        var first = ts0.AsSpan(start0, end0 - start0);
        for (int i = 1; i < first.Length; i++)
        {
            if (first[i] <= first[i - 1])
            {
                return null;
            }
        }

        foreach (var (ts, _, start, end) in columns)
        {
            if (!ts.AsSpan(start, end - start).SequenceEqual(first))
            {
                return null;
            }
        }

        int p = columns.Count;
        for (int j = 0; j < p; j++)
        {
            var (_, values, start, _) = columns[j];
            for (int r = 0; r < first.Length; r++)
            {
                matrix[(r * p) + j] = values[start + r];
            }
        }

        first.CopyTo(rows);
        return first.Length;
    }
}
