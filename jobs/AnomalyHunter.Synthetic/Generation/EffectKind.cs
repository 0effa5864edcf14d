namespace AnomalyHunter.Synthetic.Generation;

/// <summary>How an injected anomaly changes a series.</summary>
internal enum EffectKind
{
    /// <summary>Adds amplitude × shape[step − start] (spikes, dips, incident members).</summary>
    Shaped,

    /// <summary>Adds the amplitude from the start to the end of the data (level shift).</summary>
    Step,

    /// <summary>Adds slope × steps since the start for the ramp length, then holds the level reached (trend change).</summary>
    Ramp,

    /// <summary>Multiplies the noise by the amplitude (variance change).</summary>
    NoiseScale,

    /// <summary>Replaces the daily pattern: flattened, inverted or shifted (seasonality break).</summary>
    Season,

    /// <summary>Removes the points (missing data).</summary>
    Gap,
}
