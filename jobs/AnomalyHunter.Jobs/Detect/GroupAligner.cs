namespace AnomalyHunter.Jobs.Detect;

/// <summary>Aligns the points of a group's members on their timestamps: the union of times as rows, one column per member.</summary>
internal static class GroupAligner
{
    /// <summary>Rows are the sorted distinct timestamps of all slices; a member without a point at a row's time gets NaN.</summary>
    public static (long[] Timestamps, double[] Matrix) Align(IReadOnlyList<(long[] Ts, double[] Values, int Start, int End)> columns)
    {
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
}
