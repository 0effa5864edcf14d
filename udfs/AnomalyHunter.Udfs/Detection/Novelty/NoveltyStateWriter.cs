using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace AnomalyHunter.Udfs.Detection.Novelty;

/// <summary>Little-endian binary writer for the novelty scorer's state.</summary>
/// <remarks>why: a copy of the ensemble's writer, kept here so that the two detectors' state formats can evolve separately.</remarks>
internal ref struct NoveltyStateWriter
{
    private readonly IBufferWriter<byte> _writer;

    public NoveltyStateWriter(IBufferWriter<byte> writer) => _writer = writer;

    public readonly void Write(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_writer.GetSpan(4), value);
        _writer.Advance(4);
    }

    public readonly void Write(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_writer.GetSpan(8), value);
        _writer.Advance(8);
    }

    public readonly void Write(ulong value)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(_writer.GetSpan(8), value);
        _writer.Advance(8);
    }

    public readonly void Write(double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(_writer.GetSpan(8), value);
        _writer.Advance(8);
    }

    /// <summary>Writes the values back to back, without a length.</summary>
    public readonly void Write(ReadOnlySpan<double> values) => WriteBlock(MemoryMarshal.Cast<double, long>(values));

    /// <summary>Writes the values back to back, without a length.</summary>
    public readonly void Write(ReadOnlySpan<ulong> values) => WriteBlock(MemoryMarshal.Cast<ulong, long>(values));

    /// <summary>Writes the values back to back, without a length.</summary>
    public readonly void Write(ReadOnlySpan<long> values) => WriteBlock(values);

    private readonly void WriteBlock(ReadOnlySpan<long> values)
    {
        int size = 8 * values.Length;
        Span<byte> span = _writer.GetSpan(size)[..size];
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.AsBytes(values).CopyTo(span);
        }
        else
        {
            for (int i = 0; i < values.Length; i++)
            {
                BinaryPrimitives.WriteInt64LittleEndian(span[(8 * i)..], values[i]);
            }
        }

        _writer.Advance(size);
    }
}
