using AnomalyHunter.Synthetic.Model;

namespace AnomalyHunter.Synthetic.Generation;

/// <summary>The seven metrics that hosts report, in the order <c>MetricsPerHost</c> takes them.</summary>
internal static class MetricCatalog
{
    private static readonly HashSet<AnomalyKind> AllKinds = [.. AnomalyKindNames.All];

    private static readonly HashSet<AnomalyKind> NearZero =
    [
        AnomalyKind.Spike, AnomalyKind.LevelShift, AnomalyKind.TrendChange, AnomalyKind.SeasonalityBreak,
        AnomalyKind.MissingData, AnomalyKind.CorrelatedIncident,
    ];

    private static readonly HashSet<AnomalyKind> NoSeasonBreak = [.. AllKinds.Where(k => k != AnomalyKind.SeasonalityBreak)];

    public static IReadOnlyList<MetricProfile> All { get; } =
    [
        new()
        {
            Name = "cpu_utilization", Unit = "percent", Noise = NoiseShape.Gaussian, Shape = DailyShape.Business, PeakHour = 14,
            Level = (15, 55), DailyAmplitude = (0.25, 0.5), WeeklyAmplitude = (0.1, 0.25), NoiseScale = (1.5, 3.0),
            Autocorrelation = 0.5, TrendPerWeek = (-0.01, 0.02), Lower = 0, Upper = 100, Decimals = 2, Eligible = AllKinds,
        },
        new()
        {
            Name = "memory_used_gb", Unit = "GB", Noise = NoiseShape.Gaussian, Shape = DailyShape.Business, PeakHour = 16,
            Level = (6, 40), DailyAmplitude = (0.02, 0.06), WeeklyAmplitude = (0.0, 0.03), NoiseScale = (0.004, 0.008),
            NoiseFractionOfLevel = true, Autocorrelation = 0.9, TrendPerWeek = (0.0, 0.02), Lower = 0, Upper = 64, Decimals = 3,
            Eligible = NoSeasonBreak,
        },
        new()
        {
            Name = "request_rate", Unit = "req/s", Noise = NoiseShape.LargeCount, Shape = DailyShape.Business, PeakHour = 13,
            Level = (50, 800), DailyAmplitude = (0.35, 0.6), WeeklyAmplitude = (0.1, 0.25), NoiseScale = (0.02, 0.04),
            Autocorrelation = 0.6, TrendPerWeek = (0.0, 0.03), Lower = 0, Upper = double.PositiveInfinity, Decimals = 3,
            PerSecond = true, IncidentDirection = -1, Eligible = AllKinds,
        },
        new()
        {
            Name = "latency_p95_ms", Unit = "ms", Noise = NoiseShape.HeavyTailed, Shape = DailyShape.Business, PeakHour = 14,
            Level = (80, 300), DailyAmplitude = (0.1, 0.25), WeeklyAmplitude = (0.03, 0.1), NoiseScale = (0.04, 0.07),
            Autocorrelation = 0.3, TrendPerWeek = (-0.01, 0.01), Lower = 0, Upper = double.PositiveInfinity, Decimals = 2,
            Eligible = AllKinds,
        },
        new()
        {
            Name = "error_rate", Unit = "errors/s", Noise = NoiseShape.SmallCount, Shape = DailyShape.Business, PeakHour = 13,
            Level = (0.005, 0.05), DailyAmplitude = (0.3, 0.55), WeeklyAmplitude = (0.1, 0.25), NoiseScale = (0.05, 0.1),
            Autocorrelation = 0.5, TrendPerWeek = (0.0, 0.02), Lower = 0, Upper = double.PositiveInfinity, Decimals = 6,
            PerSecond = true, Eligible = NearZero,
        },
        new()
        {
            Name = "disk_io_util", Unit = "percent", Noise = NoiseShape.Gaussian, Shape = DailyShape.Batch, PeakHour = 2,
            Level = (10, 35), DailyAmplitude = (0.6, 1.2), WeeklyAmplitude = (0.0, 0.1), NoiseScale = (1.0, 2.5),
            Autocorrelation = 0.4, TrendPerWeek = (-0.01, 0.01), Lower = 0, Upper = 100, Decimals = 2, Eligible = AllKinds,
        },
        new()
        {
            Name = "queue_depth", Unit = "messages", Noise = NoiseShape.SmallCount, Shape = DailyShape.Business, PeakHour = 14,
            Level = (3, 20), DailyAmplitude = (0.3, 0.55), WeeklyAmplitude = (0.1, 0.25), NoiseScale = (0.1, 0.2),
            Autocorrelation = 0.7, TrendPerWeek = (0.0, 0.02), Lower = 0, Upper = double.PositiveInfinity, Decimals = 0,
            Eligible = NearZero,
        },
    ];

    public static int Count => All.Count;
}
