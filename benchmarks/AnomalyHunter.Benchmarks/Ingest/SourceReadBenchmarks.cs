using System.Globalization;
using System.Text;
using AnomalyHunter.Lakehouse.Ingest;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Parquet;
using Parquet.Schema;

namespace AnomalyHunter.Benchmarks.Ingest;

/// <summary>Read throughput of the ingest readers on generated input: a long CSV with two label columns (plain and gzip), a wide CSV and a long Parquet file.</summary>
/// <remarks>
/// Rows per second = <see cref="Rows"/> / mean time (for the wide file, points = rows × 4). Run with
/// <c>dotnet run -c Release --project benchmarks/AnomalyHunter.Benchmarks -- --filter *SourceReadBenchmarks* --buildTimeout 1200</c>:
/// on a busy 2-core machine the default 120 s build timeout of the generated project is too short.
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class SourceReadBenchmarks
{
    private readonly IngestOptions _options = new();
    private string _folder = string.Empty;
    private string _longCsv = string.Empty;
    private string _longGzip = string.Empty;
    private string _wideCsv = string.Empty;
    private string _longParquet = string.Empty;

    /// <summary>Input rows per file.</summary>
    [Params(1_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _folder = Path.Combine(Path.GetTempPath(), "ah-ingest-bench-" + Rows.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(_folder);
        _longCsv = Path.Combine(_folder, "long.csv");
        _longGzip = Path.Combine(_folder, "long.csv.gz");
        _wideCsv = Path.Combine(_folder, "wide.csv");
        _longParquet = Path.Combine(_folder, "long.parquet");
        await WriteLongCsvAsync(_longCsv, gzip: false);
        await WriteLongCsvAsync(_longGzip, gzip: true);
        await WriteWideCsvAsync(_wideCsv);
        await WriteLongParquetAsync(_longParquet);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true)]
    public Task<long> LongCsv() => ReadAllAsync(_longCsv);

    [Benchmark]
    public Task<long> LongCsvGzip() => ReadAllAsync(_longGzip);

    [Benchmark]
    public Task<long> WideCsv() => ReadAllAsync(_wideCsv);

    [Benchmark]
    public Task<long> LongParquet() => ReadAllAsync(_longParquet);

    private async Task<long> ReadAllAsync(string path)
    {
        long points = 0;
        await foreach (SourceChunk chunk in SourceFileReader.ReadAsync(path, _options, TimeProvider.System, CancellationToken.None))
        {
            points += chunk.Count + chunk.Rejected.Count;
        }

        return points;
    }

    private async Task WriteLongCsvAsync(string path, bool gzip)
    {
        await using Stream file = File.Create(path);
        await using Stream stream = gzip ? new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest) : file;
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
        await writer.WriteAsync("timestamp,metric,value,host,service\n");
        var random = new Random(7);
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var line = new StringBuilder();
        for (int i = 0; i < Rows; i++)
        {
            line.Clear()
                .Append(start.AddSeconds(i / 100).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))
                .Append(",m").Append(i % 5)
                .Append(',').Append((random.NextDouble() * 100).ToString("R", CultureInfo.InvariantCulture))
                .Append(",host-").Append((i % 20).ToString("D2", CultureInfo.InvariantCulture))
                .Append(",svc-").Append(i % 3).Append('\n');
            await writer.WriteAsync(line);
        }
    }

    private async Task WriteWideCsvAsync(string path)
    {
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        await writer.WriteAsync("timestamp,host,cpu,mem,disk,net\n");
        var random = new Random(8);
        var line = new StringBuilder();
        for (int i = 0; i < Rows; i++)
        {
            line.Clear().Append(1_704_067_200L + (i / 20)).Append(",h").Append(i % 20);
            for (int m = 0; m < 4; m++)
            {
                line.Append(',').Append((random.NextDouble() * 100).ToString("F3", CultureInfo.InvariantCulture));
            }

            await writer.WriteAsync(line.Append('\n'));
        }
    }

    private async Task WriteLongParquetAsync(string path)
    {
        DataField[] fields =
        [
            new DateTimeDataField("timestamp", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Millis),
            new DataField<string>("metric"), new DataField<double>("value"), new DataField<string>("host"), new DataField<string>("service"),
        ];
        await using FileStream file = File.Create(path);
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), file);
        var random = new Random(9);
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        const int GroupRows = 250_000;
        for (int offset = 0; offset < Rows; offset += GroupRows)
        {
            int n = Math.Min(GroupRows, Rows - offset);
            using ParquetRowGroupWriter group = writer.CreateRowGroup();
            await group.WriteAsync<DateTime>(fields[0], Enumerable.Range(offset, n).Select(i => start.AddSeconds(i / 100)).ToArray());
            await group.WriteAsync(fields[1], Enumerable.Range(offset, n).Select(i => "m" + (i % 5).ToString(CultureInfo.InvariantCulture)).ToArray());
            await group.WriteAsync<double>(fields[2], Enumerable.Range(offset, n).Select(_ => random.NextDouble() * 100).ToArray());
            await group.WriteAsync(fields[3], Enumerable.Range(offset, n).Select(i => "host-" + (i % 20).ToString("D2", CultureInfo.InvariantCulture)).ToArray());
            await group.WriteAsync(fields[4], Enumerable.Range(offset, n).Select(i => "svc-" + (i % 3).ToString(CultureInfo.InvariantCulture)).ToArray());
        }
    }
}
