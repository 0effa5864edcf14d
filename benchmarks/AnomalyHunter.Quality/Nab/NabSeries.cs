namespace AnomalyHunter.Quality.Nab;

/// <summary>One labelled NAB data file: its rows and its windows.</summary>
public sealed record NabSeries(string Name, string Category, long[] TimestampsMs, double[] Values, NabWindow[] Windows)
{
    /// <summary>Rows scored by NAB start here: min(floor(0.15·n), 750).</summary>
    public int ProbationLength => Math.Min((int)Math.Floor(0.15 * Values.Length), 750);
}
