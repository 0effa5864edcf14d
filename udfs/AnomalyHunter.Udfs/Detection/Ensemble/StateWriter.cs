using System.Buffers;
using System.Buffers.Binary;

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

    public readonly void Write(ReadOnlySpan<double> values)
    {
        Write(values.Length);
        Span<byte> span = _writer.GetSpan(8 * values.Length);
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(span[(8 * i)..], values[i]);
        }

        _writer.Advance(8 * values.Length);
    }
}
