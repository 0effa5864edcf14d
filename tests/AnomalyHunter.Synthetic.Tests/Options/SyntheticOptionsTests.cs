using AnomalyHunter.Synthetic.Generation;
using AnomalyHunter.Synthetic.Options;

namespace AnomalyHunter.Synthetic.Tests.Options;

public sealed class SyntheticOptionsTests
{
    public static TheoryData<string, SyntheticOptions> InvalidSettings => new()
    {
        { "Synthetic:Days", SyntheticOptions.Demo with { Days = 0 } },
        { "Synthetic:Step", SyntheticOptions.Demo with { Step = TimeSpan.FromMinutes(7) } },
        { "Synthetic:Step", SyntheticOptions.Demo with { Step = TimeSpan.FromMilliseconds(1500) } },
        { "Synthetic:Start", SyntheticOptions.Demo with { Start = new DateTimeOffset(2026, 1, 5, 0, 2, 0, TimeSpan.Zero) } },
        { "Synthetic:Start", SyntheticOptions.Demo with { Start = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.FromHours(1)) } },
        { "Synthetic:MetricsPerHost", SyntheticOptions.Demo with { MetricsPerHost = 8 } },
        { "Synthetic:Tenants", SyntheticOptions.Demo with { Tenants = 0 } },
        { "Synthetic:QuietDays", SyntheticOptions.Demo with { QuietDays = 28 } },
        { "Synthetic:Parallelism", SyntheticOptions.Demo with { Parallelism = 0 } },
        { "Synthetic:Anomalies:Spike", SyntheticOptions.Demo with { Anomalies = new AnomalyCounts { Spike = -1 } } },
        { "Synthetic:Anomalies:CorrelatedIncident", SyntheticOptions.Demo with { MetricsPerHost = 1, HostsPerService = 1 } },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void Validation_names_the_setting_and_its_allowed_values(string setting, SyntheticOptions options)
    {
        var error = Assert.Throws<SyntheticOptionsException>(options.Validate);

        Assert.Equal(setting, error.Setting);
        Assert.StartsWith(setting + ": ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_demo_configuration_has_60_to_100_series_and_about_half_a_million_points_over_four_weeks()
    {
        SyntheticOptions demo = SyntheticOptions.Demo;
        demo.Validate();

        Assert.InRange(demo.SeriesCount, 60, 100);
        Assert.Equal(28, demo.Days);
        Assert.Equal(TimeSpan.FromMinutes(5), demo.Step);
        Assert.InRange(demo.SeriesCount * demo.TotalSteps, 450_000, 750_000);
    }

    [Fact]
    public void The_benchmark_presets_are_valid_and_have_the_promised_sizes()
    {
        SyntheticOptions.LargeBenchmark.Validate();
        SyntheticOptions.IngestBenchmark.Validate();

        Assert.Equal(10_000, SyntheticOptions.LargeBenchmark.SeriesCount);
        Assert.InRange(SyntheticOptions.LargeBenchmark.SeriesCount * SyntheticOptions.LargeBenchmark.TotalSteps, 100_000_000, 101_000_000);
        Assert.InRange(SyntheticOptions.IngestBenchmark.SeriesCount * SyntheticOptions.IngestBenchmark.TotalSteps, 10_000_000, 10_100_000);
    }

    [Fact]
    public void Asking_for_more_anomalies_than_fit_fails_with_the_kind_named()
    {
        var options = SyntheticOptions.Demo with { Days = 8, Tenants = 1, ServicesPerRegion = 1, HostsPerService = 1, Anomalies = AnomalyCounts.None with { Spike = 500 } };

        var error = Assert.Throws<SyntheticOptionsException>(() => new SyntheticGenerator(options));

        Assert.Equal("Synthetic:Anomalies:Spike", error.Setting);
    }
}
