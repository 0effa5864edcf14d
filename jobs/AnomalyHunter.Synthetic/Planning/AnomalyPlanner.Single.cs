using System.Globalization;
using AnomalyHunter.Synthetic.Generation;
using AnomalyHunter.Synthetic.Model;
using AnomalyHunter.Synthetic.Random;

namespace AnomalyHunter.Synthetic.Planning;

/// <summary>Placement of the single-series kinds.</summary>
internal sealed partial class AnomalyPlanner
{
    private PlannedAnomaly? TrySpike(ref Xoshiro256StarStar rng, int[] eligible, int sign)
    {
        int series = eligible[rng.NextInt(eligible.Length)];
        SeriesModel model = _models[series];
        int length = rng.NextInt(AnomalyShapes.SpikeStepsMin, AnomalyShapes.SpikeStepsMax);
        int start = RandomStart(ref rng, length);
        double sigmas = rng.Uniform(AnomalyShapes.SpikeSigmasMin, AnomalyShapes.SpikeSigmasMax)
            + (model.Profile.Noise == NoiseShape.HeavyTailed ? AnomalyShapes.HeavyTailExtraSigmas : 0.0);
        int end = start + length - 1;
        if (start < 0 || !_occupancy.IsFree(series, start, end))
        {
            return null;
        }

        var shape = new double[length];
        shape[0] = 1.0;
        for (int j = 1; j < length; j++)
        {
            shape[j] = shape[j - 1] * AnomalyShapes.SpikeDecay;
        }

        double amplitude = sign * sigmas * model.SigmaAt(start);
        var effect = new Effect(EffectKind.Shaped, start, end, amplitude, shape);
        if (!FitsBounds(model, start, end, effect, sign))
        {
            return null;
        }

        AnomalyKind kind = sign > 0 ? AnomalyKind.Spike : AnomalyKind.Dip;
        return Single(kind, series, start, end, amplitude, sigmas, string.Empty, effect);
    }

    private PlannedAnomaly? TryLevelShift(ref Xoshiro256StarStar rng, int[] eligible)
    {
        int series = eligible[rng.NextInt(eligible.Length)];
        SeriesModel model = _models[series];
        int labelSteps = Math.Max(1, (int)(_options.ShiftLabelDuration.Ticks / _options.Step.Ticks));
        int start = RandomStart(ref rng, labelSteps);
        double sigmas = rng.Uniform(AnomalyShapes.ShiftSigmasMin, AnomalyShapes.ShiftSigmasMax);
        int sign = rng.NextInt(2) == 0 ? 1 : -1;
        int end = start + labelSteps - 1;
        if (start < 0 || _occupancy.HasPersistent(series) || !_occupancy.IsFree(series, start, end))
        {
            return null;
        }

        double sigma = model.SigmaAt(start);
        foreach (int direction in (int[])[sign, -sign])
        {
            double amplitude = direction * sigmas * sigma;
            var effect = new Effect(EffectKind.Step, start, _totalSteps - 1, amplitude);
            if (FitsBounds(model, start, _totalSteps - 1, effect, direction))
            {
                return Single(AnomalyKind.LevelShift, series, start, end, amplitude, sigmas, string.Empty, effect);
            }
        }

        return null;
    }

    private PlannedAnomaly? TryTrendChange(ref Xoshiro256StarStar rng, int[] eligible)
    {
        int series = eligible[rng.NextInt(eligible.Length)];
        SeriesModel model = _models[series];
        int rampSteps = Math.Max(2, (int)Math.Round(rng.Uniform(AnomalyShapes.TrendDaysMin, AnomalyShapes.TrendDaysMax) * _stepsPerDay));
        int start = RandomStart(ref rng, rampSteps);
        double sigmas = rng.Uniform(AnomalyShapes.TrendSigmasMin, AnomalyShapes.TrendSigmasMax);
        int sign = rng.NextInt(2) == 0 ? 1 : -1;
        int end = start + rampSteps - 1;
        if (start < 0 || _occupancy.HasPersistent(series) || !_occupancy.IsFree(series, start, end))
        {
            return null;
        }

        double sigma = model.SigmaAt(start);
        foreach (int direction in (int[])[sign, -sign])
        {
            double drift = direction * sigmas * sigma;
            var effect = new Effect(EffectKind.Ramp, start, _totalSteps - 1, drift / rampSteps, RampSteps: rampSteps);
            if (FitsBounds(model, start, _totalSteps - 1, effect, direction))
            {
                string detail = "slope_per_hour=" + (drift / rampSteps * _stepsPerHour).ToString("G6", CultureInfo.InvariantCulture);
                return Single(AnomalyKind.TrendChange, series, start, end, drift, sigmas, detail, effect);
            }
        }

        return null;
    }

