using System.Globalization;
using AnomalyHunter.Synthetic.Generation;

namespace AnomalyHunter.Synthetic.Options;

/// <summary>Settings of the synthetic metrics generator; the defaults are the demo configuration (84 series, 4 weeks, 5-minute steps).</summary>
public sealed record SyntheticOptions
{
    /// <summary>Default seed.</summary>
    public const long DefaultSeed = 42;

    /// <summary>Default number of days.</summary>
    public const int DefaultDays = 28;

    /// <summary>Default number of tenants.</summary>
    public const int DefaultTenants = 2;

    /// <summary>Default number of regions per tenant.</summary>
    public const int DefaultRegionsPerTenant = 1;

    /// <summary>Default number of services per tenant and region.</summary>
    public const int DefaultServicesPerRegion = 2;

    /// <summary>Default number of hosts per service.</summary>
    public const int DefaultHostsPerService = 3;

    /// <summary>Default number of metrics per host (all seven of the catalogue).</summary>
    public const int DefaultMetricsPerHost = 7;

    /// <summary>Default number of leading days without anomalies.</summary>
    public const int DefaultQuietDays = 7;

    /// <summary>Default largest lag of an incident follower, in steps.</summary>
    public const int DefaultMaxIncidentLagSteps = 6;

    /// <summary>Default number of threads used to generate.</summary>
    public const int DefaultParallelism = 1;

    /// <summary>Largest number of series accepted.</summary>
    public const int MaxSeries = 10_000_000;

    /// <summary>Default start: Monday 5 January 2026, 00:00 UTC.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Default step between points.</summary>
    public static readonly TimeSpan DefaultStep = TimeSpan.FromMinutes(5);

    /// <summary>Default least time between two anomalies on one series.</summary>
    public static readonly TimeSpan DefaultMinSeparation = TimeSpan.FromHours(12);

    /// <summary>Default labelled duration of a persistent level shift.</summary>
    public static readonly TimeSpan DefaultShiftLabelDuration = TimeSpan.FromHours(6);

    /// <summary>The demo configuration: 84 series over 4 weeks at 5-minute steps, 44 labelled anomalies.</summary>
    public static SyntheticOptions Demo { get; } = new();

    /// <summary>10,000 series × 10,080 points (35 days at 5 minutes), about 100 million points, for streaming benchmarks (two threads).</summary>
    public static SyntheticOptions LargeBenchmark { get; } = new()
    {
        Days = 35,
        Tenants = 10,
        RegionsPerTenant = 2,
        ServicesPerRegion = 10,
        HostsPerService = 10,
        MetricsPerHost = 5,
        Anomalies = new AnomalyCounts().Scale(20),
        Parallelism = 2,
    };

    /// <summary>1,000 series × 10,080 points, about 10 million long-CSV rows, for the ingest benchmark (two threads).</summary>
    public static SyntheticOptions IngestBenchmark { get; } = new()
    {
        Days = 35,
        Tenants = 5,
        RegionsPerTenant = 2,
        ServicesPerRegion = 5,
        HostsPerService = 4,
        MetricsPerHost = 5,
        Anomalies = new AnomalyCounts().Scale(5),
        Parallelism = 2,
    };

    /// <summary>Seed of every random choice; the same seed and settings give the same bytes on any machine.</summary>
    public long Seed { get; init; } = DefaultSeed;

    /// <summary>UTC time of the first point; offset zero and aligned to <see cref="Step"/> from midnight.</summary>
    public DateTimeOffset Start { get; init; } = DefaultStart;

    /// <summary>Length of the data in days; 1 to 3660.</summary>
    public int Days { get; init; } = DefaultDays;

    /// <summary>Step between points; whole seconds from 1 s to 1 day that divide a day evenly.</summary>
    public TimeSpan Step { get; init; } = DefaultStep;

    /// <summary>Number of tenants; 1 to 1000.</summary>
    public int Tenants { get; init; } = DefaultTenants;

    /// <summary>Regions per tenant; 1 to 100.</summary>
    public int RegionsPerTenant { get; init; } = DefaultRegionsPerTenant;

    /// <summary>Services per tenant and region; 1 to 1000.</summary>
    public int ServicesPerRegion { get; init; } = DefaultServicesPerRegion;

    /// <summary>Hosts per service; 1 to 10000.</summary>
    public int HostsPerService { get; init; } = DefaultHostsPerService;

    /// <summary>Metrics per host, taken in catalogue order (cpu, memory, requests, latency, errors, disk, queue); 1 to 7.</summary>
    public int MetricsPerHost { get; init; } = DefaultMetricsPerHost;

    /// <summary>Anomalies to inject per kind.</summary>
    public AnomalyCounts Anomalies { get; init; } = new();

    /// <summary>Leading days kept free of anomalies as history for detectors; 0 to Days − 1.</summary>
    public int QuietDays { get; init; } = DefaultQuietDays;

    /// <summary>Least time between the labelled intervals of two anomalies on one series; 0 to 7 days.</summary>
    public TimeSpan MinSeparation { get; init; } = DefaultMinSeparation;

    /// <summary>Labelled duration of a level shift (the shift itself persists); 1 step to 7 days.</summary>
    public TimeSpan ShiftLabelDuration { get; init; } = DefaultShiftLabelDuration;

