namespace AnomalyHunter.Jobs.Detect;

/// <summary>The state of an anomaly window when it changed, with each pass's peak score inside it.</summary>
internal sealed record WindowSnapshot(long StartMs, long EndMs, long PeakMs, double PeakScore, int Points, bool IsOpen, double[] PassPeaks);
