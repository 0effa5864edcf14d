using System.Globalization;
using AnomalyHunter.Scheduler.Cli;

namespace AnomalyHunter.Scheduler.Output;

/// <summary>Invariant formatting of times, sizes and numbers for human output.</summary>
internal static class Format
{
    public static string Time(long epochMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(epochMs).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string IsoTime(long epochMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(epochMs).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    public static string Number(double x, int decimals = 1) => x.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => bytes.ToString(CultureInfo.InvariantCulture) + " B",
        < 1024 * 1024 => Number(bytes / 1024.0) + " KiB",
        < 1024L * 1024 * 1024 => Number(bytes / (1024.0 * 1024)) + " MiB",
        _ => Number(bytes / (1024.0 * 1024 * 1024), 2) + " GiB",
    };

    /// <summary>Parses a time given on the command line: ISO-8601 (naive means UTC) or a date.</summary>
    public static long ParseTime(string text, string option)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t))
        {
            return t.ToUnixTimeMilliseconds();
        }

        throw new UsageException($"{option}: '{text}' is not an ISO-8601 time such as 2024-01-31 or 2024-01-31T12:00:00Z.");
    }
}
