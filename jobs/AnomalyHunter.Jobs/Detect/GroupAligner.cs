namespace AnomalyHunter.Jobs.Detect;

/// <summary>Aligns the points of a group's members on their timestamps: the union of times as rows, one column per member.</summary>
internal static class GroupAligner
{
    /// <summary>Rows are the sorted distinct timestamps of all slices; a member without a point at a row's time gets NaN.</summary>
    public static (long[] Timestamps, double[] Matrix) Align(IReadOnlyList<(long[] Ts, double[] Values, int Start, int End)> columns)
    {
        if (SharedTimestamps(columns) is { } aligned)
        {
            return aligned;
        }

        var all = new List<long>();
        foreach (var c in columns)
        {
            for (int i = c.Start; i < c.End; i++)
            {
                all.Add(c.Ts[i]);
            }
        }

        all.Sort();
        int distinct = 0;
        for (int i = 0; i < all.Count; i++)
        {
            if (i == 0 || all[i] != all[distinct - 1])
            {
                all[distinct++] = all[i];
            }
        }

        long[] rows = [.. all.Take(distinct)];
        int p = columns.Count;
        var matrix = new double[rows.Length * p];
        Array.Fill(matrix, double.NaN);
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

        return (rows, matrix);
    }

    /// <summary>The rows when every member has the same strictly increasing timestamps (the usual case): no union or sort needed.</summary>
    private static (long[] Timestamps, double[] Matrix)? SharedTimestamps(IReadOnlyList<(long[] Ts, double[] Values, int Start, int End)> columns)
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
        var matrix = new double[first.Length * p];
        for (int j = 0; j < p; j++)
        {
            var (_, values, start, _) = columns[j];
            for (int r = 0; r < first.Length; r++)
            {
                matrix[(r * p) + j] = values[start + r];
            }
        }

        return (first.ToArray(), matrix);
    }
}
