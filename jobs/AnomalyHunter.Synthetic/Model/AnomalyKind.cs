namespace AnomalyHunter.Synthetic.Model;

/// <summary>The kinds of injected anomaly; their label text is given by <see cref="AnomalyKindNames"/>.</summary>
public enum AnomalyKind
{
    /// <summary>A short upward excursion of one to three steps.</summary>
    Spike,

    /// <summary>A short downward excursion of one to three steps.</summary>
    Dip,

    /// <summary>A step change of the level that persists to the end of the data.</summary>
    LevelShift,

    /// <summary>An added slope for one to three days, after which the level reached is kept.</summary>
    TrendChange,

    /// <summary>The noise scale multiplied by a factor for some hours.</summary>
    VarianceChange,

    /// <summary>The daily pattern flattened, inverted or shifted in time for one or two days.</summary>
    SeasonalityBreak,

    /// <summary>A gap: the points are absent from the data.</summary>
    MissingData,

    /// <summary>A group of related series moving together: an origin first, followers after known lags.</summary>
    CorrelatedIncident,
}
