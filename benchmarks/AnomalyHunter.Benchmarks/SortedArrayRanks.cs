using System.Runtime.CompilerServices;
using AnomalyHunter.Udfs.Kernels;

namespace AnomalyHunter.Benchmarks;

/// <summary>Rank reads from one contiguous sorted array, for the <see cref="SortedArrayRollingMedianBaseline"/>'s MAD selection.</summary>
internal readonly ref struct SortedArrayRanks : ISortedRanks
{
    private readonly ref double _first;

    /// <summary>Creates a view whose rank 0 is <paramref name="first"/>.</summary>
    public SortedArrayRanks(ref double first) => _first = ref first;

    /// <summary>The value of rank <paramref name="rank"/>.</summary>
    public double this[int rank]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Unsafe.Add(ref _first, rank);
    }
}
