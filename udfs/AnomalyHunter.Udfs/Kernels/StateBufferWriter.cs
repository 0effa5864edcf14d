using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace AnomalyHunter.Udfs.Kernels;

/// <summary>Little-endian binary writer for the saved state of scorers (novelty, forecasting, multivariate).</summary>
internal readonly ref struct StateBufferWriter
{
    private readonly IBufferWriter<byte> _writer;

    public StateBufferWriter(IBufferWriter<byte> writer) => _writer = writer;

    public void Write(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_writer.GetSpan(4), value);
        _writer.Advance(4);
    }

    public void Write(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_writer.GetSpan(8), value);
        _writer.Advance(8);
    }

    public void Write(ulong value)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(_writer.GetSpan(8), value);
        _writer.Advance(8);
    }

    public void Write(double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(_writer.GetSpan(8), value);
        _writer.Advance(8);
    }

    /// <summary>Writes an unsigned integer in 1 to 10 bytes, seven bits a byte, low bits first (a LEB128 varint).</summary>
    public void WriteVarUInt64(ulong value)
    {
        Span<byte> span = _writer.GetSpan(10);
        int size = 0;
        while (value >= 0x80)
        {
            span[size++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[size++] = (byte)value;
        _writer.Advance(size);
    }

    /// <summary>Writes a signed integer as a varint of its zigzag form, so that values near zero of either sign take one byte.</summary>
    public void WriteVarInt64(long value) => WriteVarUInt64((ulong)((value << 1) ^ (value >> 63)));

    /// <summary>Writes a length prefix and the values.</summary>
    public void Write(ReadOnlySpan<double> values)
    {
        // why: the length and one block are the bytes of a write per value, in one copy.
        Write(values.Length);
        WriteBlock(values);
    }

    /// <summary>Writes a length prefix and the values.</summary>
    public void Write(ReadOnlySpan<long> values)
    {
        Write(values.Length);
        WriteBlock(values);
    }

    /// <summary>Writes the values back to back, without a length (the reader must know it).</summary>
    public void WriteBlock(ReadOnlySpan<double> values) => WriteBlock(MemoryMarshal.Cast<double, long>(values));

    /// <summary>Writes the values back to back, without a length (the reader must know it).</summary>
    public void WriteBlock(ReadOnlySpan<ulong> values) => WriteBlock(MemoryMarshal.Cast<ulong, long>(values));

    /// <summary>Writes the values back to back, without a length (the reader must know it).</summary>
    public void WriteBlock(ReadOnlySpan<long> values)
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
