using Parquet;
using Parquet.Schema;

namespace AnomalyHunter.Lakehouse.Tests.Ingest;

/// <summary>Writes small Parquet files with Parquet.Net for the reader tests.</summary>
internal static class ParquetTestFile
{
    /// <summary>Writes one row group per entry of <paramref name="groups"/>; each group holds one array per field.</summary>
    public static async Task WriteAsync(string path, DataField[] fields, params Array[][] groups)
    {
        await using FileStream stream = File.Create(path);
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
        foreach (Array[] columns in groups)
        {
            using ParquetRowGroupWriter group = writer.CreateRowGroup();
            for (int i = 0; i < fields.Length; i++)
            {
                await WriteColumnAsync(group, fields[i], columns[i]);
            }
        }
    }

    private static async Task WriteColumnAsync(ParquetRowGroupWriter group, DataField field, Array values)
    {
        switch (values)
        {
            case string?[] a: await group.WriteAsync(field, a!); break;
            case DateTime[] a: await group.WriteAsync<DateTime>(field, a); break;
            case DateTime?[] a: await group.WriteAsync<DateTime>(field, a); break;
            case double[] a: await group.WriteAsync<double>(field, a); break;
            case double?[] a: await group.WriteAsync<double>(field, a); break;
            case float[] a: await group.WriteAsync<float>(field, a); break;
            case float?[] a: await group.WriteAsync<float>(field, a); break;
            case long[] a: await group.WriteAsync<long>(field, a); break;
            case long?[] a: await group.WriteAsync<long>(field, a); break;
            case int[] a: await group.WriteAsync<int>(field, a); break;
            case short[] a: await group.WriteAsync<short>(field, a); break;
            case byte[] a: await group.WriteAsync<byte>(field, a); break;
            case decimal[] a: await group.WriteAsync<decimal>(field, a); break;
            default: throw new NotSupportedException(values.GetType().Name);
        }
    }
}
