namespace AnomalyHunter.Quality.Nab;

/// <summary>A labelled anomaly window as an inclusive range of row indices.</summary>
public readonly record struct NabWindow(int Start, int End)
{
    /// <summary>Number of rows in the window.</summary>
    public int Width => End - Start + 1;
}
