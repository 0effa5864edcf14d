using System.Globalization;

namespace AnomalyHunter.Benchmarks.DetectScale;

/// <summary>The one-minute load average (from /proc/loadavg), printed beside every figure since the machine is shared.</summary>
internal static class MachineLoad
{
    public static double OneMinute()
    {
        string text = File.ReadAllText("/proc/loadavg");
        return double.Parse(text.AsSpan(0, text.IndexOf(' ', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
    }
}
