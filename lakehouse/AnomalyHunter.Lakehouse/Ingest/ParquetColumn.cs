using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace AnomalyHunter.Lakehouse.Ingest;

/// <summary>One column of one Parquet row group, read into numbers, instants or texts (nulls kept).</summary>
internal sealed class ParquetColumn
{
    private const long EpochTicks = 621_355_968_000_000_000L;

    private ParquetColumn(string name)
    {
        Name = name;
    }

    /// <summary>The column name.</summary>
    public string Name { get; }

    /// <summary>Values of a numeric column (any width), as doubles.</summary>
    public double?[]? Numbers { get; private init; }

    /// <summary>Values of a timestamp or date column, as epoch milliseconds of the stored clock reading.</summary>
    public long?[]? Instants { get; private init; }

    /// <summary>True when <see cref="Instants"/> are naive wall-clock readings (TIMESTAMP without UTC adjustment, or DATE).</summary>
    public bool NaiveInstants { get; private init; }

    /// <summary>Values of a text (or other) column, as strings.</summary>
    public string?[]? Texts { get; private init; }

    /// <summary>True when a Parquet column of this type holds numbers.</summary>
    public static bool IsNumeric(Type type) =>
        type == typeof(double) || type == typeof(float) || type == typeof(long) || type == typeof(int) || type == typeof(short)
        || type == typeof(sbyte) || type == typeof(byte) || type == typeof(ushort) || type == typeof(uint) || type == typeof(ulong)
        || type == typeof(decimal) || type == typeof(Half);

    /// <summary>True when a Parquet column of this type can be read by <see cref="ReadAsync"/>.</summary>
    public static bool IsSupported(Type type) =>
        IsNumeric(type) || type == typeof(string) || type == typeof(ReadOnlyMemory<char>) || type == typeof(DateTime)
        || type == typeof(DateTimeOffset) || type == typeof(DateOnly) || type == typeof(bool);

    /// <summary>Reads a column of a row group.</summary>
    public static async Task<ParquetColumn> ReadAsync(ParquetRowGroupReader group, DataField field, int rows, CancellationToken cancellationToken)
    {
        Type type = field.ClrType;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            string?[] texts = new string?[rows];
            await group.ReadAsync(field, texts.AsMemory(), null, cancellationToken);
            return new ParquetColumn(field.Name) { Texts = texts };
        }

        if (type == typeof(DateTime))
        {
            DateTime?[] times = await ReadNullableAsync<DateTime>(group, field, rows, cancellationToken);
            bool naive = field is DateTimeDataField dt && (dt.DateTimeFormat == DateTimeFormat.Date || (!dt.IsAdjustedToUTC && dt.DateTimeFormat != DateTimeFormat.Impala));
            return new ParquetColumn(field.Name) { Instants = Array.ConvertAll(times, t => t is null ? (long?)null : ToMs(t.Value.Ticks)), NaiveInstants = naive };
        }

        if (type == typeof(DateTimeOffset))
        {
            DateTimeOffset?[] times = await ReadNullableAsync<DateTimeOffset>(group, field, rows, cancellationToken);
            return new ParquetColumn(field.Name) { Instants = Array.ConvertAll(times, t => t?.ToUnixTimeMilliseconds()) };
        }

        if (type == typeof(DateOnly))
        {
            DateOnly?[] dates = await ReadNullableAsync<DateOnly>(group, field, rows, cancellationToken);
            return new ParquetColumn(field.Name) { Instants = Array.ConvertAll(dates, d => d is null ? (long?)null : ToMs(d.Value.ToDateTime(TimeOnly.MinValue).Ticks)), NaiveInstants = true };
        }

        if (type == typeof(bool))
        {
            bool?[] flags = await ReadNullableAsync<bool>(group, field, rows, cancellationToken);
            return new ParquetColumn(field.Name) { Texts = Array.ConvertAll(flags, f => f is null ? null : f.Value ? "true" : "false") };
        }

        return new ParquetColumn(field.Name) { Numbers = await ReadNumbersAsync(group, field, rows, cancellationToken) };
    }

    /// <summary>The value of row <paramref name="row"/> as text (labels and quarantine renderings).</summary>
    public string? TextAt(int row)
    {
        if (Texts is not null)
        {
            return Texts[row];
        }

        if (Numbers is not null)
        {
            return Numbers[row]?.ToString("R", CultureInfo.InvariantCulture);
        }

        long? ms = Instants![row];
        return ms is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(ms.Value).ToString(NaiveInstants ? "yyyy-MM-ddTHH:mm:ss.fff" : "yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
    }

    private static long ToMs(long ticks) => Math.DivRem(ticks - EpochTicks, TimeSpan.TicksPerMillisecond, out long rem) - (rem < 0 ? 1 : 0);

    private static async Task<double?[]> ReadNumbersAsync(ParquetRowGroupReader group, DataField field, int rows, CancellationToken ct)
    {
        Type type = field.ClrType;
        if (type == typeof(double))
        {
            return await ReadNullableAsync<double>(group, field, rows, ct);
        }

        if (type == typeof(float))
        {
            return Array.ConvertAll(await ReadNullableAsync<float>(group, field, rows, ct), v => (double?)v);
        }

        if (type == typeof(long))
        {
            return Array.ConvertAll(await ReadNullableAsync<long>(group, field, rows, ct), v => (double?)v);
        }

        if (type == typeof(int))
        {
            return Array.ConvertAll(await ReadNullableAsync<int>(group, field, rows, ct), v => (double?)v);
        }

        if (type == typeof(short))
        {
            return Array.ConvertAll(await ReadNullableAsync<short>(group, field, rows, ct), v => (double?)v);
        }

        if (type == typeof(sbyte))
        {
            return Array.ConvertAll(await ReadNullableAsync<sbyte>(group, field, rows, ct), v => (double?)v);
        }

        if (type == typeof(byte))
        {
            return Array.ConvertAll(await ReadNullableAsync<byte>(group, field, rows, ct), v => (double?)v);
        }

        if (type == typeof(ushort))
        {
            return Array.ConvertAll(await ReadNullableAsync<ushort>(group, field, rows, ct), v => (double?)v);
        }

        if (type == typeof(uint))
        {
            return Array.ConvertAll(await ReadNullableAsync<uint>(group, field, rows, ct), v => (double?)v);
        }

        if (type == typeof(ulong))
        {
            return Array.ConvertAll(await ReadNullableAsync<ulong>(group, field, rows, ct), v => (double?)v);
        }

        if (type == typeof(decimal))
        {
            return Array.ConvertAll(await ReadNullableAsync<decimal>(group, field, rows, ct), v => (double?)v);
        }

        if (type == typeof(Half))
        {
            return Array.ConvertAll(await ReadNullableAsync<Half>(group, field, rows, ct), v => (double?)v);
        }

        throw new NotSupportedException($"Parquet column '{field.Name}' has unsupported type {type.Name}.");
    }

    private static async Task<T?[]> ReadNullableAsync<T>(ParquetRowGroupReader group, DataField field, int rows, CancellationToken ct)
        where T : struct
    {
        if (!field.IsNullable)
        {
            // why: Parquet.Net 6.1.0 can return nulls when a required column is read through the nullable overload.
            var plain = new T[rows];
            await group.ReadAsync<T>(field, plain.AsMemory(), null, ct);
            return Array.ConvertAll(plain, v => (T?)v);
        }

        var values = new T?[rows];
        await group.ReadAsync<T>(field, values.AsMemory(), null, ct);
        return values;
    }
}
