using AnomalyHunter.Jobs.Detect;
using AnomalyHunter.Jobs.Framework;
using AnomalyHunter.Jobs.Ingest;
using Serilog;

namespace AnomalyHunter.Benchmarks.DetectScale;

/// <summary>
/// A generated lakehouse in the state of a daily run: the days of a <see cref="ScaleLake"/> but the last ingested and
/// detected (a backfill), then the last day ingested, so a detect run scores one new day per series from saved states.
/// </summary>
internal static class DailyLake
{
    /// <summary>Opens the daily lake of this size (under <paramref name="work"/>/daily), generating it first when absent; the backfill runs <paramref name="job"/>.</summary>
    public static Task<ScaleLake> OpenOrCreateAsync(string work, int series, int days, Func<Lake, DetectJob> job, ILogger log, CancellationToken cancellationToken)
        => ScaleLake.OpenOrCreateAsync(Path.Combine(work, "daily"), series, days, async (lake, sources, quarantine) =>
        {
            await new IngestJob(lake, new IngestJobOptions()).RunAsync(sources[..^1], quarantine, null, cancellationToken);
            await job(lake).RunAsync(null, cancellationToken);
            await new IngestJob(lake, new IngestJobOptions()).RunAsync(sources[^1..], quarantine, null, cancellationToken);
        }, log, cancellationToken);
}
