using System.Globalization;

namespace AnomalyHunter.Benchmarks.DetectScale;

/// <summary>Command-line options of <c>detect-scale</c>.</summary>
internal sealed record DetectScaleOptions
{
    /// <summary>Folder for the generated lakes (reused across runs).</summary>
    public string Work { get; init; } = Path.Combine(Path.GetTempPath(), "anomaly-hunter-detect-scale");

    /// <summary>Series counts, one lake each (multiples of 250).</summary>
    public int[] Series { get; init; } = [1000, 3000, 10000];

    /// <summary>Days of 5-minute points per series (35 days = 10,080 points).</summary>
    public int Days { get; init; } = 35;

    /// <summary>Series (whole groups) loaded into memory for the per-pass rates.</summary>
    public int PassSeries { get; init; } = 1000;

    /// <summary>Workers for detect and the per-pass runs.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Stages to run: read, detect, passes, duckdb.</summary>
    public HashSet<string> Stages { get; init; } = new(["read", "detect", "passes", "duckdb"], StringComparer.Ordinal);

    public static DetectScaleOptions Parse(string[] args)
    {
        var o = new DetectScaleOptions();
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            string v = args[i + 1];
            o = args[i] switch
            {
                "--work" => o with { Work = Path.GetFullPath(v) },
                "--series" => o with { Series = [.. v.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))] },
                "--days" => o with { Days = int.Parse(v, CultureInfo.InvariantCulture) },
                "--pass-series" => o with { PassSeries = int.Parse(v, CultureInfo.InvariantCulture) },
                "--parallelism" => o with { Parallelism = int.Parse(v, CultureInfo.InvariantCulture) },
                "--stages" => o with { Stages = new(v.Split(','), StringComparer.Ordinal) },
                _ => throw new ArgumentException($"Unknown option {args[i]}; known: --work, --series, --days, --pass-series, --parallelism, --stages.", nameof(args)),
            };
        }

        return o;
    }
}
