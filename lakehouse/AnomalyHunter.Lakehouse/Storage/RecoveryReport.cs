namespace AnomalyHunter.Lakehouse.Storage;

/// <summary>What a recovery pass cleaned up.</summary>
public sealed record RecoveryReport(int CrashedRuns, int AbandonedFiles, int TemporaryFiles, int PurgedRemovedFiles);
