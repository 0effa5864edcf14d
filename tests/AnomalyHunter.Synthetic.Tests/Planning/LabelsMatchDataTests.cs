using AnomalyHunter.Synthetic.Model;

namespace AnomalyHunter.Synthetic.Tests.Planning;

/// <summary>Checks each label against the data, mostly through the anomaly-free twin (same seed, same noise draws).</summary>
public sealed class LabelsMatchDataTests
{
    private static IEnumerable<(AnomalyLabel Label, AffectedSeries Member)> Members(AnomalyKind kind) =>
        DemoData.Dataset.Labels.Where(l => l.Kind == kind).SelectMany(l => l.Members.Select(m => (l, m)));

    private static (double[] Data, double[] Clean, int Start, int End) Load(AffectedSeries member) =>
        (DemoData.ByStep(DemoData.Dataset, member.SeriesKey), DemoData.ByStep(DemoData.Clean, member.SeriesKey),
         DemoData.StepOf(member.Start), DemoData.StepOf(member.End));

    [Fact]
    public void Data_equal_the_anomaly_free_twin_before_the_first_label_of_each_series()
    {
        foreach (SeriesData series in DemoData.Dataset.Series)
        {
            var starts = DemoData.Dataset.Labels.SelectMany(l => l.Members).Where(m => m.SeriesKey == series.Series.Key).Select(m => DemoData.StepOf(m.Start));
            int firstLabel = starts.DefaultIfEmpty(DemoData.Options.TotalSteps).Min();
            double[] data = DemoData.ByStep(DemoData.Dataset, series.Series.Key);
            double[] clean = DemoData.ByStep(DemoData.Clean, series.Series.Key);

            Assert.Equal(clean.AsSpan(0, firstLabel).ToArray(), data.AsSpan(0, firstLabel).ToArray());
        }
    }

    [Fact]
    public void Spike_and_dip_peaks_stand_out_from_their_neighbourhood_by_at_least_four_robust_sigmas()
    {
        foreach ((AnomalyLabel label, AffectedSeries member) in Members(AnomalyKind.Spike).Concat(Members(AnomalyKind.Dip)))
        {
            (double[] data, double[] clean, int start, int end) = Load(member);
            double sign = Math.Sign(member.Magnitude);
            var around = Enumerable.Range(start - 12, 12).Concat(Enumerable.Range(end + 1, 12)).Select(i => data[i]).Where(double.IsFinite).ToArray();
            double median = Median(around);
            double sigma = 1.4826 * Median(around.Select(v => Math.Abs(v - median)).ToArray());
            double z = sign * (data[start] - median) / Math.Max(sigma, 1e-9);

            Assert.True(z >= 4.0, $"{label.Id} {member.SeriesKey}: robust z {z:F1}");
            Assert.True(sign * (data[start] - clean[start]) >= 0.5 * Math.Abs(member.Magnitude), $"{label.Id}: peak differs from the clean twin by less than half the magnitude");
        }
    }

    [Fact]
    public void Missing_data_gaps_are_absent_and_their_neighbours_present()
    {
        foreach ((AnomalyLabel label, AffectedSeries member) in Members(AnomalyKind.MissingData))
        {
            (double[] data, _, int start, int end) = Load(member);

            Assert.All(Enumerable.Range(start, end - start + 1), i => Assert.True(double.IsNaN(data[i]), $"{label.Id} step {i}"));
            Assert.False(double.IsNaN(data[start - 1]));
            Assert.True(end + 1 >= data.Length || !double.IsNaN(data[end + 1]));
        }
    }

    [Fact]
    public void Level_shifts_move_the_level_by_their_magnitude_and_persist_to_the_end()
    {
        foreach ((AnomalyLabel label, AffectedSeries member) in Members(AnomalyKind.LevelShift))
        {
            (double[] data, double[] clean, int start, int end) = Load(member);
            double during = MeanDifference(data, clean, start, end);
            double atEnd = MeanDifference(data, clean, data.Length - DemoData.Options.StepsPerDay, data.Length - 1);

            Assert.InRange(during / member.Magnitude, 0.8, 1.2);
            Assert.InRange(atEnd / member.Magnitude, 0.8, 1.2);
        }
    }

