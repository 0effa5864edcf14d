using AnomalyHunter.Lakehouse.Ingest;

namespace AnomalyHunter.Jobs.Ingest;

/// <summary>Receives rejected rows; the ingest job hands them over only for work it has committed (or for rows rejected while reading).</summary>
public interface IQuarantineSink
{
    /// <summary>Records rejected rows.</summary>
    Task WriteAsync(IReadOnlyList<QuarantinedRow> rows, CancellationToken cancellationToken);
}
