using System.Buffers;
using AnomalyHunter.Udfs.Detection;
using AnomalyHunter.Udfs.Detection.Ensemble;
using AnomalyHunter.Udfs.Detection.Statistical;
using FsCheck.Xunit;

namespace AnomalyHunter.Udfs.Tests.Detection.Statistical;

/// <summary>The statistical detector's rolling medians and scale against a plain sorted array (<see cref="SortedWindow"/>), bit for bit, through state saves and restores.</summary>
public sealed class SortedWindowEquivalenceTests
{
    /// <summary>Values with many ties, both zeros and, when asked, NaN and infinities.</summary>
    private static double Draw(Random random, bool nonFinite) => random.Next(nonFinite ? 12 : 10) switch
    {
        0 => 0.0,
        1 => -0.0,
        2 or 3 => random.Next(-3, 4),
        10 => double.NaN,
        11 => random.Next(2) == 0 ? double.PositiveInfinity : double.NegativeInfinity,
        _ => Math.Round(random.NextDouble() * 20.0 - 10.0, 2),
    };

    [Property(MaxTest = 30)]
    public bool Recent_values_give_the_sorted_arrays_median_bit_for_bit(int seed)
    {
        var random = new Random(seed);
        int n = new[] { 6, 12, 96, 7 }[random.Next(4)];
        bool nonFinite = random.Next(3) == 0;
        var actual = new RecentValues(n);
        var expected = new ReferenceRecentValues(n);
        for (int i = 0; i < 2000; i++)
        {
            if (i % 300 == 299)
            {
                var writer = new ArrayBufferWriter<byte>();
                var w = new StateWriter(writer);
                actual.Write(ref w);
                actual = new RecentValues(n);
                var r = new StateReader(writer.WrittenSpan);
                actual.Read(ref r);
                expected = expected.Restored();
            }

            // why: non-finite values only from the middle on, so both the blocks and the fallback after them are checked.
            double x = Draw(random, nonFinite && i > 1000);
            long? a = Outcome(() => actual.AddAndMedian(x));
            long? e = Outcome(() => expected.AddAndMedian(x));
            if (a != e)
            {
                return false;
            }

            if (a is null)
            {
                // why: a NaN makes the sorted array's order partial, and a later search may not find the value leaving; both must fail there alike.
                return true;
            }
        }

        return true;
    }

    /// <summary>The bits of the median, or null when the update throws.</summary>
    private static long? Outcome(Func<double> median)
    {
        try
        {
            return BitConverter.DoubleToInt64Bits(median());
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    [Property(MaxTest = 30)]
    public bool Local_baseline_gives_the_sorted_arrays_median_and_scale_bit_for_bit(int seed)
    {
        var random = new Random(seed);
        int window = new[] { 8, 30, 288 }[random.Next(3)];
        var actual = new LocalBaseline(window, 3);
        var expected = new ReferenceLocalBaseline(window, 3);
        for (int i = 0; i < 3000; i++)
        {
            if (i % 400 == 399)
            {
                var writer = new ArrayBufferWriter<byte>();
                var w = new StateWriter(writer);
                actual.Write(ref w);
                actual = new LocalBaseline(window, 3);
                var r = new StateReader(writer.WrittenSpan);
                actual.Read(ref r);
                expected = expected.Restored();
            }

            // why: a flat stretch (MAD 0) now and then, so the mean absolute deviation is checked too.
            double x = i % 700 < 100 ? 1.0 : Draw(random, nonFinite: false);
            if (actual.Count > 0)
            {
                double median = actual.Median();
                double expectedMedian = expected.Median();
                if (BitConverter.DoubleToInt64Bits(median) != BitConverter.DoubleToInt64Bits(expectedMedian)
                    || BitConverter.DoubleToInt64Bits(actual.Scale(median)) != BitConverter.DoubleToInt64Bits(expected.Scale(expectedMedian)))
                {
                    return false;
                }
            }

            actual.Push(x);
            expected.Push(x);
        }

        return true;
    }

    /// <summary>A ring and a sorted array, as the recent values were kept before the sorted blocks.</summary>
    private sealed class ReferenceRecentValues
    {
        private readonly double[] _ring;
        private readonly SortedWindow _sorted;
        private int _head;

        public ReferenceRecentValues(int n)
        {
            _ring = new double[n];
            _sorted = new SortedWindow(n);
            for (int i = 0; i < n; i++)
            {
                _sorted.Insert(0.0);
            }
        }

        public double AddAndMedian(double x)
        {
            _sorted.Replace(_ring[_head], x);
            _ring[_head] = x;
            _head = (_head + 1) % _ring.Length;
            return _sorted.Median();
        }

        public ReferenceRecentValues Restored()
        {
            var copy = new ReferenceRecentValues(_ring.Length) { _head = _head };
            foreach (double v in copy._ring)
            {
                copy._sorted.Remove(v);
            }

            _ring.CopyTo(copy._ring, 0);
            foreach (double v in copy._ring)
            {
                copy._sorted.Insert(v);
            }

            return copy;
        }
    }

    /// <summary>A ring and a sorted array with a merge for the MAD, as the local baseline was kept before the sorted blocks.</summary>
    private sealed class ReferenceLocalBaseline
    {
        private readonly double[] _ring;
        private readonly SortedWindow _sorted;
        private readonly double[] _scratch;
        private readonly int _refresh;
        private long _count;
        private int _head;
        private double _scale;

        public ReferenceLocalBaseline(int window, int refresh)
        {
            _ring = new double[window];
            _sorted = new SortedWindow(window);
            _scratch = new double[window];
            _refresh = refresh;
        }

        public double Median() => _sorted.Median();

        public double Scale(double median)
        {
            if (_count % _refresh == 0 || _scale == 0.0)
            {
                _scale = 1.4826 * _sorted.MedianAbsoluteDeviation(median, _scratch);
                if (_scale <= 0.0)
                {
                    _scale = 1.2533 * _sorted.MeanAbsoluteDeviation(median);
                }
            }

            return _scale;
        }

        public void Push(double x)
        {
            if (_count >= _ring.Length)
            {
                _sorted.Replace(_ring[_head], x);
            }
            else
            {
                _sorted.Insert(x);
            }

            _count++;
            _ring[_head] = x;
            _head = (_head + 1) % _ring.Length;
        }

        public ReferenceLocalBaseline Restored()
        {
            var copy = new ReferenceLocalBaseline(_ring.Length, _refresh) { _count = _count, _head = _head, _scale = _scale };
            _ring.CopyTo(copy._ring, 0);
            for (int k = 0; k < Math.Min(_count, _ring.Length); k++)
            {
                copy._sorted.Insert(copy._ring[k]);
            }

            return copy;
        }
    }
}
