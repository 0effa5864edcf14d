namespace AnomalyHunter.Quality.Harness;

/// <summary>Which output of a scorer the harness evaluates.</summary>
public enum ScoreStream
{
    /// <summary>The deviation score of scorers with two outputs; the only score of the others.</summary>
    Deviation,

    /// <summary>The alert score of scorers that have one; the deviation score of the others.</summary>
    Alert,
}
