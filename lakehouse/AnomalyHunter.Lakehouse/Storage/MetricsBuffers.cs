using System.Numerics;

namespace AnomalyHunter.Lakehouse.Storage;

/// <summary>
/// Column arrays for blocks read over and over by one reader (a detect run reads a day of files, scores it, then reads
/// the next): blocks read with these buffers are handed back with <see cref="Return"/> once nothing uses them, and the
/// next read reuses their arrays instead of allocating fresh ones (most reach the large-object heap). Thread-safe.
/// </summary>
/// <remarks>Arrays are rounded up to powers of two and kept at most <see cref="MaxPerSize"/> per size; all go with the owner.</remarks>
public sealed class MetricsBuffers
{
    /// <summary>Most arrays of one size and element type kept for reuse.</summary>
    public const int MaxPerSize = 64;

    private const int MinLength = 1024;
    private readonly Stack<long[]>[] _longs = new Stack<long[]>[32];
    private readonly Stack<double[]>[] _doubles = new Stack<double[]>[32];
    private readonly Lock _gate = new();

    /// <summary>An array of at least <paramref name="length"/> 64-bit integers; its contents are unspecified.</summary>
    public long[] RentLongs(int length) => Rent(_longs, length, n => new long[n]);

    /// <summary>An array of at least <paramref name="length"/> doubles; its contents are unspecified.</summary>
    public double[] RentDoubles(int length) => Rent(_doubles, length, n => new double[n]);

    /// <summary>Keeps the arrays of <paramref name="block"/> for the next reads; the block must not be used afterwards.</summary>
    public void Return(MetricsBlock block)
    {
        Keep(_longs, block.SeriesIds);
        Keep(_longs, block.TimestampsMs);
        Keep(_doubles, block.Values);
    }

    private T[] Rent<T>(Stack<T[]>[] stacks, int length, Func<int, T[]> create)
    {
        int size = (int)Math.Min(BitOperations.RoundUpToPowerOf2((uint)Math.Max(length, MinLength)), Array.MaxLength);
        int bucket = BitOperations.Log2((uint)size);
        lock (_gate)
        {
            if (stacks[bucket] is { Count: > 0 } kept)
            {
                return kept.Pop();
            }
        }

        return create(Math.Max(size, length));
    }

    private void Keep<T>(Stack<T[]>[] stacks, T[] array)
    {
        // why: only arrays of a size this pool hands out are kept (an empty block or a merged copy is left to the collector).
        if (array.Length < MinLength || !BitOperations.IsPow2(array.Length))
        {
            return;
        }

        int bucket = BitOperations.Log2((uint)array.Length);
        lock (_gate)
        {
            var kept = stacks[bucket] ??= new Stack<T[]>();
            if (kept.Count < MaxPerSize && !kept.Contains(array))
            {
                kept.Push(array);
            }
        }
    }
}
