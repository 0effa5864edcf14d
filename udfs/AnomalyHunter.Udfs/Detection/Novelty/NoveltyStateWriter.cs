using System.Buffers;
using System.Buffers.Binary;

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
}
