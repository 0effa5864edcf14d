namespace AnomalyHunter.Udfs.Forecast;

/// <summary>A Holt–Winters model fitted to one series' history, which forecasts the next steps with prediction intervals.</summary>
/// <remarks>
/// Fallbacks: fewer than <see cref="ForecastOptions.MinPoints"/> finite points give no model; less than
/// <see cref="ForecastOptions.MinSeasons"/> seasons of history, no detected season or irregular sampling give a
/// level-and-trend model; NaN and infinite values are skipped. Intervals: forecast ± z·σ·√factor(h) (see the
/// factor's formula on the variance helper), with z the normal quantile of the requested coverage.
/// </remarks>
public sealed class HoltWintersForecaster
{
    private readonly EtsModel _model;
    private readonly ForecastOptions _options;

    private HoltWintersForecaster(EtsModel model, ForecastOptions options)
    {
        _model = model;
        _options = options;
    }

    /// <summary>The model kind chosen for the history.</summary>
    public ForecastModelKind Kind => _model.Kind;

    /// <summary>The season length in steps (1 without a season).</summary>
    public int SeasonLength => _model.Period;

    /// <summary>The sampling step in milliseconds (the median step of the history).</summary>
    public long StepMs => _model.StepMs;

    /// <summary>The fitted smoothing parameters.</summary>
    public Kernels.HoltWintersParameters Parameters => _model.Parameters;

    /// <summary>The one-step residual standard deviation σ.</summary>
    public double ResidualSigma => _model.Sigma;

    /// <summary>Fits a model to ascending timestamps (UTC epoch milliseconds) and values; null when there are fewer than MinPoints finite values.</summary>
    public static HoltWintersForecaster? Fit(ReadOnlySpan<long> timestampsMs, ReadOnlySpan<double> values, ForecastOptions options)
    {
        options.Validate();
        if (timestampsMs.Length != values.Length)
        {
            throw new ArgumentException("Timestamps and values must have the same length.", nameof(values));
        }

        var ts = new List<long>(values.Length);
        var vs = new List<double>(values.Length);
        for (int i = 0; i < values.Length; i++)
        {
            if (double.IsFinite(values[i]))
            {
                ts.Add(timestampsMs[i]);
                vs.Add(values[i]);
            }
        }

        EtsModel? model = EtsFitter.Fit(ts.ToArray(), vs.ToArray(), options, previous: null);
        return model is null ? null : new HoltWintersForecaster(model, options);
    }

    /// <summary>Scores new points against the fitted model (as the forecast pass does, without refitting) and absorbs them into its state; NaN and infinite values score 0 and change nothing.</summary>
    public void Score(ReadOnlySpan<long> timestampsMs, ReadOnlySpan<double> values, Span<double> scores)
    {
        if (timestampsMs.Length != values.Length || scores.Length != values.Length)
        {
            throw new ArgumentException("Timestamps, values and scores must have the same length.", nameof(scores));
        }

        double decay = Math.Pow(0.5, 1.0 / _options.ScaleHalfLife);
        for (int i = 0; i < values.Length; i++)
        {
            scores[i] = double.IsFinite(values[i]) ? _model.ScoreAndUpdate(timestampsMs[i], values[i], decay, _options.ResidualClip) : 0.0;
        }
    }

    /// <summary>Writes the next <c>mean.Length</c> steps' timestamps, forecasts and the bounds of the central interval of <paramref name="coverage"/> (0–1).</summary>
    public void Forecast(double coverage, Span<long> timestampsMs, Span<double> mean, Span<double> lower, Span<double> upper)
    {
        if (coverage is <= 0.0 or >= 1.0 || double.IsNaN(coverage))
        {
            throw new ArgumentOutOfRangeException(nameof(coverage), coverage, "Coverage must lie strictly between 0 and 1.");
        }

        if (timestampsMs.Length != mean.Length || lower.Length != mean.Length || upper.Length != mean.Length)
        {
            throw new ArgumentException("Outputs must have the same length.", nameof(mean));
        }

        double z = NormalQuantile.Of(0.5 + (coverage / 2.0));
        for (int h = 1; h <= mean.Length; h++)
        {
            long slot = _model.LastSlot + h;
            double f = _model.Predict(slot, h);
            double half = z * _model.Sigma * Math.Sqrt(_model.VarianceFactor(h));
            timestampsMs[h - 1] = slot * _model.StepMs;
            mean[h - 1] = f;
            lower[h - 1] = f - half;
            upper[h - 1] = f + half;
        }
    }
}
