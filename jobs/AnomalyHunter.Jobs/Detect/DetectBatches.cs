using AnomalyHunter.Lakehouse.Catalog;

namespace AnomalyHunter.Jobs.Detect;

/// <summary>Splits a plan into batches of series scored together: whole groups, cut where the files' series ranges end.</summary>
internal static class DetectBatches
{
    /// <summary>
    /// Units (a group's members, or a series outside any scored group) in series-id order are packed into batches of
    /// about <paramref name="seriesPerBatch"/> ids; a batch also closes where the data files' series ranges end once it
    /// is half full, so consecutive batches rarely read the same file.
    /// </summary>
    public static List<DetectBatch> Plan(DetectPlan plan, IReadOnlyList<DataFileRecord> files, int seriesPerBatch)
    {
        var grouped = new HashSet<long>();
        var units = new List<(long First, long[] Ids, List<string> Groups)>();
        foreach (var (key, (group, _)) in plan.Groups)
        {
            grouped.UnionWith(group.Members);
            units.Add((group.Members.Min(), group.Members, [key]));
        }

        foreach (long id in plan.Series.Keys.Where(id => !grouped.Contains(id)))
        {
            units.Add((id, [id], []));
        }

        units.Sort((a, b) => a.First.CompareTo(b.First));
        long[] rangeEnds = [.. files.Select(f => f.MaxSeriesId).Distinct().Order()];
        var batches = new List<DetectBatch>();
        var ids = new List<long>();
        var groups = new List<string>();
        for (int u = 0; u < units.Count; u++)
        {
            ids.AddRange(units[u].Ids);
            groups.AddRange(units[u].Groups);
            bool full = ids.Count >= seriesPerBatch;
            bool atRangeEnd = u + 1 < units.Count && ids.Count * 2 >= seriesPerBatch && CrossesRangeEnd(rangeEnds, ids.Max(), units[u + 1].First);
            if (full || atRangeEnd || u + 1 == units.Count)
            {
                batches.Add(new DetectBatch([.. ids.Distinct().Order()], [.. groups]));
                ids.Clear();
                groups.Clear();
            }
        }

        return batches;
    }

    private static bool CrossesRangeEnd(long[] rangeEnds, long last, long next)
    {
        int i = Array.BinarySearch(rangeEnds, last);
        int at = i >= 0 ? i : ~i;
        return at < rangeEnds.Length && rangeEnds[at] >= last && rangeEnds[at] < next;
    }
}
