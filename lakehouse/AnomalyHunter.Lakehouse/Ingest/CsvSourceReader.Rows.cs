using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace AnomalyHunter.Lakehouse.Ingest;

/// <summary>Row validation and conversion into points.</summary>
internal sealed partial class CsvSourceReader
{
    /// <summary>Processes records until the chunk is full, more bytes are needed, or the file ends.</summary>
    private Step ProcessRecords()
    {
        int perRow = _plan.ValueColumns.Length;
        while (true)
        {
            if (_chunk.IsFull || _chunk.Remaining < perRow)
            {
                return Step.ChunkFull;
            }

            RecordStatus status = NextRecord();
            if (status == RecordStatus.NeedMore)
            {
                return Step.NeedMore;
            }

            if (status == RecordStatus.End)
            {
                return Step.End;
            }

            _dataRecords++;
            ProcessRow();
        }
    }

    private void ProcessRow()
    {
        long line = _recLine;
        int columns = _plan.ColumnCount;
        if (_recUnterminated)
        {
            Reject(QuarantineReason.TruncatedRow, _recHasNewline
                ? "a quoted field is never closed (missing closing quote); only this line is rejected"
                : "the file ends inside a quoted field (missing closing quote)");
            return;
        }

        if (_inputCutShort && !_recHasNewline)
        {
            Reject(QuarantineReason.TruncatedRow, "the file ends inside this row (the gzip stream is cut short)");
            return;
        }

        if (_fieldCount != columns)
        {
            string detail = string.Create(CultureInfo.InvariantCulture, $"the row has {_fieldCount} fields, the header has {columns}");
            if (_fieldCount > columns)
            {
                Reject(QuarantineReason.ExtraColumn, detail);
            }
            else if (!_recHasNewline)
            {
                Reject(QuarantineReason.TruncatedRow, detail + "; the file ends inside this row");
            }
            else
            {
                Reject(QuarantineReason.MissingColumn, detail + $" (first missing column: '{_plan.ColumnNames[_fieldCount]}')");
            }

            return;
        }

        if (_recStart + _recLength > _cleanUntil)
        {
            string? problem = EncodingProblem(_buffer.AsSpan(_recStart, _recLength));
            if (problem is not null)
            {
                Reject(QuarantineReason.InvalidEncoding, problem);
                return;
            }
        }

        ReadOnlySpan<byte> data = FieldData;
        int tsColumn = _plan.TimestampColumn;
        TimestampStatus tsStatus = _time.Convert(Field(data, tsColumn), out long timestamp);
        if (tsStatus != TimestampStatus.Ok)
        {
            QuarantineReason reason = tsStatus switch
            {
                TimestampStatus.Empty => QuarantineReason.MissingColumn,
                TimestampStatus.OutOfRange => QuarantineReason.TimestampOutOfRange,
                _ => QuarantineReason.UnparseableTimestamp,
            };
            Reject(reason, _time.Describe(tsStatus, _plan.ColumnNames[tsColumn], FieldText(Field(data, tsColumn)), timestamp));
            return;
        }

        int[] valueColumns = _plan.ValueColumns;
        int present = 0;
        for (int slot = 0; slot < valueColumns.Length; slot++)
        {
            ReadOnlySpan<byte> field = Field(data, valueColumns[slot]);
            ValueStatus status = ValueParser.Parse(field, out double value);
            if (status == ValueStatus.Ok)
            {
                _slotValues[slot] = value;
                present++;
                continue;
            }

            if (status == ValueStatus.Empty && !_plan.SingleValue)
            {
                // why: in a wide row an empty cell means "no point for this metric at this time", not an error.
                _slotValues[slot] = double.NaN;
                continue;
            }

            string column = _plan.ColumnNames[valueColumns[slot]];
            switch (status)
            {
                case ValueStatus.Empty:
                    Reject(QuarantineReason.MissingColumn, $"value column '{column}' is empty");
                    break;
                case ValueStatus.NonFinite:
                    Reject(QuarantineReason.NonFiniteValue, $"value '{FieldText(field)}' in column '{column}' is not finite (NaN or infinity)");
                    break;
                default:
                    Reject(QuarantineReason.UnparseableValue, $"value '{FieldText(field)}' in column '{column}' is not a number");
                    break;
            }

            return;
        }

        KeyField[] keyFields = _plan.KeyFields;
        _keys.Reset();
        for (int i = 0; i < keyFields.Length; i++)
        {
            ReadOnlySpan<byte> field = Field(data, keyFields[i].Column).Trim(" \t"u8);
            Span<char> target = _keys.BeginField(field.Length);
            int chars = Encoding.UTF8.GetChars(field, target);
            if (!_keys.EndField(i, chars))
            {
                Reject(QuarantineReason.InvalidLabel, _keys.DescribeInvalid(i));
                return;
            }
        }

        int group = _keys.GetOrAddGroup();
        if (_plan.SingleValue)
        {
            _chunk.Add(_keys.KeyIndex(group, 0), timestamp, _slotValues[0], line);
            return;
        }

        for (int slot = 0; slot < valueColumns.Length && present > 0; slot++)
        {
            double value = _slotValues[slot];
            if (!double.IsNaN(value))
            {
                _chunk.Add(_keys.KeyIndex(group, slot), timestamp, value, line);
                present--;
            }
        }
    }

    private string? EncodingProblem(ReadOnlySpan<byte> raw)
    {
        if (Utf8.ToUtf16(raw, new char[raw.Length], out int read, out _, replaceInvalidSequences: false) != System.Buffers.OperationStatus.Done)
        {
            return string.Create(CultureInfo.InvariantCulture, $"bytes at offset {read} of the row are not valid UTF-8");
        }

        int nul = raw.IndexOf((byte)0);
        if (nul >= 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"the row holds a NUL byte at offset {nul}");
        }

        return _utf16 && raw.IndexOf("\uFFFD"u8) >= 0 ? "the row holds an unpaired UTF-16 surrogate" : null;
    }

    private void Reject(QuarantineReason reason, string detail) =>
        _chunk.Reject(_recLine, reason, detail, RawText(_recStart, _recLength));
}