    [Fact]
    public void Trend_changes_ramp_up_to_their_magnitude_and_then_hold_it()
    {
        foreach ((AnomalyLabel label, AffectedSeries member) in Members(AnomalyKind.TrendChange))
        {
            (double[] data, double[] clean, int start, int end) = Load(member);
            int quarter = (end - start) / 4;
            double firstQuarter = MeanDifference(data, clean, start, start + quarter);
            double lastQuarter = MeanDifference(data, clean, end - quarter, end);
            double after = MeanDifference(data, clean, end + 1, Math.Min(end + quarter, data.Length - 1));

            Assert.InRange(firstQuarter / member.Magnitude, 0.0, 0.3);
            Assert.InRange(lastQuarter / member.Magnitude, 0.7, 1.1);
            Assert.InRange(after / member.Magnitude, 0.8, 1.2);
        }
    }

    [Fact]
    public void Variance_changes_multiply_the_noise_by_their_factor()
    {
        foreach ((AnomalyLabel label, AffectedSeries member) in Members(AnomalyKind.VarianceChange))
        {
            (double[] data, double[] clean, int start, int end) = Load(member);
            double ratio = DifferenceSpread(data, start, end) / DifferenceSpread(clean, start, end);

            Assert.InRange(ratio / member.Magnitude, 0.6, 1.4);
        }
    }

    [Fact]
    public void Seasonality_breaks_change_the_daily_pattern_for_their_whole_interval()
    {
        foreach ((AnomalyLabel label, AffectedSeries member) in Members(AnomalyKind.SeasonalityBreak))
        {
            (double[] data, double[] clean, int start, int end) = Load(member);
            double meanAbs = Enumerable.Range(start, end - start + 1).Where(i => double.IsFinite(data[i])).Average(i => Math.Abs(data[i] - clean[i]));

            Assert.True(meanAbs >= 0.25 * member.Magnitude, $"{label.Id} {label.Detail}: mean change {meanAbs} of magnitude {member.Magnitude}");
        }
    }

    [Fact]
    public void Incident_followers_lag_the_origin_by_the_labelled_steps_by_cross_correlation()
    {
        foreach (AnomalyLabel incident in DemoData.Dataset.Labels.Where(l => l.Kind == AnomalyKind.CorrelatedIncident))
        {
            double[] origin = Difference(incident.Members[0]);
            foreach (AffectedSeries follower in incident.Members.Skip(1))
            {
                double[] moved = Difference(follower);
                int best = Enumerable.Range(0, 3 * DemoData.Options.MaxIncidentLagSteps).MaxBy(lag => CrossCorrelation(origin, moved, lag));

                Assert.Equal(follower.LagSteps, best);
            }
        }

        double[] Difference(AffectedSeries member)
        {
            (double[] data, double[] clean, _, _) = Load(member);
            return [.. data.Zip(clean, (d, c) => double.IsFinite(d) ? d - c : 0.0)];
        }
    }

    private static double CrossCorrelation(double[] origin, double[] follower, int lag)
    {
        double sum = 0;
        for (int i = 0; i + lag < origin.Length; i++)
        {
            sum += origin[i] * follower[i + lag];
        }

        return Math.Abs(sum);
    }

    private static double MeanDifference(double[] data, double[] clean, int from, int to) =>
        Enumerable.Range(from, to - from + 1).Where(i => double.IsFinite(data[i])).Average(i => data[i] - clean[i]);

    private static double DifferenceSpread(double[] values, int from, int to)
    {
        var steps = Enumerable.Range(from + 1, to - from).Where(i => double.IsFinite(values[i]) && double.IsFinite(values[i - 1])).Select(i => values[i] - values[i - 1]).ToArray();
        double mean = steps.Average();
        return Math.Sqrt(steps.Average(d => (d - mean) * (d - mean)));
    }

    internal static double Median(double[] values)
    {
        double[] sorted = [.. values.Order()];
        int n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[(n / 2) - 1] + sorted[n / 2]);
    }
}
