using AnomalyHunter.Lakehouse.Ingest;

namespace AnomalyHunter.Jobs.Ingest;

/// <summary>
/// Receives rejected rows. The ingest job publishes the rows of a batch just before committing it, and retracts them
/// when the commit does not happen, so every committed source has its rejected rows on record (a crash between the two
/// steps can only repeat rows, never lose them).
/// </summary>
public interface IQuarantineSink
{
    /// <summary>Publishes rows as one complete unit and returns a handle for <see cref="RetractAsync"/> (null when there were no rows).</summary>
    Task<string?> PublishAsync(IReadOnlyList<QuarantinedRow> rows, CancellationToken cancellationToken);

    /// <summary>Withdraws a unit published for a commit that did not happen.</summary>
    Task RetractAsync(string handle, CancellationToken cancellationToken);
}
