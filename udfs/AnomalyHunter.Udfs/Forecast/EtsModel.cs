using AnomalyHunter.Udfs.Detection;
using AnomalyHunter.Udfs.Kernels;

namespace AnomalyHunter.Udfs.Forecast;

/// <summary>The running state of a fitted additive Holt–Winters model on a slot grid (whole steps since the epoch), with its residual scale.</summary>
/// <remarks>
/// A point h ≥ 1 slots after the last update is forecast as ℓ + h·b + s[slot mod m] with variance σ²·factor(h)
/// (<see cref="EtsVariance"/>); its error e updates ℓ ← ℓ + h·b + αe, b ← b + αβe and s[slot mod m] ← s + γ(1 − α)e.
/// Skipped slots (gaps) are therefore missing observations: no update, a wider interval.
/// </remarks>
internal sealed class EtsModel
{
    private long _cachedTimestamp = long.MinValue;
    private long _cachedSlot;
    private long _cachedPhaseSlot = long.MinValue;
    private int _cachedPhase;

    public EtsModel(ForecastModelKind kind, int period, HoltWintersParameters parameters, long stepMs)
    {
        Kind = kind;
        Period = kind == ForecastModelKind.Seasonal ? period : 1;
        Parameters = parameters;
        StepMs = stepMs;
        Season = new double[kind == ForecastModelKind.Seasonal ? period : 0];
    }

    public ForecastModelKind Kind { get; }

    /// <summary>Season length in slots; 1 without a season.</summary>
    public int Period { get; }

    public HoltWintersParameters Parameters { get; }

    /// <summary>Slot width in milliseconds.</summary>
    public long StepMs { get; }

    public double[] Season { get; }

    public double Level { get; set; }

    public double Trend { get; set; }

    public long LastSlot { get; set; }

    /// <summary>One-step residual standard deviation.</summary>
    public double Sigma { get; set; }

    /// <summary>The calibration of the residual tail fitted on the history.</summary>
    public ResidualTail Tail { get; set; } = ResidualTail.Nominal(ForecastOptions.DefaultTailBase);

    /// <summary>Smallest residual standard deviation allowed (relative to the history's magnitude).</summary>
    public double SigmaFloor { get; set; }

    /// <summary>Slot of a timestamp on this model's grid.</summary>
    public long Slot(long timestampMs)
    {
        // why: a cache of the last conversion spares the 64-bit division for the usual next-step point; it never changes the result.
        long slot = timestampMs - _cachedTimestamp == StepMs && _cachedTimestamp != long.MinValue
            ? _cachedSlot + 1
            : new SamplingStep(StepMs, true).Slot(timestampMs);
        _cachedTimestamp = timestampMs;
        _cachedSlot = slot;
        return slot;
    }

    /// <summary>Horizon of <paramref name="slot"/> after the last update; at least 1 (late or duplicate points count as the next slot).</summary>
    public int Horizon(long slot) => (int)Math.Clamp(slot - LastSlot, 1L, int.MaxValue);

    public double Predict(long slot, int h)
    {
        double f = Level + (h * Trend);
        return Period > 1 ? f + Season[Phase(slot)] : f;
    }

    public double VarianceFactor(int h) => h == 1 ? 1.0 : EtsVariance.Factor(h, Parameters, Period);

    /// <summary>Absorbs the finite value <paramref name="x"/> at <paramref name="slot"/> and returns its one-step error.</summary>
    public double Update(long slot, double x)
    {
        int h = Horizon(slot);
        double e = x - Predict(slot, h);
        Absorb(slot, h, e);
        return e;
    }

    /// <summary>The forecast for <paramref name="timestampMs"/> (after the last update): its slot, horizon, the spread factor √factor(h), the prediction's standard deviation and the predicted value.</summary>
    public EtsForecast Forecast(long timestampMs)
    {
        long slot = Slot(timestampMs);
        int h = Horizon(slot);
        double spread = h == 1 ? 1.0 : Math.Sqrt(VarianceFactor(h));
        return new EtsForecast(slot, h, spread, Sigma * spread, Predict(slot, h));
    }

    /// <summary>Moves the state by the one-step error <paramref name="e"/> at <paramref name="slot"/>, <paramref name="h"/> steps after the last update.</summary>
    private void Absorb(long slot, int h, double e)
    {
        HoltWintersParameters p = Parameters;
        Level += (h * Trend) + (p.Alpha * e);
        Trend += p.Alpha * p.Beta * e;
        if (Period > 1)
        {
            Season[Phase(slot)] += p.Gamma * (1.0 - p.Alpha) * e;
        }

        LastSlot = Math.Max(LastSlot, slot);
    }

