using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;

namespace AnomalyHunter.Lakehouse.Ingest;

/// <summary>Reads one delimited text file (long, wide or simple layout) into chunks, quarantining every bad row.</summary>
/// <remarks>
/// Works on UTF-8 bytes in a pooled buffer: records are split with vectorised searches, numbers and timestamps are parsed
/// from spans and series keys are interned per file, so the steady state allocates nothing per row. Blank lines are not rows.
/// Surrounding spaces and tabs are trimmed from every field. Line numbers are physical: the header is line 1, and a record
/// with quoted line breaks has the number of its first line.
/// </remarks>
internal sealed partial class CsvSourceReader
{
    private const int InitialBufferBytes = 1 << 20;
    private const int MaxRecordBytes = 64 << 20;
    private const int SampleRecords = 256;
    private const int MaxRawBytes = 4096;
    private const int MaxQuotedLines = 1000;

    private readonly string _path;
    private readonly IngestOptions _options;
    private readonly TimestampConverter _time;
    private Stream _stream = Stream.Null;
    private byte[] _buffer = [];
    private int _start;
    private int _end;
    private bool _eof;
    private int _cleanUntil;
    private bool _utf16;
    private byte _delimiter = (byte)',';
    private long _line = 1;
    private string? _streamError;
    private long _dataRecords;
    private bool _gzip;
    private long _contentBytes;
    private bool _inputCutShort;

    private LayoutPlan _plan = null!;
    private SeriesKeyTable _keys = null!;
    private ChunkBuilder _chunk = null!;
    private double[] _slotValues = [];

    public CsvSourceReader(string path, IngestOptions options, TimestampConverter time)
    {
        _path = path;
        _options = options;
        _time = time;
    }

    private enum Step
    {
        NeedMore,
        ChunkFull,
        End,
    }

    /// <summary>Reads the file and yields its chunks.</summary>
    public async IAsyncEnumerable<SourceChunk> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var opened = await TextSourceOpener.OpenAsync(_path, cancellationToken);
        if (opened.Stream is null)
        {
            yield return FileRejection(opened.Reason, opened.Detail);
            yield break;
        }

        _stream = opened.Stream;
        _utf16 = opened.Utf16;
        _gzip = opened.Gzip && !opened.Utf16;
        _contentBytes = opened.BomLength;
        _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferBytes);
        try
        {
            // why: the header needs a whole line, and a wide layout samples the rows that follow it.
            while (!_eof && (_end - _start < 64 * 1024 || _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n') < 0))
            {
                await FillAsync(cancellationToken);
            }

            string? fileProblem = ReadHeader(out QuarantineReason reason, out long problemLine, out string raw);
            if (fileProblem is not null)
            {
                yield return FileRejection(reason, fileProblem, problemLine, raw);
                yield break;
            }

            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Step step = ProcessRecords();
                if (step == Step.ChunkFull)
                {
                    yield return _chunk.Build();
                }
                else if (step == Step.NeedMore)
                {
                    await FillAsync(cancellationToken);
                }
                else
                {
                    break;
                }
            }

            if (_streamError is not null)
            {
                _chunk.Reject(0, _inputCutShort ? QuarantineReason.TruncatedRow : QuarantineReason.UnreadableFile, _streamError, string.Empty);
            }
            else if (_dataRecords == 0)
            {
                _chunk.Reject(0, QuarantineReason.EmptyFile, "the file has a header but no data rows", string.Empty);
            }

            if (_chunk.HasContent)
            {
                yield return _chunk.Build();
            }
        }
        finally
        {
            await _stream.DisposeAsync();
            ArrayPool<byte>.Shared.Return(_buffer);
        }
    }

    private SourceChunk FileRejection(QuarantineReason reason, string detail, long line = 0, string raw = "")
    {
        var chunk = new ChunkBuilder(_path, _options.ChunkRows, null);
        chunk.Reject(line, reason, detail, raw);
        return chunk.Build();
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxRecordBytes)
            {
                _streamError = string.Create(CultureInfo.InvariantCulture, $"line {_line} is longer than {MaxRecordBytes / (1 << 20)} MiB; the rest of the file was not read");
                _eof = true;
                _start = _end;
                return;
            }

            byte[] grown = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, grown, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = grown;
        }

        int read;
        try
        {
            read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            // why: only a corrupt gzip stream throws this; the rows read so far stay, the rest is reported once.
            _streamError = string.Create(CultureInfo.InvariantCulture, $"the gzip stream is corrupt after line {_line}: {ex.Message}");
            read = 0;
        }

        _contentBytes += read;
        if (read == 0 && !_eof)
        {
            _eof = true;
            if (_gzip && _streamError is null && !await GzipTrailerMatchesAsync(cancellationToken))
            {
                // why: GZipStream ends quietly on a cut-off file; only the trailer's length field shows the loss.
                _inputCutShort = true;
                _streamError = "the gzip stream ends early (its trailer does not match the bytes decompressed): the file is cut short";
            }
        }

        _end += read;
        MarkCleanRegion();
    }

    /// <summary>True when the gzip trailer's ISIZE field equals the decompressed length (mod 2^32), i.e. the file was not cut short.</summary>
    /// <remarks>Only the last member of a multi-member gzip file is checked, so such files are reported as cut short.</remarks>
    private async ValueTask<bool> GzipTrailerMatchesAsync(CancellationToken cancellationToken)
    {
        using Microsoft.Win32.SafeHandles.SafeFileHandle handle = File.OpenHandle(_path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.Asynchronous);
        long length = RandomAccess.GetLength(handle);
        if (length < 18)
        {
            return false;
        }

        byte[] tail = new byte[4];
        int read = await RandomAccess.ReadAsync(handle, tail, length - 4, cancellationToken);
        return read == 4 && System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(tail) == (uint)_contentBytes;
    }

    /// <summary>Validates the complete lines in the buffer at once, so that rows inside a clean region skip their own encoding check.</summary>
    private void MarkCleanRegion()
    {
        ReadOnlySpan<byte> pending = _buffer.AsSpan(_start, _end - _start);
        int last = _eof ? pending.Length : pending.LastIndexOf((byte)'\n') + 1;
        ReadOnlySpan<byte> region = pending[..last];
        bool clean = Utf8.IsValid(region) && !region.Contains((byte)0) && (!_utf16 || region.IndexOf("\uFFFD"u8) < 0);
        _cleanUntil = clean ? _start + last : _start;
    }

    private string RawText(int start, int length)
    {
        ReadOnlySpan<byte> raw = _buffer.AsSpan(start, Math.Min(length, MaxRawBytes));
        return Encoding.UTF8.GetString(raw);
    }

    private static string FieldText(ReadOnlySpan<byte> field)
    {
        ReadOnlySpan<byte> s = field.Trim(" \t"u8);
        return s.Length <= 120 ? Encoding.UTF8.GetString(s) : Encoding.UTF8.GetString(s[..120]) + "…";
    }
}
