using AnomalyHunter.Jobs.Detect;
using AnomalyHunter.Jobs.Ingest;
using AnomalyHunter.Lakehouse.Catalog;
using AnomalyHunter.Lakehouse.Model;
using AnomalyHunter.Udfs.Detection;

namespace AnomalyHunter.Jobs.Tests.Support;

/// <summary>Ingests batches of points into a fresh lake with a robust-z detect run after each, and returns the stored windows.</summary>
internal static class BatchDetection
{
    /// <summary>The windows after the last batch, with run ids blanked so runs of different batching compare equal.</summary>
    public static async Task<List<AnomalyRecord>> RunAsync(IEnumerable<List<(SeriesKey, long, double)>> batches)
    {
        await using var lake = await TestLake.CreateAsync();
        var ingest = new IngestJob(lake.Lake, new IngestJobOptions());
        var detect = new DetectJob(lake.Lake, new RobustZScorerFactory(new RobustZOptions()), new DetectOptions());
        int n = 0;
        foreach (var batch in batches)
        {
            await ingest.RunAsync([MemorySources.From($"batch-{n++}", batch)], new FolderQuarantineSink(Path.Combine(lake.Root, "quarantine"), "test"), null, CancellationToken.None);
            await detect.RunAsync(null, CancellationToken.None);
        }

        return [.. (await lake.Lake.Catalog.ListAnomaliesAsync(new AnomalyFilter { Consumer = detect.Consumer }, CancellationToken.None))
            .Select(a => a with { FirstRunId = "", LastRunId = "" })];
    }
}
