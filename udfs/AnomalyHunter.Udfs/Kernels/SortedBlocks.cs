using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AnomalyHunter.Udfs.Kernels;

/// <summary>A sorted array of doubles kept as equal blocks of 2^k items, so that moving one item to another rank costs O(√n) instead of O(n).</summary>
/// <remarks>
/// Rank r is item r mod 2^k of block r ≫ k. Each block's items are contiguous inside a region twice their size, from a
/// movable start. Moving an item shifts items inside the two end blocks only; a block in between just slides: its
/// first item goes to the end of the previous block and the next block's first item is appended after its last
/// (start + 1), or the reverse (start − 1). A block whose start reaches the region's edge is moved back to the middle,
/// which a random walk of the start makes rare. The last item of every block is mirrored in a fence array, so a lower
/// bound is two SIMD counts (fences, then one block). There is always at least one spare slot, and spares hold +∞:
/// every update replaces one value by another and the shape never changes.
/// </remarks>
internal sealed partial class SortedBlocks
{
    private readonly double[] _slots;
    private readonly int[] _firsts;
    private readonly double[] _fences;
    private readonly int _shift;
    private readonly int _size;
    private readonly int _blocks;

    // why: the in-block shifts load one item before and after the block (the lanes are masked out); the slack keeps those loads inside the array.
    private static readonly int Pad = Vector512<double>.Count;

    /// <summary>Creates blocks with room for <paramref name="capacity"/> finite values (and at least one +∞ beyond them).</summary>
    public SortedBlocks(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);

