using AnomalyHunter.Jobs.Detect;
using AnomalyHunter.Jobs.Tests.Support;
using AnomalyHunter.Lakehouse.Model;

namespace AnomalyHunter.Jobs.Tests.Detect;

public sealed class MissingDataDetectionTests
{
    private const long Day = 86_400_000;
    private const long Step = 300_000;
    private static readonly long Start = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private static readonly SeriesKey Key = new("acme", "eu", "cpu", [new("host", "a")]);

    // why: the gap runs over midnight, so in daily batches the data resumes in the next batch.
    private static readonly long GapStart = Start + Day - (2 * 3_600_000);
    private static readonly long GapEnd = Start + Day + 3_600_000;

    private static List<(SeriesKey Key, long Ts, double Value)> Points(int days, bool withGap)
    {
        var rng = new Random(3);
        var rows = new List<(SeriesKey, long, double)>();
        for (long t = Start; t < Start + (days * Day); t += Step)
        {
            double v = 50 + (rng.NextDouble() * 4);
            if (!withGap || t < GapStart || t > GapEnd)
            {
                rows.Add((Key, t, v));
            }
        }

        return rows;
    }

    private static IEnumerable<List<(SeriesKey, long, double)>> Daily(List<(SeriesKey Key, long Ts, double Value)> all) =>
        all.GroupBy(r => (r.Ts - Start) / Day).OrderBy(g => g.Key).Select(g => g.ToList());

    [Fact]
    public async Task A_gap_in_a_regular_series_becomes_a_missing_data_window_over_the_absent_points()
    {
        var anomalies = await BatchDetection.RunAsync(Daily(Points(3, withGap: true)));

        var gap = Assert.Single(anomalies, a => a.Passes == DetectOptions.MissingDataPass);
        Assert.Equal(GapStart, gap.StartTsMs);
        Assert.Equal(GapEnd, gap.EndTsMs);
        Assert.Equal(((GapEnd - GapStart) / Step) + 1, gap.PointCount);
    }

    [Fact]
    public async Task A_regular_series_without_gaps_has_no_missing_data_window()
    {
        var anomalies = await BatchDetection.RunAsync(Daily(Points(3, withGap: false)));

        Assert.DoesNotContain(anomalies, a => a.Passes == DetectOptions.MissingDataPass);
    }

    [Fact]
    public async Task Missing_data_windows_of_daily_batches_equal_those_of_one_backfill()
    {
        var all = Points(3, withGap: true);

        Assert.Equal(await BatchDetection.RunAsync([all]), await BatchDetection.RunAsync(Daily(all)));
    }
}
