using AnomalyHunter.Synthetic.Generation;
using AnomalyHunter.Synthetic.Model;
using AnomalyHunter.Synthetic.Options;

namespace AnomalyHunter.Synthetic.Tests.Planning;

public sealed class LabelPlacementTests
{
    private static IReadOnlyList<AnomalyLabel> Labels => DemoData.Generator.Labels;

    [Fact]
    public void Every_kind_gets_the_configured_count_of_labels()
    {
        foreach (AnomalyKind kind in AnomalyKindNames.All)
        {
            Assert.Equal(DemoData.Options.Anomalies.Get(kind), Labels.Count(l => l.Kind == kind));
        }
    }

    [Fact]
    public void No_anomaly_starts_in_the_first_week_and_none_runs_past_the_data()
    {
        DateTimeOffset quietEnd = DemoData.Options.Start.AddDays(DemoData.Options.QuietDays);
        DateTimeOffset last = DemoData.Options.Start + (DemoData.Options.Step * (DemoData.Options.TotalSteps - 1));

        Assert.All(Labels.SelectMany(l => l.Members), m => Assert.True(m.Start >= quietEnd && m.End <= last && m.Start <= m.End));
    }

    [Fact]
    public void Anomalies_never_overlap_on_one_series_and_keep_the_separation()
    {
        foreach (var group in Labels.SelectMany(l => l.Members.Select(m => (l.Id, m))).GroupBy(x => x.m.SeriesKey, StringComparer.Ordinal))
        {
            var ordered = group.OrderBy(x => x.m.Start).ToList();
            for (int i = 1; i < ordered.Count; i++)
            {
                Assert.True(
                    ordered[i].m.Start - ordered[i - 1].m.End > DemoData.Options.MinSeparation,
                    $"{ordered[i - 1].Id} and {ordered[i].Id} are too close on {group.Key}");
            }
        }
    }

    [Fact]
    public void Label_times_are_aligned_to_steps_and_ids_are_unique_and_ordered_by_start()
    {
        Assert.All(Labels.SelectMany(l => l.Members), m =>
        {
            Assert.Equal(0, (m.Start - DemoData.Options.Start).Ticks % DemoData.Options.Step.Ticks);
            Assert.Equal(0, (m.End - DemoData.Options.Start).Ticks % DemoData.Options.Step.Ticks);
            Assert.Equal(TimeSpan.Zero, m.Start.Offset);
        });
        Assert.Equal(Labels.Count, Labels.Select(l => l.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Labels.OrderBy(l => l.Start).Select(l => l.Id), Labels.Select(l => l.Id));
    }

    [Fact]
    public void Single_series_magnitudes_lie_in_the_documented_ranges()
    {
        foreach (AnomalyLabel label in Labels)
        {
            AffectedSeries m = label.Members[0];
            switch (label.Kind)
            {
                case AnomalyKind.Spike:
                    Assert.InRange(m.Sigmas, 6.0, 12.0);
                    Assert.True(m.Magnitude > 0);
                    break;
                case AnomalyKind.Dip:
                    Assert.InRange(m.Sigmas, 6.0, 12.0);
                    Assert.True(m.Magnitude < 0);
                    break;
                case AnomalyKind.LevelShift:
                    Assert.InRange(m.Sigmas, 3.0, 6.0);
                    Assert.Equal(DemoData.Options.ShiftLabelDuration, m.End - m.Start + DemoData.Options.Step);
                    break;
                case AnomalyKind.TrendChange:
                    Assert.InRange(m.Sigmas, 4.0, 8.0);
                    Assert.InRange((m.End - m.Start).TotalDays, 0.99, 3.0);
                    break;
                case AnomalyKind.VarianceChange:
                    Assert.InRange(m.Magnitude, 2.5, 4.0);
                    break;
                case AnomalyKind.SeasonalityBreak:
                    Assert.True(m.Sigmas >= 4.0);
                    Assert.InRange((m.End - m.Start + DemoData.Options.Step).TotalDays, 1.0, 2.0);
                    break;
                case AnomalyKind.MissingData:
                    Assert.Equal((m.End - m.Start) / DemoData.Options.Step + 1, m.Magnitude);
                    break;
            }
        }
    }

    [Fact]
    public void Correlated_incidents_have_an_origin_and_weaker_followers_with_lags_of_a_few_steps()
    {
        var incidents = Labels.Where(l => l.Kind == AnomalyKind.CorrelatedIncident).ToList();
        Assert.NotEmpty(incidents);
        foreach (AnomalyLabel incident in incidents)
        {
            Assert.NotNull(incident.IncidentId);
            Assert.Equal(incident.Members[0].SeriesKey, incident.Origin);
            Assert.Equal(0, incident.Members[0].LagSteps);
            Assert.InRange(incident.Members[0].Sigmas, 3.5, 5.0);
            Assert.True(incident.Members.Count >= 2);
            foreach (AffectedSeries follower in incident.Members.Skip(1))
            {
                Assert.InRange(follower.LagSteps, 1, DemoData.Options.MaxIncidentLagSteps);
                Assert.InRange(follower.Sigmas, 1.5, 2.5);
                Assert.Equal(incident.Start + (DemoData.Options.Step * follower.LagSteps), follower.Start);
            }

            var groups = incident.Members.Select(m => DemoData.Generator.Series.Single(s => s.Key == m.SeriesKey)).ToList();
            bool oneHost = groups.All(s => s.Host == groups[0].Host && s.Service == groups[0].Service && s.Tenant == groups[0].Tenant);
            bool oneMetric = groups.All(s => s.Metric == groups[0].Metric && s.Service == groups[0].Service && s.Tenant == groups[0].Tenant);
            Assert.True(oneHost || oneMetric);
        }
    }

    [Fact]
    public void Without_anomalies_configured_there_are_no_labels()
    {
        var generator = new SyntheticGenerator(SyntheticOptions.Demo with { Anomalies = AnomalyCounts.None });

        Assert.Empty(generator.Labels);
        Assert.Equal(SyntheticOptions.Demo.SeriesCount * SyntheticOptions.Demo.TotalSteps, generator.PointCount);
    }
}
