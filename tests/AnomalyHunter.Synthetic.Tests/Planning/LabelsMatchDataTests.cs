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
    public void Spike_and_dip_peaks_stand_out_from_their_neighbourhood_by_at_least_four_sigmas()
    {
        foreach ((AnomalyLabel label, AffectedSeries member) in Members(AnomalyKind.Spike).Concat(Members(AnomalyKind.Dip)))
        {
            (double[] data, double[] clean, int start, int end) = Load(member);
            double sign = Math.Sign(member.Magnitude);

            // A parabola through the 45 minutes on each side removes the daily pattern; its residuals measure the noise.
            int[] around = [.. Enumerable.Range(start - 9, 9).Concat(Enumerable.Range(end + 1, 9)).Where(i => double.IsFinite(data[i]))];
            Func<int, double> fit = Parabola(around, data);
            double sigma = Math.Sqrt(around.Sum(i => Math.Pow(data[i] - fit(i), 2)) / (around.Length - 3));
            double z = sign * (data[start] - fit(start)) / sigma;

            Assert.True(z >= 4.0, $"{label.Id} {member.SeriesKey}: z {z:F1}");
            double offset = data[start - 1] - clean[start - 1];
            Assert.True(sign * (data[start] - clean[start] - offset) >= 0.5 * Math.Abs(member.Magnitude), $"{label.Id}: peak differs from the clean twin by less than half the magnitude");
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
            int tail = Math.Max(end + 1, data.Length - DemoData.Options.StepsPerDay);
            double atEnd = tail < data.Length ? MeanDifference(data, clean, tail, data.Length - 1) : member.Magnitude;

            Assert.True(during / member.Magnitude is >= 0.8 and <= 1.2, $"{label.Id} {member.SeriesKey}: moved {during} during the label for a magnitude {member.Magnitude}");
            Assert.True(atEnd / member.Magnitude is >= 0.8 and <= 1.2, $"{label.Id} {member.SeriesKey}: moved {atEnd} at the end for a magnitude {member.Magnitude}");
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

            // why: noise of latency and request rates is proportional to the mean, which an earlier persistent anomaly may have moved.
            bool relative = member.SeriesKey.StartsWith("latency", StringComparison.Ordinal) || member.SeriesKey.StartsWith("request", StringComparison.Ordinal);
            double meanRatio = relative ? MeanOver(data, start, end) / MeanOver(clean, start, end) : 1.0;
            double ratio = SecondDifferenceSpread(data, start, end) / SecondDifferenceSpread(clean, start, end) / meanRatio;

            Assert.True(ratio / member.Magnitude is >= 0.75 and <= 1.25, $"{label.Id} {member.SeriesKey}: noise ratio {ratio} for a factor {member.Magnitude}");
        }
    }

    [Fact]
    public void Seasonality_breaks_change_the_daily_pattern_by_their_magnitude_and_only_within_their_interval()
    {
        foreach ((AnomalyLabel label, AffectedSeries member) in Members(AnomalyKind.SeasonalityBreak))
        {
            (double[] data, double[] clean, int start, int end) = Load(member);
            double baseline = data[start - 1] - clean[start - 1];
            double largest = Enumerable.Range(start, end - start + 1).Where(i => double.IsFinite(data[i])).Max(i => Math.Abs(data[i] - clean[i] - baseline));
            int[] after = [.. Enumerable.Range(end + 1, 12).Where(i => i < data.Length && double.IsFinite(data[i]))];
            double afterwards = after.Length == 0 ? 0.0 : after.Average(i => Math.Abs(data[i] - clean[i] - baseline));

            Assert.True(largest >= 0.7 * member.Magnitude, $"{label.Id} {label.Detail}: largest change {largest} of magnitude {member.Magnitude}");
            Assert.True(afterwards <= 0.2 * member.Magnitude, $"{label.Id} {label.Detail}: still {afterwards} off after the end");
        }
    }

    [Fact]
    public void Incident_followers_lag_the_origin_by_the_labelled_steps_by_cross_correlation()
    {
        foreach (AnomalyLabel incident in DemoData.Dataset.Labels.Where(l => l.Kind == AnomalyKind.CorrelatedIncident))
        {
            double[] origin = Difference(incident, incident.Members[0]);
            foreach (AffectedSeries follower in incident.Members.Skip(1))
            {
                double[] moved = Difference(incident, follower);
                int best = Enumerable.Range(0, 3 * DemoData.Options.MaxIncidentLagSteps).MaxBy(lag => CrossCorrelation(origin, moved, lag));

                // why: small counts (errors, queue depth) are discrete, so their cross-correlation peak may sit one step off.
                int allowed = follower.SeriesKey.StartsWith("error_rate", StringComparison.Ordinal) || follower.SeriesKey.StartsWith("queue_depth", StringComparison.Ordinal) ? 1 : 0;
                Assert.True(Math.Abs(follower.LagSteps - best) <= allowed, $"{incident.Id} {follower.SeriesKey}: lag {best} by cross-correlation, {follower.LagSteps} labelled");
            }
        }

        static double[] Difference(AnomalyLabel incident, AffectedSeries member)
        {
            // why: only the incident's own window, less any offset left by an earlier persistent anomaly on the series.
            (double[] data, double[] clean, _, _) = Load(member);
            int from = DemoData.StepOf(incident.Start) - (3 * DemoData.Options.MaxIncidentLagSteps);
            int to = Math.Min(DemoData.StepOf(incident.End) + (3 * DemoData.Options.MaxIncidentLagSteps), data.Length - 1);
            double offset = data[from] - clean[from];
            return [.. Enumerable.Range(from, to - from + 1).Select(i => double.IsFinite(data[i]) ? data[i] - clean[i] - offset : 0.0)];
        }
    }

    /// <summary>Least-squares parabola through the points (index, value), centred for conditioning.</summary>
    private static Func<int, double> Parabola(int[] x, double[] y)
    {
        double centre = x.Average();
        double[,] a = new double[3, 4];
        foreach (int i in x)
        {
            double[] row = [1.0, i - centre, (i - centre) * (i - centre)];
            for (int r = 0; r < 3; r++)
            {
                for (int c = 0; c < 3; c++)
                {
                    a[r, c] += row[r] * row[c];
                }

                a[r, 3] += row[r] * y[i];
            }
        }

        for (int p = 0; p < 3; p++)
        {
            for (int r = p + 1; r < 3; r++)
            {
                double f = a[r, p] / a[p, p];
                for (int c = p; c < 4; c++)
                {
                    a[r, c] -= f * a[p, c];
                }
            }
        }

        var coefficients = new double[3];
        for (int r = 2; r >= 0; r--)
        {
            double sum = a[r, 3];
            for (int c = r + 1; c < 3; c++)
            {
                sum -= a[r, c] * coefficients[c];
            }

            coefficients[r] = sum / a[r, r];
        }

        return i => coefficients[0] + (coefficients[1] * (i - centre)) + (coefficients[2] * (i - centre) * (i - centre));
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

    private static double MeanOver(double[] values, int from, int to) =>
        Enumerable.Range(from, to - from + 1).Where(i => double.IsFinite(values[i])).Average(i => values[i]);

    /// <summary>Spread of second differences, which remove the slowly changing mean and keep the noise.</summary>
    private static double SecondDifferenceSpread(double[] values, int from, int to)
    {
        var steps = Enumerable.Range(from + 2, to - from - 1)
            .Where(i => double.IsFinite(values[i]) && double.IsFinite(values[i - 1]) && double.IsFinite(values[i - 2]))
            .Select(i => values[i] - (2 * values[i - 1]) + values[i - 2]).ToArray();
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
