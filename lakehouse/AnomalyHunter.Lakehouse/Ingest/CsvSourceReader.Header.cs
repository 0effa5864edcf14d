using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace AnomalyHunter.Lakehouse.Ingest;

/// <summary>Header reading: binary detection, delimiter detection, layout resolution.</summary>
internal sealed partial class CsvSourceReader
{
    private bool[]? _numericColumns;

    /// <summary>Reads the header and builds the plan; returns the detail of a file-level rejection, or null.</summary>
    private string? ReadHeader(out QuarantineReason reason, out long line, out string raw)
    {
        reason = QuarantineReason.UnreadableFile;
        line = 0;
        raw = string.Empty;
        if (_streamError is not null && _start == _end)
        {
            return _streamError;
        }

        ReadOnlySpan<byte> head = _buffer.AsSpan(_start, Math.Min(_end - _start, 8192));
        if (head.StartsWith("PAR1"u8))
        {
            return "the file is Parquet, not text; give it the .parquet extension";
        }

        int nul = head.IndexOf((byte)0);
        if (nul >= 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"the file holds binary data (a NUL byte at offset {nul}), not delimited text");
        }

        _delimiter = DetectDelimiter(_buffer.AsSpan(_start, _end - _start));
        _fieldEnds = SearchValues.Create([_delimiter, (byte)'\n']);
        RecordStatus status = NextRecord();
        if (status != RecordStatus.Record)
        {
            reason = QuarantineReason.EmptyFile;
            return "the file holds only blank lines";
        }

        raw = RawText(_recStart, _recLength);
        if (_recUnterminated)
        {
            reason = QuarantineReason.TruncatedRow;
            line = _recLine;
            return "a quoted field of the header is never closed (missing closing quote)";
        }

        ReadOnlySpan<byte> data = FieldData;
        var names = new string[_fieldCount];
        for (int i = 0; i < names.Length; i++)
        {
            ReadOnlySpan<byte> field = Field(data, i);
            if (!Utf8.IsValid(field))
            {
                reason = QuarantineReason.InvalidEncoding;
                line = _recLine;
                return string.Create(CultureInfo.InvariantCulture, $"header field {i + 1} is not valid UTF-8; the file cannot be read");
            }

            names[i] = Encoding.UTF8.GetString(field).Trim().Trim('\uFEFF');
        }

        string fileMetric = SourceFiles.MetricNameOf(_path);
        LayoutPlan? plan = LayoutResolver.Resolve(names, IsNumericColumn, _options, fileMetric, out string error);
        if (plan is null)
        {
            reason = QuarantineReason.UnrecognisedLayout;
            return error;
        }

        _plan = plan;
        _keys = new SeriesKeyTable(plan.KeyFields, plan.SlotMetrics, _options);
        _chunk = new ChunkBuilder(_path, _options.ChunkRows, _keys);
        _slotValues = new double[plan.ValueColumns.Length];
        return null;
    }

    /// <summary>Chooses comma, semicolon or tab: whichever appears most often outside quotes in the first line (comma on a tie).</summary>
    private static byte DetectDelimiter(ReadOnlySpan<byte> text)
    {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        bool quoted = false;
        foreach (byte b in text)
        {
            if (b == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                if (b == '\n')
                {
                    break;
                }

                commas += b == ',' ? 1 : 0;
                semicolons += b == ';' ? 1 : 0;
                tabs += b == '\t' ? 1 : 0;
            }
        }

        if (tabs > commas && tabs >= semicolons)
        {
            return (byte)'\t';
        }

        return semicolons > commas ? (byte)';' : (byte)',';
    }

    /// <summary>True when most non-empty sampled values of a column parse as numbers (wide layout: other columns are labels).</summary>
    private bool IsNumericColumn(int column)
    {
        if (_numericColumns is null)
        {
            int columns = _fieldCount;
            int[] numbers = new int[columns];
            int[] texts = new int[columns];
            int savedStart = _start;
            long savedLine = _line;
            for (int sampled = 0; sampled < SampleRecords && NextRecord() == RecordStatus.Record; sampled++)
            {
                if (_fieldCount != columns)
                {
                    continue;
                }

                ReadOnlySpan<byte> data = FieldData;
                for (int i = 0; i < columns; i++)
                {
                    ValueStatus status = ValueParser.Parse(Field(data, i), out _);
                    numbers[i] += status is ValueStatus.Ok or ValueStatus.NonFinite ? 1 : 0;
                    texts[i] += status == ValueStatus.Unparseable ? 1 : 0;
                }
            }

            _start = savedStart;
            _line = savedLine;
            _numericColumns = new bool[columns];
            for (int i = 0; i < columns; i++)
            {
                _numericColumns[i] = texts[i] <= numbers[i];
            }
        }

        return _numericColumns[column];
    }
}
