using System.Buffers.Binary;
using System.Runtime.InteropServices;

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

    /// <summary>Fills <paramref name="target"/> with values written back to back by the writer's span overloads.</summary>
    public void Read(Span<double> target) => ReadBlock(MemoryMarshal.Cast<double, long>(target));

    /// <summary>Fills <paramref name="target"/> with values written back to back by the writer's span overloads.</summary>
    public void Read(Span<ulong> target) => ReadBlock(MemoryMarshal.Cast<ulong, long>(target));

    /// <summary>Fills <paramref name="target"/> with values written back to back by the writer's span overloads.</summary>
    public void Read(Span<long> target) => ReadBlock(target);

    private void ReadBlock(Span<long> target)
    {
        int size = 8 * target.Length;
        Ensure(size);
        if (BitConverter.IsLittleEndian)
        {
            _rest[..size].CopyTo(MemoryMarshal.AsBytes(target));
        }
        else
        {
            for (int i = 0; i < target.Length; i++)
            {
                target[i] = BinaryPrimitives.ReadInt64LittleEndian(_rest[(8 * i)..]);
            }
        }

        _rest = _rest[size..];
    }

    private readonly void Ensure(int bytes)
    {
        if (_rest.Length < bytes)
        {
            throw new InvalidDataException("Saved novelty state is truncated.");
        }
    }
}
