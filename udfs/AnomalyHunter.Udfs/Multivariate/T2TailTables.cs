using System.Collections.Concurrent;

namespace AnomalyHunter.Udfs.Multivariate;

/// <summary>The T² tail tables of every model, shared: the table depends only on the kept components and the fitted rows.</summary>
/// <remarks>
/// Refits of every group with the same (k, rows) — all groups once their samples are full — read one table, so a refit
/// builds only its SPE table. The cache holds at most <see cref="MaxTables"/> tables (8 KiB each); past that, tables are
/// built per model as before.
/// </remarks>
internal static class T2TailTables
{
    /// <summary>Most tables kept.</summary>
    public const int MaxTables = 4096;

    private static readonly ConcurrentDictionary<(int K, int Rows), TailTable> Tables = new();

    /// <summary>The table of P(T² ≥ t) for <paramref name="k"/> ≥ 1 components fitted on <paramref name="rows"/> rows.</summary>
    public static TailTable For(int k, int rows)
    {
        if (Tables.TryGetValue((k, rows), out var table))
        {
            return table;
        }

        table = Build(k, rows);
        return Tables.Count < MaxTables ? Tables.GetOrAdd((k, rows), table) : table;
    }

    private static TailTable Build(int k, int rows)
    {
        double logNormaliser = ControlLimits.T2LogNormaliser(k, rows);
        return new TailTable(t2 => Math.Log10(Math.Max(double.Epsilon, ControlLimits.T2Tail(t2, k, rows, logNormaliser))));
    }
}
