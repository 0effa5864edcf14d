using System.Globalization;
using AnomalyHunter.Jobs.Framework;
using AnomalyHunter.Jobs.Ingest;
using AnomalyHunter.Lakehouse.Ingest;
using AnomalyHunter.Lakehouse.Model;
using AnomalyHunter.Lakehouse.Sqlite;
using AnomalyHunter.Synthetic.Generation;
using AnomalyHunter.Synthetic.Options;
using Serilog;

namespace AnomalyHunter.Benchmarks.DetectScale;

/// <summary>A generated lakehouse of one size: synthetic series written day by day through the product's ingest job.</summary>
internal sealed class ScaleLake
{
    private const string ReadyMarker = "ready";

    private ScaleLake(string directory, int series, int days)
    {
        Directory = directory;
        Series = series;
        Days = days;
    }

    /// <summary>The folder holding the catalog and the lake.</summary>
    public string Directory { get; }

    public int Series { get; }

    public int Days { get; }

    public string CatalogPath => Path.Combine(Directory, "catalog.db");

    public string LakeRoot => Path.Combine(Directory, "lake");

    /// <summary>The generator options of a size: 5 tenants × 2 regions × 5 services × hosts × 5 metrics, 5-minute steps.</summary>
    public static SyntheticOptions Options(int series, int days)
    {
        const int Fixed = 5 * 2 * 5 * 5;
        if (series % Fixed != 0)
        {
            throw new ArgumentException($"The series count must be a multiple of {Fixed}.", nameof(series));
        }

        int scale = Math.Max(1, series / 200);
        return new SyntheticOptions
        {
            Days = days,
            Tenants = 5,
            RegionsPerTenant = 2,
            ServicesPerRegion = 5,
            HostsPerService = series / Fixed,
            MetricsPerHost = 5,
            Anomalies = new AnomalyCounts().Scale(scale),
            Parallelism = Environment.ProcessorCount,
        };
    }

    /// <summary>Opens the lake of this size under <paramref name="work"/>, generating and ingesting it first when absent.</summary>
    public static Task<ScaleLake> OpenOrCreateAsync(string work, int series, int days, ILogger log, CancellationToken cancellationToken)
        => OpenOrCreateAsync(work, series, days, null, log, cancellationToken);

    /// <summary>Like the overload without <paramref name="ingest"/>, which (when given) ingests the day sources in place of one ingest run over all of them.</summary>
    public static async Task<ScaleLake> OpenOrCreateAsync(string work, int series, int days, Func<Lake, List<IngestSource>, FolderQuarantineSink, Task>? ingest, ILogger log, CancellationToken cancellationToken)
    {
        string dir = Path.Combine(work, string.Create(CultureInfo.InvariantCulture, $"s{series}-d{days}"));
        var lake = new ScaleLake(dir, series, days);
        if (File.Exists(Path.Combine(dir, ReadyMarker)))
        {
            return lake;
        }

        if (System.IO.Directory.Exists(dir))
        {
            System.IO.Directory.Delete(dir, recursive: true);
        }

        System.IO.Directory.CreateDirectory(dir);
        await using (var catalog = new SqliteCatalog(lake.CatalogPath, TimeProvider.System))
        {
            await catalog.MigrateAsync(cancellationToken);
            var generator = new SyntheticGenerator(Options(series, days));
            var keys = generator.Series.Select(s => new SeriesKey(s.Tenant, s.Region, s.Metric,
                [new("service", s.Service), new("host", s.Host)])).ToArray();
            using var daysOf = generator.EnumerateDays().GetEnumerator();
            var sources = Enumerable.Range(0, days).Select(d => new IngestSource(
                string.Create(CultureInfo.InvariantCulture, $"synthetic/day-{d:D4}"),
                Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
                    System.Text.Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"detect-scale|{series}|{days}|{d}"))))
                , ct => NextDayAsync(daysOf, keys, ct))).ToList();
            var product = new Lake(catalog, lake.LakeRoot, TimeProvider.System, log);
            var quarantine = new FolderQuarantineSink(Path.Combine(dir, "quarantine"), "detect-scale");
            await (ingest is null
                ? new IngestJob(product, new IngestJobOptions()).RunAsync(sources, quarantine, null, cancellationToken)
                : ingest(product, sources, quarantine));
        }

        await File.WriteAllTextAsync(Path.Combine(dir, ReadyMarker), "ok", cancellationToken);
        return lake;
    }

    private static async IAsyncEnumerable<SourceChunk> NextDayAsync(IEnumerator<DayChunk> days, SeriesKey[] keys, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        if (!days.MoveNext())
        {
            yield break;
        }

        var day = days.Current;
        int count = checked((int)day.PointCount);
        var keyIndex = new int[count];
        var ts = new long[count];
        var values = new double[count];
        var lines = new long[count];
        int at = 0;
        for (int s = 0; s < keys.Length; s++)
        {
            var t = day.TimestampsOf(s);
            t.CopyTo(ts.AsSpan(at));
            day.ValuesOf(s).CopyTo(values.AsSpan(at));
            keyIndex.AsSpan(at, t.Length).Fill(s);
            at += t.Length;
        }

        for (int i = 0; i < count; i++)
        {
            lines[i] = i + 1;
        }

        yield return new SourceChunk
        {
            SourcePath = "synthetic",
            Keys = keys,
            KeyIndex = keyIndex,
            TimestampsMs = ts,
            Values = values,
            LineNumbers = lines,
            Count = count,
            Rejected = [],
        };
    }

    /// <summary>A copy of the catalog in which no detect consumer has run yet (the Parquet files are shared).</summary>
    public string FreshCatalogCopy(string name)
    {
        string copy = Path.Combine(Directory, name + ".db");
        File.Copy(CatalogPath, copy, overwrite: true);
        File.Delete(copy + "-wal");
        if (File.Exists(CatalogPath + "-wal"))
        {
            File.Copy(CatalogPath + "-wal", copy + "-wal");
        }

        return copy;
    }
}
