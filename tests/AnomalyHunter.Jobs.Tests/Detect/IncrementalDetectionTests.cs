using AnomalyHunter.Jobs.Tests.Support;
using AnomalyHunter.Lakehouse.Model;

namespace AnomalyHunter.Jobs.Tests.Detect;

public sealed class IncrementalDetectionTests
{
    private const long Day = 86_400_000;
    private const long Step = 300_000;
    private static readonly long Start = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private static List<(SeriesKey Key, long Ts, double Value)> Points(int days)
    {
        var rng = new Random(7);
        var rows = new List<(SeriesKey, long, double)>();
        foreach (string host in new[] { "a", "b", "c" })
        {
            var key = new SeriesKey("acme", "eu", "cpu", [new("host", host)]);
            for (long t = Start; t < Start + (days * Day); t += Step)
            {
                double v = 50 + (10 * Math.Sin(2 * Math.PI * (t - Start) / Day)) + (rng.NextDouble() * 4);
                long k = (t - Start) / Step;
                if (host == "b" && k % 577 == 400)
                {
                    v += 60; // spikes
                }

                rows.Add((key, t, v));
            }
        }

        return rows;
    }

    [Fact]
    public async Task Detecting_day_by_day_finds_exactly_the_windows_of_one_backfill()
    {
        var all = Points(6);
        var daily = all.GroupBy(r => (r.Ts - Start) / Day).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();

        var backfill = await BatchDetection.RunAsync([all]);
        var incremental = await BatchDetection.RunAsync(daily);

        Assert.NotEmpty(backfill);
        Assert.Equal(backfill, incremental);
    }

    [Fact]
    public async Task Late_data_reopens_and_rescores_the_series_to_match_a_backfill()
    {
        var all = Points(4);
        var lateKey = all[0].Key;
        bool IsLate((SeriesKey Key, long Ts, double Value) r) => r.Key == lateKey && r.Ts >= Start + Day && r.Ts < Start + Day + (6 * 3_600_000);
        var onTime = all.Where(r => !IsLate(r)).ToList();
        var late = all.Where(IsLate).Select(r => (r.Key, r.Ts, r.Value + 80)).ToList();
        var corrected = all.Select(r => IsLate(r) ? (r.Key, r.Ts, r.Value + 80) : r).ToList();

        var withLate = await BatchDetection.RunAsync([onTime, late]);
        var backfill = await BatchDetection.RunAsync([corrected]);

        Assert.Contains(withLate, a => a.StartTsMs >= Start + Day && a.StartTsMs < Start + (2 * Day));
        Assert.Equal(backfill, withLate);
    }
}
