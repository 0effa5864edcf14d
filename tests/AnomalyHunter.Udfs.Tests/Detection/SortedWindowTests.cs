using AnomalyHunter.Udfs.Detection;

namespace AnomalyHunter.Udfs.Tests.Detection;

public sealed class SortedWindowTests
{
    [Theory]
    [InlineData(6, 1)]
    [InlineData(12, 2)]
    [InlineData(288, 3)]
    public void Replace_leaves_the_same_items_bit_for_bit_as_remove_then_insert(int window, int seed)
    {
        var rng = new Random(seed);

        // why: few distinct values (with both zeros) make ties, the case where the two paths could differ.
        double[] palette = [-0.0, 0.0, 1.5, -2.25, 3.0, 1e-300, -1e300, 7.0];
        double Next() => rng.Next(3) == 0 ? palette[rng.Next(palette.Length)] : Math.Round(rng.NextDouble() * 10, 1) - 5;
        var replaced = new SortedWindow(window);
        var reference = new SortedWindow(window);
        var ring = new double[window];
        for (int i = 0; i < window; i++)
        {
            ring[i] = Next();
            replaced.Insert(ring[i]);
            reference.Insert(ring[i]);
        }

        for (int step = 0; step < 20_000; step++)
        {
            int head = step % window;
            double x = Next();
            replaced.Replace(ring[head], x);
            reference.Remove(ring[head]);
            reference.Insert(x);
            ring[head] = x;
            Assert.Equal(
                reference.Items.ToArray().Select(BitConverter.DoubleToInt64Bits),
                replaced.Items.ToArray().Select(BitConverter.DoubleToInt64Bits));
        }
    }

    [Fact]
    public void Replace_of_a_value_not_in_the_window_throws()
    {
        var w = new SortedWindow(2);
        w.Insert(1.0);
        w.Insert(2.0);
        Assert.Throws<InvalidOperationException>(() => w.Replace(3.0, 0.0));
    }
}
