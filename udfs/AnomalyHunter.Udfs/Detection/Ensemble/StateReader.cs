using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace AnomalyHunter.Udfs.Detection.Ensemble;

/// <summary>Little-endian binary reader for scorer state; throws <see cref="InvalidDataException"/> on truncated input.</summary>
internal ref struct StateReader
{
    private ReadOnlySpan<byte> _rest;

    public StateReader(ReadOnlySpan<byte> state) => _rest = state;

    public readonly bool AtEnd => _rest.IsEmpty;

    public int ReadInt32()
    {
        Ensure(4);
        int v = BinaryPrimitives.ReadInt32LittleEndian(_rest);
        _rest = _rest[4..];
        return v;
    }

    public long ReadInt64()
    {
        Ensure(8);
        long v = BinaryPrimitives.ReadInt64LittleEndian(_rest);
        _rest = _rest[8..];
        return v;
    }

    public double ReadDouble()
    {
        Ensure(8);
        double v = BinaryPrimitives.ReadDoubleLittleEndian(_rest);
        _rest = _rest[8..];
        return v;
    }

    /// <summary>Reads a length-prefixed array into <paramref name="target"/>, which must have exactly that length.</summary>
    public void ReadDoubles(Span<double> target)
    {
        int n = ReadInt32();
        if (n != target.Length)
        {
            throw new InvalidDataException($"Saved state holds {n} values where {target.Length} were expected.");
        }

        ReadBlock(MemoryMarshal.Cast<double, long>(target));
    }

    /// <summary>Fills <paramref name="target"/> with values written back to back by <see cref="StateWriter.WriteBlock"/>.</summary>
    public void ReadBlock(Span<long> target)
    {
        // why: one copy of the values' bits instead of a load per value (see StateWriter.WriteBlock).
        var block = new Kernels.StateBufferReader(_rest);
        block.ReadBlock(target);
        _rest = _rest[(8 * target.Length)..];
    }

    private readonly void Ensure(int bytes)
    {
        if (_rest.Length < bytes)
        {
            throw new InvalidDataException("Saved scorer state is truncated.");
        }
    }
}
