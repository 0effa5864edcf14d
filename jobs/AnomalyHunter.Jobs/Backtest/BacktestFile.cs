using AnomalyHunter.Lakehouse.Ingest;
using AnomalyHunter.Lakehouse.Model;

namespace AnomalyHunter.Jobs.Backtest;

/// <summary>The rows of one replayed input file, in file order.</summary>
internal sealed class BacktestFile
{
    public BacktestFile(string path, string relativePath)
    {
        Path = path;
        RelativePath = relativePath;
    }

    public string Path { get; }

    public string RelativePath { get; }

    /// <summary>Accepted rows: global key index, time, value, line.</summary>
    public List<(int Key, long Ts, double Value, long Line)> Rows { get; } = [];

    public List<QuarantinedRow> Rejected { get; } = [];

    public HashSet<int> KeysUsed { get; } = [];

    /// <summary>Keys are tagged with the file so that equal series names in different files stay apart.</summary>
    public static SeriesKey Tag(SeriesKey key, string relativePath) =>
        new(key.Tenant, key.Region, key.Metric, key.Labels.Append(new KeyValuePair<string, string>(BacktestRunner.FileLabel, relativePath)));
}
