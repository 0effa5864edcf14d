namespace AnomalyHunter.Quality.Demo;

/// <summary>The anomaly-hunter-demo scenario files and their ground-truth windows (from the dataset README table).</summary>
public static class DemoCorpus
{
    /// <summary>Scenario files with their labelled windows (inclusive 0-based rows) and whether each is a slow ramp.</summary>
    public static IReadOnlyList<DemoScenario> Scenarios { get; } =
    [
        new("data_database_spike.csv", [new(100, 114, false)]),
        new("data_api_latency_drift.csv", [new(150, 299, true)]),
        new("data_cache_miss.csv", [new(80, 109, false), new(170, 199, false)]),
        new("data_disk_saturation.csv", [new(120, 139, false)]),
        new("data_network_loss.csv", [new(100, 114, false), new(200, 209, false), new(320, 349, false)]),
        new("data_error_spike.csv", [new(150, 189, false)]),
        new("data_memory_leak.csv", [new(200, 479, true)]),
    ];

    /// <summary>The dataset folder: ANOMALYHUNTER_DEMO_DATA, else shared/datasets/anomaly-hunter-demo (see <see cref="Harness.SharedDatasets.Locate"/>).</summary>
    public static string? Locate() => Harness.SharedDatasets.Locate("anomaly-hunter-demo", "ANOMALYHUNTER_DEMO_DATA");
}

/// <summary>One demo file and its labelled windows.</summary>
public sealed record DemoScenario(string File, IReadOnlyList<DemoWindow> Windows);

/// <summary>A labelled window (inclusive rows); slow ramps are exempt from the early-detection criterion.</summary>
public sealed record DemoWindow(int Start, int End, bool SlowRamp)
{
    /// <summary>Last row of the window's first fifth.</summary>
    public int EarlyEnd => Start + Math.Max(1, (End - Start + 1) / 5) - 1;
}
