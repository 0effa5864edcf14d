using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using AnomalyHunter.Benchmarks.PassCost;
using AnomalyHunter.Jobs.Detect;
using AnomalyHunter.Jobs.Framework;
using AnomalyHunter.Lakehouse.Sqlite;
using AnomalyHunter.Udfs.Multivariate;
using AnomalyHunter.Udfs.Sampling;
using Serilog;

namespace AnomalyHunter.Benchmarks.DetectScale;

/// <summary>
/// A fingerprint of everything the PCA group pass writes, so that a change meant to be bit-identical can be checked
/// against the code before it: every group of a detect-scale lake scored day by day as the job aligns it, with the
/// state saved and restored between days; the bits of every row statistic, contribution and saved state go into one
/// SHA-256 per option variant.
/// </summary>
internal static class PcaScoreHash
{
    /// <summary>The option variants hashed: the product's, and one that refits often on a small sample.</summary>
    private static readonly (string Name, PcaOptions Options)[] Variants =
    [
        ("pca", new PcaOptions()),
        ("pca-frequent-refits", new PcaOptions { MinRows = 20, RefitEvery = 96, Sampling = new StratifiedSampleOptions { Budget = 700 } }),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        string work = Path.GetFullPath(PassCostArgs.Get(args, "--work", Path.Combine(Path.GetTempPath(), "anomaly-hunter-detect-scale")));
        int series = int.Parse(PassCostArgs.Get(args, "--series", "1000"), CultureInfo.InvariantCulture);
        int days = int.Parse(PassCostArgs.Get(args, "--days", "35"), CultureInfo.InvariantCulture);
        var ct = CancellationToken.None;
        var log = new LoggerConfiguration().CreateLogger();
        var lake = await ScaleLake.OpenOrCreateAsync(work, series, days, log, ct);
        await using var catalog = new SqliteCatalog(lake.FreshCatalogCopy("pca-hash"), TimeProvider.System);
        var product = new Lake(catalog, lake.LakeRoot, TimeProvider.System, log);
        var data = await InMemorySeries.LoadAsync(catalog, product.Files, "host", series, ct);
        foreach (var (name, options) in Variants)
        {
            var factory = new PcaGroupScorerFactory(options);
            var perGroup = new byte[data.Groups.Count][];
            Parallel.For(0, data.Groups.Count, g => perGroup[g] = HashGroup(data, data.Groups[g], factory));
            using var all = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            foreach (byte[] h in perGroup)
            {
                all.AppendData(h);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {data.Groups.Count} groups, {data.Points} points: {Convert.ToHexStringLower(all.GetHashAndReset())}"));
        }

        return 0;
    }

    private static byte[] HashGroup(InMemorySeries data, int[] members, PcaGroupScorerFactory factory)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var state = new ArrayBufferWriter<byte>();
        PcaGroupScorer? scorer = null;
        int p = members.Length;
        var slices = members.Select(m => InMemorySeries.DaySlices(data.Series[m].Ts).ToDictionary(x => data.Series[m].Ts[x.Start] / 86_400_000L)).ToArray();
        foreach (long day in slices.SelectMany(s => s.Keys).Distinct().Order())
        {
            // why: a restored scorer must continue exactly as a live one, so every day starts from the saved state.
            scorer = scorer is null ? factory.Create(p) : factory.Restore(state.WrittenSpan);
            var columns = members.Select((m, j) => slices[j].TryGetValue(day, out var x)
                ? (data.Series[m].Ts, data.Series[m].Values, x.Start, x.End)
                : (data.Series[m].Ts, data.Series[m].Values, 0, 0)).ToList();
            var (rows, matrix) = GroupAligner.Align(columns);
            int n = rows.Length;
            var scores = new PcaRowScore[n];
            var t2 = new double[n * p];
            var spe = new double[n * p];
            scorer.Score(rows, matrix, scores, t2, spe);
            hash.AppendData(MemoryMarshal.AsBytes(scores.AsSpan()));
            hash.AppendData(MemoryMarshal.AsBytes(t2.AsSpan()));
            hash.AppendData(MemoryMarshal.AsBytes(spe.AsSpan()));
            state.ResetWrittenCount();
            scorer.WriteState(state);
            hash.AppendData(state.WrittenSpan);
        }

        return hash.GetHashAndReset();
    }
}