        // why: an end block costs a move of about half a block, each block in between one slide (a third of them on
        // average), so blocks near √(2n) balance the two; a power of two makes the rank split a shift and a mask.
        _size = Math.Max(Pad, (int)BitOperations.RoundUpToPowerOf2((uint)Math.Sqrt(capacity * 2.0)));
        _shift = BitOperations.Log2((uint)_size);
        int blocks = (capacity >> _shift) + 1;
        _slots = new double[(blocks << (_shift + 1)) + (2 * Pad)];
        _firsts = new int[blocks];
        // why: fences padded with +∞ to whole vectors, so that counts over them and over blocks need no scalar tail.
        _fences = new double[(blocks + Pad - 1) / Pad * Pad];
        _blocks = blocks;
        Clear();
    }

    /// <summary>Number of values held (finite values plus the +∞ spares).</summary>
    public int Length => _blocks << _shift;

    /// <summary>The value of rank <paramref name="rank"/> (0 ≤ rank &lt; <see cref="Length"/>).</summary>
    public double this[int rank]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => View()[rank];
    }

    /// <summary>A view for many rank reads in a row, holding the references and the block size in locals.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Ranks View() => new(ref Origin, ref MemoryMarshal.GetArrayDataReference(_firsts), _shift);

    /// <summary>Sets every value to +∞.</summary>
    public void Clear()
    {
        _slots.AsSpan().Fill(double.PositiveInfinity);
        _fences.AsSpan().Fill(double.PositiveInfinity);
        for (int b = 0; b < _firsts.Length; b++)
        {
            _firsts[b] = (b << (_shift + 1)) + (_size >> 1);
        }
    }

    /// <summary>Number of values below the finite <paramref name="x"/>: SIMD counts over the fences, then over one block.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int LowerBound(double x)
    {
        // why: the last fence is always +∞ (a spare), so a finite x stops inside the array.
        int b = CountBelow(ref MemoryMarshal.GetArrayDataReference(_fences), _fences.Length, x);
        return (b << _shift) + CountBelow(ref Items(b), _size, x);
    }

    /// <summary>Removes the value of rank <paramref name="from"/> and inserts <paramref name="x"/>, whose lower bound among the current values is <paramref name="lowerBound"/>.</summary>
    public void Replace(int from, int lowerBound, double x)
    {
        if (lowerBound > from)
        {
            MoveDown(from, lowerBound - 1, x);
        }
        else
        {
            MoveUp(lowerBound, from, x);
        }
    }

    /// <summary>Drops rank <paramref name="from"/>, moves ranks (from, to] one place down and writes <paramref name="x"/> at rank <paramref name="to"/> (from ≤ to).</summary>
    private void MoveDown(int from, int to, double x)
    {
        int last = _size - 1;
        int bf = from >> _shift;
        int bt = to >> _shift;
        int p = from & last;
        int q = to & last;
        ref double fences = ref MemoryMarshal.GetArrayDataReference(_fences);
        ref double items = ref Items(bf);
        if (bf == bt)
        {
            ShiftDown(ref items, p, q, x);
            Unsafe.Add(ref fences, bf) = Unsafe.Add(ref items, last);
            return;
        }

        // First block: rank p leaves and the next block's first item arrives at the end.
        double carry = Items(bf + 1);
        ShiftDown(ref items, p, last, carry);
        Unsafe.Add(ref fences, bf) = carry;

        for (int b = bf + 1; b < bt; b++)
        {
            carry = Items(b + 1);
            SlideDown(b, carry);
            Unsafe.Add(ref fences, b) = carry;
        }

        // Last block: its first item has gone to the previous block; x lands at position q.
        items = ref Items(bt);
        ShiftDown(ref items, 0, q, x);
        Unsafe.Add(ref fences, bt) = Unsafe.Add(ref items, last);
    }

    /// <summary>Drops rank <paramref name="from"/>, moves ranks [to, from) one place up and writes <paramref name="x"/> at rank <paramref name="to"/> (to ≤ from).</summary>
    private void MoveUp(int to, int from, double x)
    {
        int last = _size - 1;
        int bt = to >> _shift;
        int bf = from >> _shift;
        int q = to & last;
        int p = from & last;
        ref double fences = ref MemoryMarshal.GetArrayDataReference(_fences);
        ref double items = ref Items(bt);
        if (bt == bf)
        {
            ShiftUp(ref items, q, p, x);
            Unsafe.Add(ref fences, bt) = Unsafe.Add(ref items, last);
            return;
        }

        // First block: x lands at position q and the last item is carried to the next block.
        double carry = Unsafe.Add(ref items, last);
        ShiftUp(ref items, q, last, x);
        Unsafe.Add(ref fences, bt) = Unsafe.Add(ref items, last);

        for (int b = bt + 1; b < bf; b++)
        {
            carry = SlideUp(b, carry);
            Unsafe.Add(ref fences, b) = Unsafe.Add(ref Items(b), last);
        }

        // Last block: the carry arrives first and rank p leaves.
        items = ref Items(bf);
        ShiftUp(ref items, 0, p, carry);
        Unsafe.Add(ref fences, bf) = Unsafe.Add(ref items, last);
    }

    /// <summary>Drops block <paramref name="b"/>'s first item and appends <paramref name="x"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SlideDown(int b, double x)
    {
        ref double region = ref Unsafe.Add(ref Origin, b << (_shift + 1));
        ref int first = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_firsts), b);
        int s = first - (b << (_shift + 1));
        if (s == _size)
        {
            // why: the items reach the region's end; they move back to the middle (rare: the start walks randomly).
            int middle = _size >> 1;
            Move(ref Unsafe.Add(ref region, s + 1), ref Unsafe.Add(ref region, middle), _size - 1);
            Unsafe.Add(ref region, middle + _size - 1) = x;
            first = (b << (_shift + 1)) + middle;
            return;
        }

        Unsafe.Add(ref region, s + _size) = x;
        first++;
    }

    /// <summary>Puts <paramref name="x"/> before block <paramref name="b"/>'s first item and returns the dropped last item.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double SlideUp(int b, double x)
    {
        ref double region = ref Unsafe.Add(ref Origin, b << (_shift + 1));
        ref int first = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_firsts), b);
        int s = first - (b << (_shift + 1));
        double leaving = Unsafe.Add(ref region, s + _size - 1);
        if (s == 0)
        {
            // why: the items reach the region's start; they move back to the middle.
            int middle = _size >> 1;
            Move(ref region, ref Unsafe.Add(ref region, middle + 1), _size - 1);
            Unsafe.Add(ref region, middle) = x;
            first = (b << (_shift + 1)) + middle;
            return leaving;
        }

        Unsafe.Add(ref region, s - 1) = x;
        first--;
        return leaving;
    }

    /// <summary>The first slot of the first block's region.</summary>
    private ref double Origin => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_slots), Pad);

    /// <summary>The first item of block <paramref name="b"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref double Items(int b)
        => ref Unsafe.Add(
            ref Origin,
            Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_firsts), b));

    /// <summary>Number of the <paramref name="length"/> values from <paramref name="p"/> (a multiple of the vector width) that are below <paramref name="x"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int CountBelow(ref double p, int length, double x)
    {
        Vector512<double> value = Vector512.Create(x);
        int count = 0;
        for (int i = 0; i < length; i += Vector512<double>.Count)
        {
            count += BitOperations.PopCount(Vector512.LessThan(Vector512.LoadUnsafe(ref p, (nuint)i), value).ExtractMostSignificantBits());
        }

        return count;
    }

    /// <summary>Within one block, moves items (<paramref name="first"/>, <paramref name="last"/>] one place down and writes <paramref name="x"/> at <paramref name="last"/>.</summary>
    /// <remarks>One pass of whole vectors over the block, without data-dependent branches: lane i takes item i + 1 when first ≤ i &lt; last.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ShiftDown(ref double items, int first, int last, double x)
    {
        // why: ascending, a vector's load of item i + 1 reaches into the next vector, which is not written yet.
        Vector512<long> lane = Vector512<long>.Indices;
        Vector512<long> from = Vector512.Create((long)first);
        Vector512<long> to = Vector512.Create((long)last);
        Vector512<double> value = Vector512.Create(x);
        for (int i = 0; i < _size; i += Vector512<double>.Count)
        {
            Vector512<double> here = Vector512.LoadUnsafe(ref items, (nuint)i);
            Vector512<double> next = Vector512.LoadUnsafe(ref items, (nuint)(i + 1));
            Vector512<long> at = lane + Vector512.Create((long)i);
            Vector512<double> moved = Vector512.ConditionalSelect(
                Vector512.GreaterThanOrEqual(at, from).AsDouble() & Vector512.LessThan(at, to).AsDouble(), next, here);
            Vector512.ConditionalSelect(Vector512.Equals(at, to).AsDouble(), value, moved).StoreUnsafe(ref items, (nuint)i);
        }
    }

    /// <summary>Within one block, moves items [<paramref name="first"/>, <paramref name="last"/>) one place up and writes <paramref name="x"/> at <paramref name="first"/>.</summary>
    /// <remarks>One pass of whole vectors over the block, without data-dependent branches: lane i takes item i − 1 when first &lt; i ≤ last.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ShiftUp(ref double items, int first, int last, double x)
    {
        // why: descending, a vector's load of item i − 1 reaches into the previous vector, which is not written yet.
        Vector512<long> lane = Vector512<long>.Indices;
        Vector512<long> from = Vector512.Create((long)first);
        Vector512<long> to = Vector512.Create((long)last);
        Vector512<double> value = Vector512.Create(x);
        for (int i = _size - Vector512<double>.Count; i >= 0; i -= Vector512<double>.Count)
        {
            Vector512<double> here = Vector512.LoadUnsafe(ref items, (nuint)i);
            Vector512<double> previous = Vector512.LoadUnsafe(ref Unsafe.Subtract(ref items, 1), (nuint)i);
            Vector512<long> at = lane + Vector512.Create((long)i);
            Vector512<double> moved = Vector512.ConditionalSelect(
                Vector512.GreaterThan(at, from).AsDouble() & Vector512.LessThanOrEqual(at, to).AsDouble(), previous, here);
            Vector512.ConditionalSelect(Vector512.Equals(at, from).AsDouble(), value, moved).StoreUnsafe(ref items, (nuint)i);
        }
    }

    /// <summary>Copies <paramref name="count"/> doubles from <paramref name="source"/> to <paramref name="destination"/>; the ranges may overlap.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Move(ref double source, ref double destination, int count)
        => MemoryMarshal.CreateReadOnlySpan(ref source, count).CopyTo(MemoryMarshal.CreateSpan(ref destination, count));

    /// <summary>Reads ranks of a <see cref="SortedBlocks"/> that is not changed meanwhile.</summary>
    public readonly ref struct Ranks : ISortedRanks
    {
        private readonly ref double _origin;
        private readonly ref int _firsts;
        private readonly int _shift;

        /// <summary>Creates a view over the slots from <paramref name="origin"/>, with block firsts <paramref name="firsts"/> and blocks of 2^<paramref name="shift"/>.</summary>
        public Ranks(ref double origin, ref int firsts, int shift)
        {
            _origin = ref origin;
            _firsts = ref firsts;
            _shift = shift;
        }

        /// <summary>The value of rank <paramref name="rank"/>.</summary>
        public double this[int rank]
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => Unsafe.Add(ref _origin, Unsafe.Add(ref _firsts, rank >> _shift) + (rank & ((1 << _shift) - 1)));
        }
    }
}
