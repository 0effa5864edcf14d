namespace AnomalyHunter.Udfs.Detection;

/// <summary>Creates and restores <see cref="ISeriesScorer"/> instances of one configured detector.</summary>
public interface ISeriesScorerFactory
{
    /// <summary>Short name of the detector, e.g. <c>robust-z</c>.</summary>
    string Name { get; }

    /// <summary>A stable hash of the detector's version and configuration; saved state is only valid for the same fingerprint.</summary>
    string Fingerprint { get; }

    /// <summary>A scorer with empty history.</summary>
    ISeriesScorer Create();

    /// <summary>A scorer that continues from state written by <see cref="ISeriesScorer.WriteState"/>.</summary>
    ISeriesScorer Restore(ReadOnlySpan<byte> state);
}
