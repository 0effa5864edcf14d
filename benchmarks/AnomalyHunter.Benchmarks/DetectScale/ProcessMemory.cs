using System.Globalization;

namespace AnomalyHunter.Benchmarks.DetectScale;

/// <summary>The process's peak resident set (VmHWM), resettable through /proc/self/clear_refs (Linux).</summary>
internal static class ProcessMemory
{
    /// <summary>Collects garbage and resets the kernel's high-water mark to the current resident set.</summary>
    public static void ResetPeak()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        try
        {
            // why: "5" resets the peak RSS counter of this process (Linux 4.0+), so each stage gets its own peak.
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Peak resident bytes since the last reset (VmHWM).</summary>
    public static long PeakBytes() => ReadKb("VmHWM:") * 1024;

    private static long ReadKb(string field)
    {
        foreach (string line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(field.Length).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
