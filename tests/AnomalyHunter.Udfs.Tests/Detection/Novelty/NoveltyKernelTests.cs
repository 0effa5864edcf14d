using System.Buffers;
using AnomalyHunter.Udfs.Detection.Novelty;
using FsCheck.Xunit;
using AnomalyHunter.Udfs.Kernels;

namespace AnomalyHunter.Udfs.Tests.Detection.Novelty;

public sealed class NoveltyKernelTests
{
    /// <summary>A series that trends, jumps and flattens, so that the range forgets, the grid is laid again and cells empty.</summary>
    private static double[] Wandering(int seed, int n)
    {
        var random = new Random(seed);
        var values = new double[n];
        double level = 0.0;
        double spread = 1.0;
        for (int i = 0; i < n; i++)
        {
            if (random.NextDouble() < 0.004)
            {
                level += (random.NextDouble() - 0.5) * 40.0;
                spread = random.NextDouble() < 0.2 ? 0.0 : 0.1 + (random.NextDouble() * 5.0);
            }

            level += 0.002 * (random.NextDouble() - 0.3);
            values[i] = level + (spread * (random.NextDouble() - 0.5));
        }

        return values;
    }

    [Property(MaxTest = 10)]
    public bool Range_memory_equals_min_and_max_over_the_covered_points(int seed)
    {
        const int blocks = 5;
        const int blockPoints = 37;
        double[] values = Wandering(seed, 2000);
        var range = new RangeMemory(blocks, blockPoints);
        for (int n = 1; n <= values.Length; n++)
        {
            range.Add(values[n - 1]);
            int covered = Math.Min(n / blockPoints, blocks) * blockPoints + (n % blockPoints);
            var window = values.AsSpan(n - covered, covered);
            double min = double.PositiveInfinity;
            double max = double.NegativeInfinity;
            foreach (double v in window)
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }

            if (range.Min != min || range.Max != max)
            {
                return false;
            }
        }

        return true;
    }

    [Property(MaxTest = 10)]
    public bool Value_grid_agrees_with_a_scan_of_the_recent_values(int seed)
    {
        const int window = 150;
        double[] values = Wandering(seed, 3000);
        var range = new RangeMemory(4, 50);
        var grid = new ValueGrid(window, 48, 2, 0.3, 0.5);
        for (int n = 0; n < values.Length; n++)
        {
            double x = values[n];
            if (grid.IsNew(x) != ScanSaysNew(values.AsSpan(Math.Max(0, n - window), Math.Min(n, window)), x, grid))
            {
                return false;
            }

            range.Add(x);
            grid.Add(x, range.Min, range.Max);
        }

        return true;
    }

    private static bool ScanSaysNew(ReadOnlySpan<double> recent, double x, ValueGrid grid)
    {
        if (recent.IsEmpty)
        {
            return false;
        }

        if (grid.Width == 0.0)
        {
            return x != grid.Lo;
        }

        double at = Math.Floor((x - grid.Lo) / grid.Width);
        if (at < 0 || at >= grid.Cells)
        {
            return true;
        }

        foreach (double v in recent)
        {
            double cell = Math.Clamp(Math.Floor((v - grid.Lo) / grid.Width), 0, grid.Cells - 1);
            if (Math.Abs(cell - at) <= grid.Reach)
            {
                return false;
            }
        }

        return true;
    }

    [Property(MaxTest = 10)]
    public bool Context_memory_matches_a_plain_least_recently_seen_model(int seed)
    {
        const int capacity = 64;
        var random = new Random(seed);
        var memory = new ContextMemory(capacity);
        var keys = new ulong[capacity];
        var seen = new long[capacity];
        for (long now = 1; now <= 3000; now++)
        {
            // why: several keys per stamp, as the scorer touches one key per context order at each point.
            for (int j = 0; j < 3; j++)
            {
                ulong key = ((ulong)random.Next(1, 400) << 32) | (uint)random.Next(1, 4);
                if (memory.SeenBeforeThenTouch(key, now) != ModelSeen(keys, seen, key, now))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool ModelSeen(ulong[] keys, long[] seen, ulong key, long now)
    {
        int sets = keys.Length / ContextMemory.Ways;
        int first = (int)((key >> 32) % (ulong)sets) * ContextMemory.Ways;
        int oldest = first;
        for (int s = first; s < first + ContextMemory.Ways; s++)
        {
            if (keys[s] == key)
            {
                seen[s] = now;
                return true;
            }

            oldest = seen[s] < seen[oldest] ? s : oldest;
        }

        keys[oldest] = key;
        seen[oldest] = now;
        return false;
    }

    [Fact]
    public void Context_memory_survives_a_round_trip_through_its_state()
    {
        var memory = new ContextMemory(64);
        for (ulong k = 1; k <= 40; k++)
        {
            memory.SeenBeforeThenTouch(k * 0x1_0000_0001UL, (long)k);
        }

        var buffer = new ArrayBufferWriter<byte>();
        var writer = new StateBufferWriter(buffer);
        memory.Write(ref writer);
        var copy = new ContextMemory(64);
        var reader = new StateBufferReader(buffer.WrittenSpan);
        copy.Read(ref reader);
        Assert.True(reader.AtEnd);
        for (ulong k = 1; k <= 40; k++)
        {
            Assert.Equal(memory.Contains(k * 0x1_0000_0001UL), copy.Contains(k * 0x1_0000_0001UL));
        }
    }
}
