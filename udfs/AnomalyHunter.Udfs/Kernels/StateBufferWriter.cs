using System.Buffers;
using System.Buffers.Binary;

namespace AnomalyHunter.Udfs.Kernels;

/// <summary>Little-endian binary writer for the saved state of forecasting and multivariate scorers.</summary>
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

    public void Write(double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(_writer.GetSpan(8), value);
        _writer.Advance(8);
    }

    /// <summary>Writes a length prefix and the values.</summary>
    public void Write(ReadOnlySpan<double> values)
    {
        Write(values.Length);
        foreach (double v in values)
        {
            Write(v);
        }
    }

    /// <summary>Writes a length prefix and the values.</summary>
    public void Write(ReadOnlySpan<long> values)
    {
        Write(values.Length);
        foreach (long v in values)
        {
            Write(v);
        }
    }
}
