using System.Text;

namespace AnomalyHunter.Lakehouse.Ingest;

/// <summary>Validates the rows of Parquet row groups and turns them into points.</summary>
internal sealed class ParquetRowProcessor(LayoutPlan plan, SeriesKeyTable keys, ChunkBuilder chunk, TimestampConverter time)
{
    private readonly double[] _slotValues = new double[plan.ValueColumns.Length];

    /// <summary>Processes rows from <paramref name="row"/> until the group ends or the chunk is full; returns the next row to process.</summary>
    public int Process(ParquetColumn[] columns, int rows, int row, long rowOffset)
    {
        int perRow = plan.ValueColumns.Length;
        for (; row < rows; row++)
        {
            if (chunk.IsFull || chunk.Remaining < perRow)
            {
                return row;
            }

            ProcessRow(columns, row, rowOffset + row + 1);
        }

        return row;
    }

    private void ProcessRow(ParquetColumn[] columns, int row, long line)
    {
        ParquetColumn tsColumn = columns[plan.TimestampColumn];
        TimestampStatus tsStatus;
        long timestamp;
        if (tsColumn.Instants is { } instants)
        {
            long? ms = instants[row];
            timestamp = ms ?? 0;
            if (ms is null)
            {
                tsStatus = TimestampStatus.Empty;
            }
            else if (tsColumn.NaiveInstants)
            {
                tsStatus = time.FromWallClock(ms.Value, out timestamp);
            }
            else
            {
                tsStatus = time.CheckRange(timestamp);
            }
        }
        else if (tsColumn.Numbers is { } numbers)
        {
            double? n = numbers[row];
            timestamp = 0;
            tsStatus = n is null ? TimestampStatus.Empty : time.FromEpochNumber(n.Value, out timestamp);
        }
        else
        {
            tsStatus = time.Convert(tsColumn.Texts![row], out timestamp);
        }

        if (tsStatus != TimestampStatus.Ok)
        {
            QuarantineReason reason = tsStatus switch
            {
                TimestampStatus.Empty => QuarantineReason.MissingColumn,
                TimestampStatus.OutOfRange => QuarantineReason.TimestampOutOfRange,
                _ => QuarantineReason.UnparseableTimestamp,
            };
            Reject(columns, row, line, reason, time.Describe(tsStatus, tsColumn.Name, tsColumn.TextAt(row) ?? "null", timestamp));
            return;
        }

        int present = 0;
        for (int slot = 0; slot < plan.ValueColumns.Length; slot++)
        {
            ParquetColumn column = columns[plan.ValueColumns[slot]];
            double value = 0;
            ValueStatus status = column.Numbers is { } numbers
                ? ValueParser.Classify(numbers[row])
                : ValueParser.Parse(column.TextAt(row), out value);
            if (column.Numbers is { } n && status == ValueStatus.Ok)
            {
                value = n[row]!.Value;
            }

            if (status == ValueStatus.Ok)
            {
                _slotValues[slot] = value;
                present++;
                continue;
            }

            if (status == ValueStatus.Empty && !plan.SingleValue)
            {
                // why: in a wide row a null cell means "no point for this metric at this time", not an error.
                _slotValues[slot] = double.NaN;
                continue;
            }

            string text = column.TextAt(row) ?? "null";
            (QuarantineReason reason, string detail) = status switch
            {
                ValueStatus.Empty => (QuarantineReason.MissingColumn, $"value column '{column.Name}' is null or empty"),
                ValueStatus.NonFinite => (QuarantineReason.NonFiniteValue, $"value '{text}' in column '{column.Name}' is not finite (NaN or infinity)"),
                _ => (QuarantineReason.UnparseableValue, $"value '{text}' in column '{column.Name}' is not a number"),
            };
            Reject(columns, row, line, reason, detail);
            return;
        }

        KeyField[] keyFields = plan.KeyFields;
        keys.Reset();
        for (int i = 0; i < keyFields.Length; i++)
        {
            string text = (columns[keyFields[i].Column].TextAt(row) ?? string.Empty).Trim();
            text.AsSpan().CopyTo(keys.BeginField(text.Length));
            if (!keys.EndField(i, text.Length))
            {
                Reject(columns, row, line, QuarantineReason.InvalidLabel, keys.DescribeInvalid(i));
                return;
            }
        }

        int group = keys.GetOrAddGroup();
        for (int slot = 0; slot < plan.ValueColumns.Length && present > 0; slot++)
        {
            double value = _slotValues[slot];
            if (plan.SingleValue || !double.IsNaN(value))
            {
                chunk.Add(keys.KeyIndex(group, slot), timestamp, value, line);
                present--;
            }
        }
    }

    private void Reject(ParquetColumn[] columns, int row, long line, QuarantineReason reason, string detail)
    {
        var raw = new StringBuilder();
        foreach (ParquetColumn column in columns)
        {
            if (raw.Length > 4096)
            {
                break;
            }

            raw.Append(raw.Length > 0 ? ", " : string.Empty).Append(column.Name).Append('=').Append(column.TextAt(row) ?? "null");
        }

        chunk.Reject(line, reason, detail, raw.ToString());
    }
}
