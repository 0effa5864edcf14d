using System.Diagnostics;
using AnomalyHunter.Lakehouse.Catalog;

namespace AnomalyHunter.Lakehouse.Storage;

/// <summary>Decides whether a recorded job run may still be working.</summary>
public static class RunLiveness
{
    /// <summary>Runs on other hosts that started longer ago than this are presumed dead.</summary>
    public static readonly TimeSpan RemoteRunTimeout = TimeSpan.FromHours(24);

    /// <summary>Outcome recorded for a run in progress.</summary>
    public const string Running = "running";

    /// <summary>True when the run is still marked running and its process exists (same host) or is recent (other host).</summary>
    public static bool IsAlive(JobRunRecord? run, TimeProvider time)
    {
        if (run is null || run.Outcome != Running)
        {
            return false;
        }

        if (run.Host == Environment.MachineName)
        {
            return run.ProcessId == Environment.ProcessId || ProcessExists(run.ProcessId);
        }

        return time.GetUtcNow().ToUnixTimeMilliseconds() - run.StartedAtMs < (long)RemoteRunTimeout.TotalMilliseconds;
    }

    private static bool ProcessExists(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