    /// <summary>Largest lag of an incident follower behind its origin, in steps; 1 to 100.</summary>
    public int MaxIncidentLagSteps { get; init; } = DefaultMaxIncidentLagSteps;

    /// <summary>Threads used for in-memory and per-day generation (the output does not depend on it); 1 to 64.</summary>
    public int Parallelism { get; init; } = DefaultParallelism;

    /// <summary>Number of series: tenants × regions × services × hosts × metrics.</summary>
    public long SeriesCount => (long)Tenants * RegionsPerTenant * ServicesPerRegion * HostsPerService * MetricsPerHost;

    /// <summary>Points per day and series.</summary>
    public int StepsPerDay => (int)(TimeSpan.TicksPerDay / Step.Ticks);

    /// <summary>Points per series (before gaps are removed).</summary>
    public int TotalSteps => Days * StepsPerDay;

    /// <summary>Step length in milliseconds.</summary>
    public long StepMs => Step.Ticks / TimeSpan.TicksPerMillisecond;

    /// <summary>Start as UTC epoch milliseconds.</summary>
    public long StartMs => Start.ToUnixTimeMilliseconds();

    /// <summary>Throws <see cref="SyntheticOptionsException"/> naming the first setting outside its allowed range.</summary>
    public void Validate()
    {
        ValidateTime();
        ValidateTopology();
        ValidateAnomalies();
    }

    private void ValidateTime()
    {
        Check(Days is >= 1 and <= 3660, "Days", Text($"{Days} is outside the allowed range 1..3660 days."));
        Check(
            Step.Ticks % TimeSpan.TicksPerSecond == 0 && Step >= TimeSpan.FromSeconds(1) && Step <= TimeSpan.FromDays(1) && TimeSpan.TicksPerDay % Step.Ticks == 0,
            "Step",
            Text($"{Step} is not allowed: use whole seconds from 1 s to 1 day that divide a day evenly (such as 00:05:00)."));
        Check(Start.Offset == TimeSpan.Zero, "Start", Text($"{Start:O} must be given in UTC (offset 00:00)."));
        Check(Start.UtcTicks >= DateTimeOffset.UnixEpoch.UtcTicks && Start.Year <= 9000, "Start", Text($"{Start:O} must lie between 1970 and 9000."));
        Check((Start.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) % Step.Ticks == 0, "Start", Text($"{Start:O} must be aligned to the step {Step} from midnight UTC."));
        Check(QuietDays >= 0 && QuietDays < Days, "QuietDays", Text($"{QuietDays} is outside the allowed range 0..{Days - 1} (Days − 1)."));
        Check(MinSeparation >= TimeSpan.Zero && MinSeparation <= TimeSpan.FromDays(7), "MinSeparation", Text($"{MinSeparation} is outside the allowed range 0..7 days."));
        Check(ShiftLabelDuration >= Step && ShiftLabelDuration <= TimeSpan.FromDays(7), "ShiftLabelDuration", Text($"{ShiftLabelDuration} is outside the allowed range {Step} (one step)..7 days."));
        Check(Parallelism is >= 1 and <= 64, "Parallelism", Text($"{Parallelism} is outside the allowed range 1..64."));
    }

    private void ValidateTopology()
    {
        Check(Tenants is >= 1 and <= 1000, "Tenants", Text($"{Tenants} is outside the allowed range 1..1000."));
        Check(RegionsPerTenant is >= 1 and <= 100, "RegionsPerTenant", Text($"{RegionsPerTenant} is outside the allowed range 1..100."));
        Check(ServicesPerRegion is >= 1 and <= 1000, "ServicesPerRegion", Text($"{ServicesPerRegion} is outside the allowed range 1..1000."));
        Check(HostsPerService is >= 1 and <= 10_000, "HostsPerService", Text($"{HostsPerService} is outside the allowed range 1..10000."));
        Check(MetricsPerHost >= 1 && MetricsPerHost <= MetricCatalog.Count, "MetricsPerHost", Text($"{MetricsPerHost} is outside the allowed range 1..{MetricCatalog.Count}."));
        Check(SeriesCount <= MaxSeries, "Tenants", Text($"the settings give {SeriesCount} series; at most {MaxSeries} are allowed (Tenants × RegionsPerTenant × ServicesPerRegion × HostsPerService × MetricsPerHost)."));
    }

    private void ValidateAnomalies()
    {
        Check(Anomalies is not null, "Anomalies", "must be set (use AnomalyCounts.None for clean data).");
        Anomalies!.Validate();
        Check(MaxIncidentLagSteps is >= 1 and <= 100, "MaxIncidentLagSteps", Text($"{MaxIncidentLagSteps} is outside the allowed range 1..100 steps."));
        Check(
            Anomalies.CorrelatedIncident == 0 || MetricsPerHost >= 2 || HostsPerService >= 2,
            "Anomalies:CorrelatedIncident",
            "needs a group of at least two series: MetricsPerHost >= 2 or HostsPerService >= 2 (or a count of 0).");
    }

    private static void Check(bool ok, string setting, string message)
    {
        if (!ok)
        {
            throw new SyntheticOptionsException("Synthetic:" + setting, message);
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
