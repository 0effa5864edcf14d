using AnomalyHunter.Investigation.Agents;
using AnomalyHunter.Investigation.Context;
using AnomalyHunter.Investigation.Tests.Support;
using AnomalyHunter.Synthetic.Model;
using AnomalyHunter.Synthetic.Options;
using Xunit.Abstractions;

namespace AnomalyHunter.Investigation.Tests.Agents;

/// <summary>
/// Short windows cut out of long injected changes, read with the data up to the end of their day (as a daily detect run sees
/// them): the analyst must name the change from the evidence around the piece.
/// </summary>
public sealed class PatternAnalystPieceTests(ITestOutputHelper output)
{
    private const long DayMs = 86_400_000;
    private static readonly double[] Fractions = [0.4, 0.6, 0.8];

    [Theory]
    [InlineData(AnomalyKind.TrendChange, 0.6)]
    [InlineData(AnomalyKind.SeasonalityBreak, 0.75)]
    public async Task Short_pieces_of_long_changes_are_named_after_the_change(AnomalyKind kind, double least)
    {
        var agent = new PatternAnalystAgent(new AgentOptions());
        int total = 0, correct = 0, wrongWay = 0;
        foreach (long seed in new long[] { 1, 2, 3 })
        {
            var data = SyntheticCases.Dataset(seed);
            long step = (long)SyntheticOptions.Demo.Step.TotalMilliseconds;
            foreach (var label in data.Labels.Where(l => l.Kind == kind))
            {
                var member = label.Members[0];
                long start = member.Start.ToUnixTimeMilliseconds(), end = member.End.ToUnixTimeMilliseconds();
                foreach (double f in Fractions)
                {
                    long pieceStart = start + ((long)((end - start) * f) / step * step);
                    var context = Piece(data, member, pieceStart, pieceStart + (2 * step));
                    var finding = await agent.InvestigateAsync(context, CancellationToken.None);
                    total++;
                    correct += finding.Pattern == kind.ToName() ? 1 : 0;
                    if (finding.Pattern == AnomalyKind.TrendChange.ToName() && kind == AnomalyKind.TrendChange)
                    {
                        // why: the verdict matches runbooks by direction; a piece of a drift must go the drift's way.
                        string expected = Slope(label.Detail) < 0 ? "down" : "up";
                        wrongWay += finding.Evidence.Single(e => e.Name == "direction").Detail == expected ? 0 : 1;
                    }

                    output.WriteLine($"seed {seed} {label.Id} ({label.Detail}, {member.Sigmas:F1} sigma) at {f:P0}: {finding.Pattern}: {finding.Claim}");
                }
            }
        }

        double share = (double)correct / total;
        output.WriteLine($"named {kind.ToName()}: {correct}/{total} = {share:P1}");
        Assert.True(share >= least, $"{correct}/{total} = {share:P1}");
        Assert.Equal(0, wrongWay);
    }

    [Fact]
    public async Task Short_pieces_of_quiet_days_are_not_named_trend_changes_or_seasonality_breaks()
    {
        var agent = new PatternAnalystAgent(new AgentOptions());
        var named = new List<string>();
        var data = SyntheticCases.Dataset(1);
        long step = (long)SyntheticOptions.Demo.Step.TotalMilliseconds;
        foreach (var series in data.Series.Take(24))
        {
            var ts = series.TimestampsMs;
            // why: days 12 and 20 at noon, a spot on each series that no label covers.
            foreach (int day in new[] { 12, 20 })
            {
                long pieceStart = ts[0] + (day * DayMs) + (DayMs / 2);
                bool labelled = data.Labels.Any(l => l.Members.Any(m => m.SeriesKey == series.Series.Key
                    && m.Start.ToUnixTimeMilliseconds() - (2 * DayMs) <= pieceStart && m.End.ToUnixTimeMilliseconds() + (2 * DayMs) >= pieceStart));
                if (labelled)
                {
                    continue;
                }

                var member = new AffectedSeries(series.Series.Key, 0, DateTimeOffset.FromUnixTimeMilliseconds(pieceStart), DateTimeOffset.FromUnixTimeMilliseconds(pieceStart), 0, 0);
                var finding = await agent.InvestigateAsync(Piece(data, member, pieceStart, pieceStart + (2 * step)), CancellationToken.None);
                named.Add(finding.Pattern!);
            }
        }

        output.WriteLine($"{named.Count} quiet pieces: " + string.Join(", ", named.GroupBy(n => n).Select(g => $"{g.Key} {g.Count()}")));
        Assert.True(named.Count >= 20, $"only {named.Count} quiet pieces");
        Assert.DoesNotContain(named, n => n is "trend_change" or "seasonality_break");
    }

    /// <summary>The injected slope per hour from a trend label's detail (<c>slope_per_hour=-1.61</c>).</summary>
    private static double Slope(string? detail)
    {
        const string Key = "slope_per_hour=";
        int at = detail?.IndexOf(Key, StringComparison.Ordinal) ?? -1;
        Assert.True(at >= 0, $"no slope in '{detail}'");
        string rest = detail![(at + Key.Length)..];
        int end = rest.IndexOf(' ', StringComparison.Ordinal);
        return double.Parse(end < 0 ? rest : rest[..end], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The member's series up to the end of the piece's UTC day, with the piece as the window.</summary>
    private static InvestigationContext Piece(SyntheticDataset data, AffectedSeries member, long startMs, long endMs)
    {
        var full = SyntheticCases.Context(data, member);
        var points = full.Target.Points;
        long cut = ((endMs / DayMs) + 1) * DayMs;
        int n = points.IndexAtOrAfter(cut);
        var target = full.Target with { Points = new SeriesPoints(points.TimestampsMs[..n], points.Values[..n]) };
        return full with { Target = target, Anomaly = full.Anomaly with { StartTsMs = startMs, EndTsMs = endMs, PeakTsMs = startMs } };
    }
}