    private PlannedAnomaly? TryVarianceChange(ref Xoshiro256StarStar rng, int[] eligible)
    {
        int series = eligible[rng.NextInt(eligible.Length)];
        int length = Math.Max(2, Hours(rng.Uniform(AnomalyShapes.VarianceHoursMin, AnomalyShapes.VarianceHoursMax)));
        int start = RandomStart(ref rng, length);
        double factor = rng.Uniform(AnomalyShapes.VarianceFactorMin, AnomalyShapes.VarianceFactorMax);
        int end = start + length - 1;
        if (start < 0 || !_occupancy.IsFree(series, start, end))
        {
            return null;
        }

        var effect = new Effect(EffectKind.NoiseScale, start, end, factor);
        return Single(AnomalyKind.VarianceChange, series, start, end, factor, 0.0, string.Empty, effect);
    }

    private PlannedAnomaly? TrySeasonalityBreak(ref Xoshiro256StarStar rng, int[] eligible)
    {
        int series = eligible[rng.NextInt(eligible.Length)];
        SeriesModel model = _models[series];
        int length = (int)Math.Round(rng.Uniform(AnomalyShapes.SeasonDaysMin, AnomalyShapes.SeasonDaysMax) * _stepsPerDay);
        int anyStart = RandomStart(ref rng, length, _stepsPerDay);
        var mode = (SeasonMode)rng.NextInt(3);
        int shiftHoursSteps = Hours(rng.Uniform(AnomalyShapes.SeasonShiftHoursMin, AnomalyShapes.SeasonShiftHoursMax));
        bool late = rng.NextInt(2) == 0;
        if (anyStart < 0)
        {
            return null;
        }

        // why: a break starts at the series' local midnight, as a holiday or a clock change would.
        int start = anyStart + ((_stepsPerDay - model.DayIndex(anyStart)) % _stepsPerDay);
        int end = start + length - 1;
        if (!_occupancy.IsFree(series, start, end))
        {
            return null;
        }

        int shift = mode == SeasonMode.Shift ? (late ? _stepsPerDay - shiftHoursSteps : shiftHoursSteps) % _stepsPerDay : 0;
        var effect = new Effect(EffectKind.Season, start, end, 0.0, Mode: mode, ShiftSteps: shift);
        double largest = 0.0;
        double sigmaSum = 0.0;
        for (int s = start; s <= end; s++)
        {
            largest = Math.Max(largest, Math.Abs(effect.AdditiveAt(model, s)));
            sigmaSum += model.SigmaAt(s);
        }

        double sigma = sigmaSum / length;
        if (largest < AnomalyShapes.SeasonMinSigmas * sigma)
        {
            return null;
        }

        string detail = mode switch
        {
            SeasonMode.Flatten => "flatten",
            SeasonMode.Invert => "invert",
            _ => "shift_hours=" + ((late ? shiftHoursSteps : -shiftHoursSteps) / _stepsPerHour).ToString("G6", CultureInfo.InvariantCulture),
        };
        return Single(AnomalyKind.SeasonalityBreak, series, start, end, largest, largest / sigma, detail, effect);
    }

    private PlannedAnomaly Single(AnomalyKind kind, int series, int start, int end, double magnitude, double sigmas, string detail, Effect effect) =>
        new(kind, [new PlannedMember(series, 0, start, end, magnitude, sigmas)], magnitude, detail, [(series, effect)]);

    /// <summary>True when the mean with <paramref name="effect"/> stays a margin inside the metric's bounds in the direction of the change.</summary>
    private static bool FitsBounds(SeriesModel model, int from, int to, Effect effect, int direction)
    {
        double margin = AnomalyShapes.BoundMarginSigmas * model.SigmaAt(from);
        for (int s = from; s <= to; s++)
        {
            double mean = model.MeanAt(s) + effect.AdditiveAt(model, s);
            if ((direction > 0 && mean > model.Profile.Upper - margin) || (direction < 0 && mean < model.Profile.Lower + margin))
            {
                return false;
            }
        }

        return true;
    }
}
