using AnomalyHunter.Udfs.Kernels;

namespace AnomalyHunter.Udfs.Tests.Kernels;

public sealed class SortedBlocksTests
{
    /// <summary>Replaces <paramref name="old"/> (a held value or a +∞ spare) by <paramref name="x"/> in both the blocks and a sorted list.</summary>
    private static void Replace(SortedBlocks blocks, List<double> model, double old, double x)
    {
        // why: LowerBound takes finite values; the first spare's rank is the number of finite values.
        int spare = model.FindIndex(double.IsPositiveInfinity);
        int from = double.IsPositiveInfinity(old) ? spare : blocks.LowerBound(old);
        Assert.Equal(old, blocks[from]);
        blocks.Replace(from, double.IsPositiveInfinity(x) ? spare : blocks.LowerBound(x), x);
        model.RemoveAt(model.IndexOf(old));
        int at = model.BinarySearch(x);
        model.Insert(at < 0 ? ~at : at, x);
    }

    private static void AssertRanks(SortedBlocks blocks, List<double> model)
    {
        Assert.Equal(model.Count, blocks.Length);
        for (int r = 0; r < model.Count; r++)
        {
            Assert.Equal(model[r], blocks[r]);
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 2)]
    [InlineData(8, 3)]
    [InlineData(100, 4)]
    [InlineData(1000, 5)]
    public void Random_replacements_keep_every_rank_equal_to_a_sorted_list(int capacity, int seed)
    {
        var random = new Random(seed);
        var blocks = new SortedBlocks(capacity);
        var model = Enumerable.Repeat(double.PositiveInfinity, blocks.Length).ToList();
        for (int step = 0; step < 3000; step++)
        {
            // why: few distinct values make ties; some +∞ go back in, as when a NaN enters a rolling window. At most
            // capacity values are finite, as in the window.
            double x = random.Next(10) == 0 ? double.PositiveInfinity : Math.Floor(random.NextDouble() * 40.0) - 20.0;
            int finite = model.Count(double.IsFinite);
            double old = finite == capacity && double.IsFinite(x) ? model[random.Next(finite)] : model[random.Next(model.Count)];
            Replace(blocks, model, old, x);
            AssertRanks(blocks, model);
        }
    }

    [Theory]
    [InlineData(100, true)]
    [InlineData(100, false)]
    [InlineData(1000, true)]
    public void Trending_values_slide_every_block_to_the_edge_of_its_region_and_back(int capacity, bool rising)
    {
        // why: a trend always moves the smallest (or largest) value to the other end, so every block in between
        // slides the same way at each step and must be moved back to the middle of its region many times.
        var blocks = new SortedBlocks(capacity);
        var model = Enumerable.Repeat(double.PositiveInfinity, blocks.Length).ToList();
        for (int i = 0; i < capacity; i++)
        {
            Replace(blocks, model, double.PositiveInfinity, rising ? i : -i);
        }

        for (int step = capacity; step < capacity + 2500; step++)
        {
            Replace(blocks, model, rising ? model[0] : model[capacity - 1], rising ? step : -step);
        }

        AssertRanks(blocks, model);
    }

    [Theory]
    [InlineData(5, 1)]
    [InlineData(96, 2)]
    [InlineData(288, 3)]
    [InlineData(1000, 4)]
    public void Loading_as_inserted_gives_the_bits_of_inserting_one_by_one(int count, int seed)
    {
        var random = new Random(seed);

        // why: many ties and zeros of both signs, the values whose order inserting decides.
        double[] values = [.. Enumerable.Range(0, count).Select(_ => random.Next(6) switch { 0 => 0.0, 1 => -0.0, 2 => random.Next(-2, 3), _ => random.NextDouble() - 0.5 })];
        var inserted = new SortedBlocks(count);
        for (int i = 0; i < count; i++)
        {
            inserted.Insert(i, values[i]);
        }

        var loaded = new SortedBlocks(count);
        loaded.Insert(0, 7.0);
        loaded.LoadAsInserted(values);
        for (int r = 0; r < loaded.Length; r++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(inserted[r]), BitConverter.DoubleToInt64Bits(loaded[r]));
        }

        // why: the fences must be right too, so the next searches and moves find the same ranks.
        foreach (double x in values.Take(50))
        {
            Assert.Equal(inserted.LowerBound(x), loaded.LowerBound(x));
            inserted.ReplaceValue(x, x + 0.25);
            loaded.ReplaceValue(x, x + 0.25);
        }

        for (int r = 0; r < loaded.Length; r++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(inserted[r]), BitConverter.DoubleToInt64Bits(loaded[r]));
        }
    }
}
