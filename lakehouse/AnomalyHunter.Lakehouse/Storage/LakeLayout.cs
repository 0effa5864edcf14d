using System.Globalization;
using System.Text;

namespace AnomalyHunter.Lakehouse.Storage;

/// <summary>Where things live under the lake root: Hive-style partitions <c>metrics/tenant=…/region=…/date=YYYY-MM-DD/part-….parquet</c>.</summary>
public sealed class LakeLayout
{
    /// <summary>The dataset folder of metric points, relative to the lake root.</summary>
    public const string MetricsDataset = "metrics";

    /// <summary>Suffix of files being written; readers and globs ignore them.</summary>
    public const string TemporarySuffix = ".tmp";

    /// <summary>Creates the layout for a lake root folder.</summary>
    public LakeLayout(string root) => Root = Path.GetFullPath(root);

    /// <summary>The lake root folder.</summary>
    public string Root { get; }

    /// <summary>The folder of the metrics dataset.</summary>
    public string MetricsRoot => Path.Combine(Root, MetricsDataset);

    /// <summary>The relative partition folder (with '/' separators) of a tenant, region and UTC date.</summary>
    public static string PartitionPath(string tenant, string region, DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{MetricsDataset}/tenant={Escape(tenant)}/region={Escape(region)}/date={date:yyyy-MM-dd}");

    /// <summary>A new data file name inside <paramref name="partitionPath"/>; the run id and a random part keep names unique.</summary>
    public static string NewDataFilePath(string partitionPath, string runId) =>
        $"{partitionPath}/part-{runId}-{Guid.NewGuid():N}.parquet";

    /// <summary>The run id inside a data file name <c>part-{runId}-{32 hex}.parquet[.tmp]</c>, or null for other names.</summary>
    public static string? RunIdOfDataFile(string fileName)
    {
        const string prefix = "part-";
        int end = fileName.IndexOf(".parquet", StringComparison.Ordinal);
        if (!fileName.StartsWith(prefix, StringComparison.Ordinal) || end < prefix.Length + 33)
        {
            return null;
        }

        return fileName[prefix.Length..(end - 33)];
    }

    /// <summary>The absolute path of a relative lake path.</summary>
    public string Absolute(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The relative path (with '/' separators) of an absolute path under the root.</summary>
    public string Relative(string absolutePath) => Path.GetRelativePath(Root, absolutePath).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>The UTC date partition of an epoch-millisecond timestamp.</summary>
    public static DateOnly DateOf(long timestampMs) =>
        DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(timestampMs).UtcDateTime);

    /// <summary>Epoch milliseconds of the start of a UTC date.</summary>
    public static long StartOfDayMs(DateOnly date) =>
        new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();

    /// <summary>Escapes a partition value the way Hive does: characters outside [A-Za-z0-9._-] become %XX of their UTF-8 bytes.</summary>
    public static string Escape(string value)
    {
        var sb = new StringBuilder(value.Length);
        Span<byte> bytes = stackalloc byte[4];
        foreach (Rune r in value.EnumerateRunes())
        {
            if (r.IsAscii && (char.IsAsciiLetterOrDigit((char)r.Value) || r.Value is '.' or '_' or '-'))
            {
                sb.Append((char)r.Value);
                continue;
            }

            int n = r.EncodeToUtf8(bytes);
            for (int i = 0; i < n; i++)
            {
                sb.Append('%').Append(bytes[i].ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        // why: "." and ".." are not valid folder names.
        return sb.ToString() is "." or ".." ? sb.ToString().Replace(".", "%2E", StringComparison.Ordinal) : sb.ToString();
    }

    /// <summary>Deletes a file; a file whose folder was never created (a crash before the first write) is already gone.</summary>
    public static void DeleteIfPresent(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
            // why: nothing was ever written there, which is the state deletion wants.
        }
    }
}
