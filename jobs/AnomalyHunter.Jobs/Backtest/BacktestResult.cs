namespace AnomalyHunter.Jobs.Backtest;

/// <summary>What a backtest replay did.</summary>
public sealed record BacktestResult(int Files, long Rows, long PointsScored, int Batches, long Quarantined, long ElapsedMs, IReadOnlyList<string> Outputs);
