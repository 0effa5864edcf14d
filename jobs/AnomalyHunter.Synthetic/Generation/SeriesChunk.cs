using AnomalyHunter.Synthetic.Model;

namespace AnomalyHunter.Synthetic.Generation;

/// <summary>All points of one series from a stream; the buffers are reused, so copy them to keep them past the next item.</summary>
/// <param name="Series">The series.</param>
/// <param name="TimestampsMs">UTC epoch milliseconds, ascending.</param>
/// <param name="Values">Values at those timestamps.</param>
public readonly record struct SeriesChunk(SeriesInfo Series, ReadOnlyMemory<long> TimestampsMs, ReadOnlyMemory<double> Values);
