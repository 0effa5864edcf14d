using AnomalyHunter.Jobs.Tests.Support;
using AnomalyHunter.Lakehouse.Catalog;
using AnomalyHunter.Lakehouse.Storage;

namespace AnomalyHunter.Jobs.Tests.Lakehouse;

public sealed class RecoveryTests
{
    [Fact]
    public async Task A_dead_run_that_announced_files_in_folders_it_never_created_is_cleaned_up()
    {
        await using var lake = await TestLake.CreateAsync();
        var catalog = lake.Lake.Catalog;

        // A run of this host whose process no longer exists (no process has the largest pid).
        var run = new JobRunRecord("dead-run", "ingest", "{}", null, 1, null, RunLiveness.Running, "{}", null, Environment.MachineName, int.MaxValue);
        await catalog.StartRunAsync(run, CancellationToken.None);
        string never = "metrics/tenant=default/region=local/date=2024-06-09/part-dead-run.parquet";
        await catalog.AddPendingFilesAsync([never], run.RunId, CancellationToken.None);

        var report = await new LakeRecovery(catalog, lake.Lake.Layout, TimeProvider.System).RecoverAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(1, report.CrashedRuns);
        Assert.Empty(await catalog.ListPendingFilesAsync(CancellationToken.None));
        Assert.Equal("crashed", (await catalog.GetRunAsync(run.RunId, CancellationToken.None))!.Outcome);
    }
}
