using System.Buffers;

namespace AnomalyHunter.Lakehouse.Ingest;

/// <summary>Record splitting (RFC 4180) over the byte buffer.</summary>
internal sealed partial class CsvSourceReader
{
    private int[] _fieldStart = new int[16];
    private int[] _fieldLength = new int[16];
    private int _fieldCount;
    private bool _fieldsInScratch;
    private byte[] _scratch = new byte[1024];
    private int _scratchLength;
    private int _recStart;
    private int _recLength;
    private long _recLine;
    private bool _recHasNewline;
    private bool _recUnterminated;
    private SearchValues<byte> _fieldEnds = SearchValues.Create(",\n"u8);

    private enum RecordStatus
    {
        Record,
        NeedMore,
        End,
    }

    /// <summary>The bytes that the current record's fields point into.</summary>
    private ReadOnlySpan<byte> FieldData => _fieldsInScratch ? _scratch : _buffer;

    private ReadOnlySpan<byte> Field(ReadOnlySpan<byte> data, int index) => data.Slice(_fieldStart[index], _fieldLength[index]);

    /// <summary>Splits the next non-blank record off the buffer, or says that more bytes are needed.</summary>
    private RecordStatus NextRecord()
    {
        while (true)
        {
            if (_start >= _end)
            {
                return _eof ? RecordStatus.End : RecordStatus.NeedMore;
            }

            ReadOnlySpan<byte> rest = _buffer.AsSpan(_start, _end - _start);

            // why: one scan finds the line end and tells whether the line holds a quote (then the slow path splits it).
            int nl = rest.IndexOfAny((byte)'\n', (byte)'"');
            if (nl >= 0 && rest[nl] == '"')
            {
                return SplitQuoted(rest);
            }

            if (nl < 0 && !_eof)
            {
                return RecordStatus.NeedMore;
            }

            int lineLength = nl < 0 ? rest.Length : nl;
            ReadOnlySpan<byte> line = rest[..lineLength];
            if (line.Length > 0 && line[^1] == '\r')
            {
                line = line[..^1];
            }

            _recStart = _start;
            _recLength = line.Length;
            _recLine = _line;
            _recHasNewline = nl >= 0;
            _recUnterminated = false;
            _line++;
            _start += nl < 0 ? rest.Length : nl + 1;
            if (line.IsEmpty)
            {
                continue;
            }

            SplitUnquoted(line, _recStart);
            return RecordStatus.Record;
        }
    }

    private void SplitUnquoted(ReadOnlySpan<byte> line, int offset)
    {
        _fieldsInScratch = false;
        int count = 0;
        int pos = 0;
        byte delimiter = _delimiter;
        while (true)
        {
            int idx = line[pos..].IndexOf(delimiter);
            int length = idx < 0 ? line.Length - pos : idx;
            if (count == _fieldStart.Length)
            {
                GrowFields();
            }

            _fieldStart[count] = offset + pos;
            _fieldLength[count] = length;
            count++;
            if (idx < 0)
            {
                break;
            }

            pos += idx + 1;
        }

        _fieldCount = count;
    }

    /// <summary>Splits a record that holds quotes; quoted fields may hold delimiters, doubled quotes and line breaks.</summary>
    private RecordStatus SplitQuoted(ReadOnlySpan<byte> rest)
    {
        int pos = 0;
        int count = 0;
        int newlines = 0;
        bool hasNewline = false;
        _scratchLength = 0;
        EnsureScratch(rest.Length);
        while (true)
        {
            int fieldStart = _scratchLength;
            int fieldNewlines = 0;
            bool endOfRecord = false;
            if (pos < rest.Length && rest[pos] == '"')
            {
                pos++;
                while (true)
                {
                    int quote = rest[pos..].IndexOf((byte)'"');
                    if (quote < 0)
                    {
                        if (!_eof && fieldNewlines + rest[pos..].Count((byte)'\n') <= MaxQuotedLines)
                        {
                            return RecordStatus.NeedMore;
                        }

                        return UnclosedQuote(rest);
                    }

                    ReadOnlySpan<byte> part = rest.Slice(pos, quote);
                    int partNewlines = part.Count((byte)'\n');
                    newlines += partNewlines;
                    fieldNewlines += partNewlines;
                    if (fieldNewlines > MaxQuotedLines)
                    {
                        return UnclosedQuote(rest);
                    }

                    Append(part);
                    pos += quote + 1;
                    if (pos < rest.Length && rest[pos] == '"')
                    {
                        Append("\""u8);
                        pos++;
                        continue;
                    }

                    if (pos == rest.Length && !_eof)
                    {
                        return RecordStatus.NeedMore;
                    }

                    break;
                }
            }

            // why: text after a closing quote (or an unquoted field) runs to the next delimiter or line end and is kept literally.
            int idx = rest[pos..].IndexOfAny(_fieldEnds);
            if (idx < 0)
            {
                if (!_eof)
                {
                    return RecordStatus.NeedMore;
                }

                Append(rest[pos..]);
                pos = rest.Length;
                endOfRecord = true;
            }
            else
            {
                byte c = rest[pos + idx];
                Append(rest.Slice(pos, idx));
                pos += idx + 1;
                if (c == '\n')
                {
                    endOfRecord = true;
                    hasNewline = true;
                }
            }

            if (endOfRecord && _scratchLength > fieldStart && _scratch[_scratchLength - 1] == '\r')
            {
                _scratchLength--;
            }

            if (count == _fieldStart.Length)
            {
                GrowFields();
            }

            _fieldStart[count] = fieldStart;
            _fieldLength[count] = _scratchLength - fieldStart;
            count++;
            if (endOfRecord)
            {
                break;
            }
        }

        int rawLength = hasNewline ? pos - 1 : pos;
        if (rawLength > 0 && rest[rawLength - 1] == '\r')
        {
            rawLength--;
        }

        _fieldsInScratch = true;
        _fieldCount = count;
        _recStart = _start;
        _recLength = rawLength;
        _recLine = _line;
        _recHasNewline = hasNewline;
        _recUnterminated = false;
        _line += 1 + newlines;
        _start += pos;
        return RecordStatus.Record;
    }

    /// <summary>A quoted field that never closes (at the end of the file, or after <see cref="MaxQuotedLines"/> lines) ends at its own line.</summary>
    /// <remarks>Why: a stray opening quote would otherwise swallow the rest of the file into one row; this way only its line is lost.</remarks>
    private RecordStatus UnclosedQuote(ReadOnlySpan<byte> rest)
    {
        int nl = rest.IndexOf((byte)'\n');
        int length = nl < 0 ? rest.Length : nl;
        if (length > 0 && rest[length - 1] == '\r')
        {
            length--;
        }

        _fieldsInScratch = true;
        _fieldCount = 0;
        _recStart = _start;
        _recLength = length;
        _recLine = _line;
        _recHasNewline = nl >= 0;
        _recUnterminated = true;
        _line++;
        _start += nl < 0 ? rest.Length : nl + 1;
        return RecordStatus.Record;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_scratch.AsSpan(_scratchLength));
        _scratchLength += bytes.Length;
    }

    private void EnsureScratch(int length)
    {
        if (_scratch.Length < length)
        {
            _scratch = new byte[Math.Max(length, _scratch.Length * 2)];
        }
    }

    private void GrowFields()
    {
        Array.Resize(ref _fieldStart, _fieldStart.Length * 2);
        Array.Resize(ref _fieldLength, _fieldLength.Length * 2);
    }
}