    /// <summary>Scores the finite <paramref name="x"/> by the calibrated two-sided tail of its error against σ·√factor(h), then absorbs it into the state and the residual scale.</summary>
    public double ScoreAndUpdate(long timestampMs, double x, double scaleDecay, double residualClip) => ScoreAndUpdate(timestampMs, x, scaleDecay, residualClip, out _, out _);

    /// <summary>Like <see cref="ScoreAndUpdate(long, double, double, double)"/>, and gives the standardised error <paramref name="z"/> (signed; ±∞ against a zero spread) and its nominal <paramref name="surprise"/> (decades of two-sided normal improbability; +∞ against a zero spread).</summary>
    public double ScoreAndUpdate(long timestampMs, double x, double scaleDecay, double residualClip, out double z, out double surprise)
        => ScoreAndUpdate(Forecast(timestampMs), x, x, scaleDecay, residualClip, out z, out surprise);

    /// <summary>Like <see cref="ScoreAndUpdate(long, double, double, double, out double, out double)"/> at the point's <paramref name="forecast"/>, but the state learns <paramref name="learned"/> in place of <paramref name="x"/> (its scale still the error of <paramref name="x"/>, clipped as usual).</summary>
    public double ScoreAndUpdate(in EtsForecast forecast, double x, double learned, double scaleDecay, double residualClip, out double z, out double surprise)
    {
        double sd = forecast.Sd;
        double learnedError = learned - forecast.Predicted;
        Absorb(forecast.Slot, forecast.Horizon, learnedError);
        double e = learnedError + (x - learned);
        double score;
        if (sd > 0.0)
        {
            z = e / sd;
            surprise = NormalDistribution.TwoSidedSurprise(z);
            score = Tail.ScoreOfSurprise(surprise);
        }
        else
        {
            z = e == 0.0 ? 0.0 : (e > 0.0 ? double.PositiveInfinity : double.NegativeInfinity);
            surprise = e == 0.0 ? 0.0 : double.PositiveInfinity;
            score = e == 0.0 ? 0.0 : ScoreScale.Max;
        }

        UpdateScale(e / forecast.Spread, scaleDecay, residualClip);
        return score;
    }

    /// <summary>Updates the residual scale with a standardised error <paramref name="u"/> (e / √factor).</summary>
    public void UpdateScale(double u, double decay, double clip)
    {
        double limit = clip * Sigma;
        double u2 = Math.Min(u * u, limit * limit);
        Sigma = Math.Max(SigmaFloor, Math.Sqrt((decay * Sigma * Sigma) + ((1.0 - decay) * u2)));
    }

    public int Phase(long slot)
    {
        long ahead = slot - _cachedPhaseSlot;
        int phase;
        if (ahead >= 0 && ahead < Period && _cachedPhaseSlot != long.MinValue)
        {
            phase = _cachedPhase + (int)ahead;
            phase = phase >= Period ? phase - Period : phase;
        }
        else
        {
            long r = slot % Period;
            phase = (int)(r < 0 ? r + Period : r);
        }

        _cachedPhaseSlot = slot;
        _cachedPhase = phase;
        return phase;
    }

    public void Write(ref StateBufferWriter w)
    {
        w.Write((int)Kind);
        w.Write(Period);
        w.Write(Parameters.Alpha);
        w.Write(Parameters.Beta);
        w.Write(Parameters.Gamma);
        w.Write(StepMs);
        w.Write(Level);
        w.Write(Trend);
        w.Write(LastSlot);
        w.Write(Sigma);
        w.Write(SigmaFloor);
        w.Write(Tail.Base);
        w.Write(Tail.Share);
        w.Write(Tail.MeanExcess);
        w.Write(Season);
    }

    public static EtsModel Read(ref StateBufferReader r, int maxPeriod)
    {
        var kind = (ForecastModelKind)r.ReadInt32();
        int period = r.ReadInt32();
        if (!Enum.IsDefined(kind) || period < 1 || period > maxPeriod)
        {
            throw new InvalidDataException("Saved forecast model is invalid.");
        }

        var p = new HoltWintersParameters(r.ReadDouble(), r.ReadDouble(), r.ReadDouble());
        var model = new EtsModel(kind, period, p, r.ReadInt64())
        {
            Level = r.ReadDouble(),
            Trend = r.ReadDouble(),
            LastSlot = r.ReadInt64(),
            Sigma = r.ReadDouble(),
            SigmaFloor = r.ReadDouble(),
            Tail = new ResidualTail(r.ReadDouble(), r.ReadDouble(), r.ReadDouble()),
        };
        double[] season = r.ReadDoubles(maxPeriod);
        if (season.Length != model.Season.Length || model.StepMs < 1)
        {
            throw new InvalidDataException("Saved forecast model is invalid.");
        }

        season.CopyTo(model.Season, 0);
        return model;
    }
}
