using System.Globalization;
using AnomalyHunter.Lakehouse.Ingest;

namespace AnomalyHunter.Jobs.Ingest;

/// <summary>Publishes each unit of rejected rows as a CSV file <c>{folder}/{runId}-{n}.csv</c>, written under a temporary name and renamed.</summary>
public sealed class FolderQuarantineSink : IQuarantineSink
{
    private readonly string _folder;
    private readonly string _runId;
    private int _sequence;

    /// <summary>Creates the sink for one run.</summary>
    public FolderQuarantineSink(string folder, string runId)
    {
        _folder = folder;
        _runId = runId;
    }

    /// <summary>Files published and not retracted.</summary>
    public IList<string> Files { get; } = [];

    /// <inheritdoc />
    public async Task<string?> PublishAsync(IReadOnlyList<QuarantinedRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return null;
        }

        string path = Path.Combine(_folder, string.Create(CultureInfo.InvariantCulture, $"{_runId}-{Interlocked.Increment(ref _sequence):D3}.csv"));
        await using var writer = await QuarantineWriter.CreateAsync(path, cancellationToken);
        await writer.WriteAsync(rows, cancellationToken);
        await writer.CompleteAsync(cancellationToken);
        Files.Add(path);
        return path;
    }

    /// <inheritdoc />
    public Task RetractAsync(string handle, CancellationToken cancellationToken)
    {
        File.Delete(handle);
        Files.Remove(handle);
        return Task.CompletedTask;
    }
}
