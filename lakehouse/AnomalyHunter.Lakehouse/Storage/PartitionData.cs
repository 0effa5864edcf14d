namespace AnomalyHunter.Lakehouse.Storage;

/// <summary>The sorted rows of one partition, to be written as one data file.</summary>
public sealed record PartitionData(string Tenant, string Region, DateOnly Date, MetricsBlock Block);
