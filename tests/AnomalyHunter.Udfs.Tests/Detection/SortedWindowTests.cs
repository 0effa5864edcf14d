using AnomalyHunter.Udfs.Detection;

namespace AnomalyHunter.Udfs.Tests.Detection;

public sealed class SortedWindowTests
{
    [Theory]
    [InlineData(6, 1)]
    [InlineData(12, 2)]
    [InlineData(96, 4)]
    [InlineData(128, 5)]
    [InlineData(288, 3)]
    public void Replace_leaves_the_same_items_bit_for_bit_as_the_search_path_and_remove_then_insert_with_ties_infinity_and_NaN(int window, int seed)
    {
        const int steps = 20_000;
        const int infinityStep = 5_000;
        const int nanStep = 15_000;
        var rng = new Random(seed);

        // why: few distinct values (with both zeros) make ties; one infinity and one NaN later test where the fast paths hand over to the original ones.
        double[] palette = [-0.0, 0.0, 1.5, -2.25, 3.0, 1e-300, -1e300, 7.0];
        double Next() => rng.Next(3) == 0 ? palette[rng.Next(palette.Length)] : Math.Round(rng.NextDouble() * 10, 1) - 5;
        var replaced = new SortedWindow(window);

        // why: a window of large capacity holding the same items replaces by binary searches and copies, the original path.
        var searched = new SortedWindow(window + 1000);
        var reference = new SortedWindow(window);
        var ring = new double[window];
        for (int i = 0; i < window; i++)
        {
            ring[i] = Next();
            replaced.Insert(ring[i]);
            searched.Insert(ring[i]);
            reference.Insert(ring[i]);
        }

        for (int step = 0; step < steps; step++)
        {
            int head = step % window;
            double x = step switch
            {
                infinityStep => double.PositiveInfinity,
                nanStep => double.NaN,
                _ => Next(),
            };
            Exception? replaceError = Record.Exception(() => replaced.Replace(ring[head], x));
            Exception? searchError = Record.Exception(() => searched.Replace(ring[head], x));
            if (replaceError is not null || searchError is not null)
            {
                // why: a NaN breaks the order the search relies on; from then on both paths fail to find some values, alike.
                Assert.IsType<InvalidOperationException>(replaceError);
                Assert.IsType<InvalidOperationException>(searchError);
                Assert.True(step > nanStep);
                return;
            }

            Assert.Equal(Bits(searched), Bits(replaced));
            Assert.Equal(BitConverter.DoubleToInt64Bits(searched.Median()), BitConverter.DoubleToInt64Bits(replaced.Median()));
            if (step < nanStep)
            {
                // why: without NaN, replacing is removing then inserting; with a NaN in the window even the original paths differ.
                reference.Remove(ring[head]);
                reference.Insert(x);
                Assert.Equal(Bits(reference), Bits(replaced));
            }

            ring[head] = x;
        }

        Assert.Fail("The window with a NaN never refused a removal.");
    }

    private static IEnumerable<long> Bits(SortedWindow w) => w.Items.ToArray().Select(BitConverter.DoubleToInt64Bits);

    [Fact]
    public void Replace_of_a_value_not_in_the_window_throws()
    {
        var w = new SortedWindow(2);
        w.Insert(1.0);
        w.Insert(2.0);
        Assert.Throws<InvalidOperationException>(() => w.Replace(3.0, 0.0));
    }
}
