using System.Buffers.Binary;

namespace AnomalyHunter.Udfs.Detection.Novelty;

/// <summary>Little-endian binary reader for the novelty scorer's state; throws <see cref="InvalidDataException"/> on truncated input.</summary>
internal ref struct NoveltyStateReader
{
    private ReadOnlySpan<byte> _rest;

    public NoveltyStateReader(ReadOnlySpan<byte> state) => _rest = state;

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

    public ulong ReadUInt64()
    {
        Ensure(8);
        ulong v = BinaryPrimitives.ReadUInt64LittleEndian(_rest);
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

    private readonly void Ensure(int bytes)
    {
        if (_rest.Length < bytes)
        {
            throw new InvalidDataException("Saved novelty state is truncated.");
        }
    }
}
