using System.Buffers;
using AnomalyHunter.Udfs.Forecast;
using AnomalyHunter.Udfs.Kernels;

namespace AnomalyHunter.Udfs.Tests.Forecast;

public sealed class ForecastHistoryTests
{
    private static byte[] Saved(ForecastHistory history)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var w = new StateBufferWriter(buffer);
        history.Write(ref w);
        return buffer.WrittenSpan.ToArray();
    }

    private static ForecastHistory Restored(byte[] state, int capacity)
    {
        var history = new ForecastHistory(capacity);
        var r = new StateBufferReader(state);
        history.Read(ref r);
        r.EnsureEnd();
        return history;
    }

    private static (long[] Timestamps, double[] Values) Points(ForecastHistory history)
    {
        var ts = new long[history.Count];
        var vs = new double[history.Count];
        history.CopyTo(ts, vs);
        return (ts, vs);
    }

    private static void AssertRoundTrip(ForecastHistory history, int capacity)
    {
        var (ts, vs) = Points(history);
        var (restoredTs, restoredVs) = Points(Restored(Saved(history), capacity));
        Assert.Equal(ts, restoredTs);
        Assert.Equal(vs, restoredVs);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(100)]
    [InlineData(257)] // the ring has wrapped
    public void A_regular_series_round_trips_and_stores_almost_no_timestamp_bytes(int points)
    {
        var history = new ForecastHistory(128);
        for (int i = 0; i < points; i++)
        {
            history.Add(ForecastTestData.StartMs + (i * ForecastTestData.FiveMinutesMs), Math.Sin(i) * 1e3);
        }

        AssertRoundTrip(history, 128);
        int values = 8 * history.Count;
        Assert.InRange(Saved(history).Length - values, 4, 4 + 8 + 3 + 2);
    }

    [Fact]
    public void Gaps_duplicates_late_points_and_extreme_timestamps_round_trip()
    {
        var random = new Random(11);
        var history = new ForecastHistory(512);
        long t = ForecastTestData.StartMs;
        for (int i = 0; i < 700; i++)
        {
            t += random.Next(10) switch
            {
                0 => 0, // a duplicate timestamp
                1 => -7 * ForecastTestData.FiveMinutesMs, // a late point
                2 => 40 * ForecastTestData.FiveMinutesMs, // a gap
                3 => random.NextInt64(-1_000_000, 1_000_000), // jitter
                _ => ForecastTestData.FiveMinutesMs,
            };
            history.Add(i == 300 ? long.MinValue : i == 301 ? long.MaxValue : t, i % 50 == 0 ? -0.0 : random.NextDouble());
        }

        AssertRoundTrip(history, 512);
        Assert.True(Saved(history).Length < 16 * 512 * 3 / 4);
    }

    [Fact]
    public void A_series_without_a_majority_step_round_trips()
    {
        var history = new ForecastHistory(64);
        long t = 0;
        for (int i = 0; i < 64; i++)
        {
            t += 1000 + (i % 5);
            history.Add(t, i);
        }

        AssertRoundTrip(history, 64);
    }

    [Fact]
    public void A_truncated_history_or_one_larger_than_the_ring_is_rejected()
    {
        var history = new ForecastHistory(64);
        var random = new Random(3);
        for (int i = 0; i < 40; i++)
        {
            history.Add(i * 60_000L + (random.Next(4) == 0 ? random.Next(100_000) : 0), i);
        }

        byte[] state = Saved(history);
        for (int length = 0; length < state.Length; length++)
        {
            byte[] prefix = state[..length];
            Assert.Throws<InvalidDataException>(() => Restored(prefix, 64));
        }

        Assert.Throws<InvalidDataException>(() => Restored(state, 39));
    }

    [Fact]
    public void A_run_past_the_count_or_a_malformed_number_is_rejected()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var w = new StateBufferWriter(buffer);
        w.Write(3);
        w.Write(1000L);
        w.WriteVarInt64(10);
        w.WriteVarUInt64(3); // three steps after the first of three points
        w.WriteBlock([1.0, 2.0, 3.0]);
        byte[] runTooLong = buffer.WrittenSpan.ToArray();
        Assert.Throws<InvalidDataException>(() => Restored(runTooLong, 8));

        byte[] overlong = [3, 0, 0, 0, 0xE8, 3, 0, 0, 0, 0, 0, 0, .. Enumerable.Repeat((byte)0xFF, 10), 0];
        Assert.Throws<InvalidDataException>(() => Restored(overlong, 8));
    }
}
