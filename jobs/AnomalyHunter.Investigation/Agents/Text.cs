using System.Globalization;

namespace AnomalyHunter.Investigation.Agents;

/// <summary>Invariant formatting of numbers and times in claims and explanations.</summary>
internal static class Text
{
    public static string N(double value, int decimals = 2) =>
        double.IsNaN(value) ? "n/a" : Math.Round(value, decimals).ToString("0.##########", CultureInfo.InvariantCulture);

    public static string Time(long ms) =>
        DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset At(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    public static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Confidence from a strength in sigma-equivalents: 0.5 at <paramref name="midpoint"/>.</summary>
    public static double Confidence(double strength, double midpoint = 4.5, double scale = 0.8) =>
        Math.Round(Math.Clamp(Statistics.Robust.Logistic((strength - midpoint) / scale), 0.01, 0.99), 4);

    /// <summary>Severity 1–10 from a strength in sigma-equivalents.</summary>
    public static int Severity(double strength, int bonus = 0) =>
        Math.Clamp((int)Math.Round(1 + ((strength - 3) * 0.9)) + bonus, 1, 10);
}
