using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace AnomalyHunter.Udfs.Detection.Ensemble;

/// <summary>Little-endian binary writer for scorer state.</summary>
internal ref struct StateWriter
{
    private readonly IBufferWriter<byte> _writer;

    public StateWriter(IBufferWriter<byte> writer) => _writer = writer;

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

    public readonly void Write(double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(_writer.GetSpan(8), value);
        _writer.Advance(8);
    }

    /// <summary>Writes a length prefix and the values.</summary>
    public readonly void Write(ReadOnlySpan<double> values)
    {
        Write(values.Length);
        WriteBlock(MemoryMarshal.Cast<double, long>(values));
    }

    /// <summary>Writes the values back to back, without a length (the reader must know it): the bytes of one <see cref="Write(long)"/> per value.</summary>
    public readonly void WriteBlock(ReadOnlySpan<long> values)
    {
        // why: one copy of the values' bits instead of a store per value; the state of a restored scorer is tens of kilobytes written every run.
        new Kernels.StateBufferWriter(_writer).WriteBlock(values);
    }
}
