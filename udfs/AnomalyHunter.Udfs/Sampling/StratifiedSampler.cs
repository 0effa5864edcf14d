namespace AnomalyHunter.Udfs.Sampling;

/// <summary>Chooses at most a budget of points from a history, stratified by season phase × time block, deterministically for a seed.</summary>
/// <remarks>
/// Strata: <see cref="StratifiedSampleOptions.TimeBlocks"/> equal-count blocks of the history × phase bins of
/// <see cref="StratifiedSampleOptions.PhasePeriodMs"/>. Allocation is proportional to stratum size (largest
/// remainders, so the sample has exactly the budget); inside a stratum the points with the smallest hash keys of
/// (seed, index) are kept, through one bounded heap per stratum, so memory is O(budget + strata).
/// </remarks>
public static class StratifiedSampler
{
    /// <summary>Selects the sample of points with <paramref name="timestampsMs"/>; the whole history when it fits the budget.</summary>
    public static StratifiedSample Select(ReadOnlySpan<long> timestampsMs, StratifiedSampleOptions options)
    {
        options.Validate();
        int n = timestampsMs.Length;
        int phases = options.PhaseBins;
        int strata = options.TimeBlocks * phases;
        var sizes = new long[strata];
        for (int i = 0; i < n; i++)
        {
            sizes[Stratum(i, n, timestampsMs[i], options)]++;
        }

        int nonEmpty = sizes.Count(s => s > 0);
        if (n <= options.Budget)
        {
            return new StratifiedSample(Enumerable.Range(0, n).ToArray(), nonEmpty, n == 0 ? double.NaN : 0.0, n == 0 ? double.NaN : 0.0);
        }

        int[] quota = Allocate(sizes, n, options.Budget);
        var heaps = new PriorityQueue<int, ulong>[strata];
        for (int i = 0; i < n; i++)
        {
            int h = Stratum(i, n, timestampsMs[i], options);
            if (quota[h] == 0)
            {
                continue;
            }

            // why: the queue is a min-heap, so keys are inverted to keep the largest key on top for eviction.
            ulong inverted = ulong.MaxValue - SampleHash.Key(options.Seed, i);
            PriorityQueue<int, ulong> heap = heaps[h] ??= new PriorityQueue<int, ulong>(quota[h]);
            if (heap.Count < quota[h])
            {
                heap.Enqueue(i, inverted);
            }
            else
            {
                heap.EnqueueDequeue(i, inverted);
            }
        }

        var indices = new List<int>(options.Budget);
        foreach (PriorityQueue<int, ulong>? heap in heaps)
        {
            if (heap is not null)
            {
                indices.AddRange(heap.UnorderedItems.Select(item => item.Element));
            }
        }

        int[] sorted = indices.ToArray();
        Array.Sort(sorted);
        return new StratifiedSample(
            sorted,
            nonEmpty,
            SampleErrorBounds.QuantileRankError(sizes, quota, options.Delta),
            SampleErrorBounds.MeanErrorPerUnitRange(sizes, quota, options.Delta));
    }

    private static int Stratum(int i, int n, long timestampMs, StratifiedSampleOptions o)
        => ((int)((long)i * o.TimeBlocks / n) * o.PhaseBins) + SampleHash.Phase(timestampMs, o.PhasePeriodMs, o.PhaseBins);

    /// <summary>Proportional allocation of <paramref name="budget"/> by largest remainders; never more than a stratum holds.</summary>
    private static int[] Allocate(long[] sizes, long total, int budget)
    {
        var quota = new int[sizes.Length];
        var remainders = new (double Remainder, int Stratum)[sizes.Length];
        int given = 0;
        for (int h = 0; h < sizes.Length; h++)
        {
            double exact = (double)budget * sizes[h] / total;
            quota[h] = (int)Math.Floor(exact);
            given += quota[h];
            remainders[h] = (exact - quota[h], h);
        }

        Array.Sort(remainders, (a, b) => a.Remainder != b.Remainder ? b.Remainder.CompareTo(a.Remainder) : a.Stratum.CompareTo(b.Stratum));
        for (int r = 0; given < budget && r < remainders.Length; r++)
        {
            int h = remainders[r].Stratum;
            if (quota[h] < sizes[h])
            {
                quota[h]++;
                given++;
            }
        }

        return quota;
    }
}
