namespace AnomalyHunter.Benchmarks.DetectScale;

/// <summary>One measured stage: points processed, wall and CPU seconds, peak resident bytes and the load average around it.</summary>
internal sealed record StageResult(string Size, string Stage, long Points, double Seconds, double CpuSeconds, long PeakBytes, double LoadBefore, double LoadAfter)
{
    public double PointsPerSecond => Points / Seconds;

    /// <summary>CPU nanoseconds per point (all threads).</summary>
    public double CpuNsPerPoint => CpuSeconds * 1e9 / Points;
}
