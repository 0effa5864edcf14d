using AnomalyHunter.Lakehouse.Catalog;
using AnomalyHunter.Lakehouse.Storage;
using Serilog;

namespace AnomalyHunter.Jobs.Framework;

/// <summary>Everything a job needs to reach the lakehouse: the catalog, the file layout and store, the clock and the log.</summary>
public sealed class Lake
{
    /// <summary>Creates the lake over a catalog and a lake root folder.</summary>
    public Lake(ICatalog catalog, string lakeRoot, TimeProvider time, ILogger log)
    {
        Catalog = catalog;
        Layout = new LakeLayout(lakeRoot);
        Files = new LakeFileStore(Layout, catalog);
        Time = time;
        Log = log;
    }

    /// <summary>The catalog.</summary>
    public ICatalog Catalog { get; }

    /// <summary>Where files live.</summary>
    public LakeLayout Layout { get; }

    /// <summary>Reads and writes data files.</summary>
    public LakeFileStore Files { get; }

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>The log.</summary>
    public ILogger Log { get; }

    /// <summary>Current time in epoch milliseconds.</summary>
    public long NowMs() => Time.GetUtcNow().ToUnixTimeMilliseconds();
}
