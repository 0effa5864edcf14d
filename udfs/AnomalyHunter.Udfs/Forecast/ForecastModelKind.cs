namespace AnomalyHunter.Udfs.Forecast;

/// <summary>Which exponential-smoothing model a series has, given how much history it has and how regular its sampling is.</summary>
public enum ForecastModelKind
{
    /// <summary>Too little history (fewer than <see cref="ForecastOptions.MinPoints"/> finite points): no forecast.</summary>
    None = 0,

    /// <summary>Holt's linear method: level and trend, used below <see cref="ForecastOptions.MinSeasons"/> seasons, without a season or with irregular sampling.</summary>
    LevelTrend = 1,

    /// <summary>Additive Holt–Winters, ETS(A,A,A): level, trend and a season of a fixed number of steps.</summary>
    Seasonal = 2,
}
