using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using AnomalyHunter.Lakehouse.Catalog;
using AnomalyHunter.Lakehouse.Storage;
using Serilog.Context;

namespace AnomalyHunter.Jobs.Framework;

/// <summary>Runs a job as a recorded run: id, parameters, start, end, outcome, counts and error go to the catalog.</summary>
public static class JobRunner
{
    /// <summary>Outcome of a run that completed.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>Outcome of a run that threw.</summary>
    public const string Failed = "failed";

    /// <summary>Outcome of a run stopped by cancellation (Ctrl+C).</summary>
    public const string Cancelled = "cancelled";

    /// <summary>A new sortable run id: UTC start time plus random hex, e.g. <c>20240101T120000Z-1a2b3c4d</c>.</summary>
    public static string NewRunId(TimeProvider time) =>
        time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-"
        + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    /// <summary>Records the run, executes <paramref name="body"/>, and records its outcome; exceptions are recorded and rethrown.</summary>
    public static async Task<T> RunAsync<T>(
        Lake lake,
        string job,
        object parameters,
        Func<JobRun, Task<T>> body,
        CancellationToken cancellationToken,
        string? runId = null)
        where T : IJobResult
    {
        runId ??= NewRunId(lake.Time);
        using var _ = LogContext.PushProperty("RunId", runId);
        var run = new JobRun(runId, job, lake);
        await lake.Catalog.StartRunAsync(
            new JobRunRecord(runId, job, JsonSerializer.Serialize(parameters), null, lake.NowMs(), null, RunLiveness.Running, "{}", null,
                Environment.MachineName, Environment.ProcessId),
            cancellationToken);
        lake.Log.Information("Job {Job} started as run {RunId}", job, runId);
        try
        {
            T result = await body(run);
            await lake.Catalog.FinishRunAsync(runId, lake.NowMs(), Succeeded, result.SnapshotId, JsonSerializer.Serialize(result.Counts), null, CancellationToken.None);
            lake.Log.Information("Job {Job} run {RunId} succeeded: {@Counts}", job, runId, result.Counts);
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await lake.Catalog.FinishRunAsync(runId, lake.NowMs(), Cancelled, null, "{}", "Cancelled.", CancellationToken.None);
            lake.Log.Warning("Job {Job} run {RunId} was cancelled", job, runId);
            throw;
        }
        catch (Exception ex)
        {
            await lake.Catalog.FinishRunAsync(runId, lake.NowMs(), Failed, null, "{}", ex.Message, CancellationToken.None);
            lake.Log.Error(ex, "Job {Job} run {RunId} failed", job, runId);
            throw;
        }
    }
}
