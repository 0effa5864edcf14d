using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace AnomalyHunter.Udfs.Kernels;

/// <summary>Little-endian binary reader for state written by <see cref="StateBufferWriter"/>; throws <see cref="InvalidDataException"/> on truncated or inconsistent input.</summary>
internal ref struct StateBufferReader
{
    private ReadOnlySpan<byte> _rest;

    public StateBufferReader(ReadOnlySpan<byte> state) => _rest = state;

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

    /// <summary>Reads an unsigned integer written by <see cref="StateBufferWriter.WriteVarUInt64"/>.</summary>
    public ulong ReadVarUInt64()
    {
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            Ensure(1);
            byte b = _rest[0];
            _rest = _rest[1..];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                // why: the tenth byte holds only the top bit; anything more would not fit 64 bits.
                if (shift == 63 && b > 1)
                {
                    break;
                }

                return value;
            }
        }

        throw new InvalidDataException("Saved scorer state holds a malformed variable-length integer.");
    }

    /// <summary>Reads a signed integer written by <see cref="StateBufferWriter.WriteVarInt64"/>.</summary>
    public long ReadVarInt64()
    {
        ulong zigzag = ReadVarUInt64();
        return (long)(zigzag >> 1) ^ -(long)(zigzag & 1);
    }

    /// <summary>Reads a count written as an <see cref="int"/>; throws unless it is within 0..<paramref name="max"/>.</summary>
    public int ReadCount(int max)
    {
        int n = ReadInt32();
        if (n < 0 || n > max)
        {
            throw new InvalidDataException($"Saved state holds a count of {n} where at most {max} are allowed.");
        }

        return n;
    }

    /// <summary>Reads a length-prefixed array of at most <paramref name="maxLength"/> values.</summary>
    public double[] ReadDoubles(int maxLength)
    {
        int n = ReadLength(maxLength);
        var values = new double[n];
        ReadBlock(values);
        return values;
    }

    /// <summary>Reads a length-prefixed array of at most <paramref name="maxLength"/> values.</summary>
    public long[] ReadInt64s(int maxLength)
    {
        int n = ReadLength(maxLength);
        var values = new long[n];
        ReadBlock(values);
        return values;
    }

    /// <summary>Reads a length-prefixed array of at most <paramref name="target"/>'s length into its start; returns the length.</summary>
    public int ReadInto(Span<double> target) => ReadInto(MemoryMarshal.Cast<double, long>(target));

    /// <summary>Reads a length-prefixed array of at most <paramref name="target"/>'s length into its start; returns the length.</summary>
    public int ReadInto(Span<long> target)
    {
        int n = ReadLength(target.Length);
        ReadBlock(target[..n]);
        return n;
    }

    /// <summary>Fills <paramref name="target"/> with values written back to back by <see cref="StateBufferWriter.WriteBlock(ReadOnlySpan{double})"/>.</summary>
    public void ReadBlock(Span<double> target) => ReadBlock(MemoryMarshal.Cast<double, long>(target));

    /// <summary>Fills <paramref name="target"/> with values written back to back by <see cref="StateBufferWriter.WriteBlock(ReadOnlySpan{ulong})"/>.</summary>
    public void ReadBlock(Span<ulong> target) => ReadBlock(MemoryMarshal.Cast<ulong, long>(target));

    /// <summary>Fills <paramref name="target"/> with values written back to back by <see cref="StateBufferWriter.WriteBlock(ReadOnlySpan{long})"/>.</summary>
    public void ReadBlock(Span<long> target)
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

    /// <summary>Throws unless the whole state has been read.</summary>
    public readonly void EnsureEnd()
    {
        if (!_rest.IsEmpty)
        {
            throw new InvalidDataException("Saved scorer state has trailing bytes.");
        }
    }

    private int ReadLength(int maxLength)
    {
        int n = ReadInt32();
        if (n < 0 || n > maxLength)
        {
            throw new InvalidDataException($"Saved state holds an array of {n} values where at most {maxLength} are allowed.");
        }

        Ensure(8L * n);
        return n;
    }

    private readonly void Ensure(long bytes)
    {
        if (_rest.Length < bytes)
        {
            throw new InvalidDataException("Saved scorer state is truncated.");
        }
    }
}
