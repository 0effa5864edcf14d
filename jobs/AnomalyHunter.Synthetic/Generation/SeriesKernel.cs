using AnomalyHunter.Synthetic.Random;

namespace AnomalyHunter.Synthetic.Generation;

/// <summary>Fills consecutive steps of one series: noise, normal mean, anomaly effects, bounds and rounding.</summary>
/// <remarks>
/// All random draws happen in the noise pass, whatever the effects are, so the same series with and without
/// anomalies differs only on the labelled steps (and after persistent ones). Noise that grows with the mean
/// (heavy-tailed and count metrics) follows the mean with its anomalies, as real traffic does. On small-count
/// metrics, short shaped anomalies (spikes, incidents) add whole events to the drawn count, so that an unlucky
/// Poisson draw cannot hide them; longer anomalies move the Poisson mean.
/// </remarks>
internal static class SeriesKernel
{
    /// <summary>Writes the values of steps <paramref name="step0"/>.. into <paramref name="values"/>, gaps included.</summary>
    public static void Fill(SeriesModel model, ref NoiseState state, int step0, Span<double> values, KernelScratch scratch)
    {
        int n = values.Length;
        scratch.Ensure(n);
        Span<double> noise = scratch.Noise.AsSpan(0, n);
        Span<double> uniform = scratch.Uniform.AsSpan(0, n);
        DrawNoise(model, ref state, noise, uniform);
        Span<double> counts = scratch.Counts.AsSpan(0, n);
        Span<double> added = ApplyEffects(model, step0, noise, scratch.Added.AsSpan(0, n), ref counts);
        WriteMean(model, step0, values);
        Combine(model, values, noise, uniform, added, counts);
    }

    private static void DrawNoise(SeriesModel model, ref NoiseState state, Span<double> noise, Span<double> uniform)
    {
        double phi = model.Phi;
        double innovation = model.Innovation;
        double ar = state.Ar;
        switch (model.Profile.Noise)
        {
            case NoiseShape.HeavyTailed:
                for (int i = 0; i < noise.Length; i++)
                {
                    ar = (phi * ar) + (innovation * Ziggurat.Next(ref state.Rng));
                    double burst = 0.0;
                    if (state.Rng.Next() < NoiseConstants.BurstThreshold)
                    {
                        burst = NoiseConstants.BurstScale * Math.Abs(Ziggurat.Next(ref state.Rng));
                    }

                    noise[i] = ar + burst;
                }

                break;
            case NoiseShape.SmallCount:
                for (int i = 0; i < noise.Length; i++)
                {
                    ar = (phi * ar) + (innovation * Ziggurat.Next(ref state.Rng));
                    noise[i] = ar;
                    uniform[i] = state.Rng.NextDouble();
                }

                break;
            default:
                for (int i = 0; i < noise.Length; i++)
                {
                    ar = (phi * ar) + (innovation * Ziggurat.Next(ref state.Rng));
                    noise[i] = ar;
                }

                break;
        }

        state.Ar = ar;
    }

    /// <summary>
    /// Scales the noise and sums additive effects; returns an empty span when no additive effect touches the chunk.
    /// Shaped effects on small-count metrics go to <paramref name="counts"/> instead (left empty when there are none).
    /// </summary>
    private static Span<double> ApplyEffects(SeriesModel model, int step0, Span<double> noise, Span<double> added, ref Span<double> counts)
    {
        int last = step0 + noise.Length - 1;
        bool anyAdded = false;
        bool anyCounts = false;
        bool smallCounts = model.Profile.Noise == NoiseShape.SmallCount;
        foreach (Effect effect in model.Effects)
        {
            if (effect.End < step0 || effect.Start > last || effect.Kind == EffectKind.Gap)
            {
                continue;
            }

            int from = Math.Max(effect.Start, step0);
            int to = Math.Min(effect.End, last);
            if (effect.Kind == EffectKind.NoiseScale)
            {
                for (int s = from; s <= to; s++)
                {
                    noise[s - step0] *= effect.Amplitude;
                }

                continue;
            }

            bool toCounts = smallCounts && effect.Kind == EffectKind.Shaped;
            Span<double> target = toCounts ? counts : added;
            if (toCounts ? !anyCounts : !anyAdded)
            {
                target.Clear();
                anyCounts |= toCounts;
                anyAdded |= !toCounts;
            }

            for (int s = from; s <= to; s++)
            {
                target[s - step0] += effect.AdditiveAt(model, s);
            }
        }

        if (!anyCounts)
        {
            counts = [];
        }

        return anyAdded ? added : [];
    }

    private static void WriteMean(SeriesModel model, int step0, Span<double> values)
    {
        double[] daily = model.Tables.Daily;
        double[] weekly = model.Tables.Weekly;
        int di = model.DayIndex(step0);
        int wi = model.WeekIndex(step0);
        double level = model.Level;
        double dailyScale = model.DailyScale;
        double weeklyScale = model.WeeklyScale;
        double slope = model.SlopePerStep;
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = level + (dailyScale * daily[di]) + (weeklyScale * weekly[wi]) + (slope * (step0 + i));
            if (++di == daily.Length)
            {
                di = 0;
            }

            if (++wi == weekly.Length)
            {
                wi = 0;
            }
        }
    }

    private static void Combine(SeriesModel model, Span<double> values, ReadOnlySpan<double> noise, ReadOnlySpan<double> uniform, ReadOnlySpan<double> added, ReadOnlySpan<double> counts)
    {
        double scale = model.NoiseScale;
        double exposure = model.Exposure;
        double lower = model.Profile.Lower;
        double upper = model.Profile.Upper;
        double decimals = model.DecimalScale;
        bool hasAdded = !added.IsEmpty;
        bool hasCounts = !counts.IsEmpty;
        switch (model.Profile.Noise)
        {
            case NoiseShape.HeavyTailed:
                for (int i = 0; i < values.Length; i++)
                {
                    double mean = values[i] + (hasAdded ? added[i] : 0.0);
                    double v = mean + (scale * Math.Max(mean, 0.0) * noise[i]);
                    values[i] = Round(Math.Clamp(v, lower, upper), decimals);
                }

                break;
            case NoiseShape.LargeCount:
                for (int i = 0; i < values.Length; i++)
                {
                    double mean = Math.Max(values[i] + (hasAdded ? added[i] : 0.0), 0.0);
                    double sd = Math.Sqrt((scale * scale * mean * mean) + (mean / exposure));
                    double v = mean + (sd * noise[i]);
                    double count = Math.Round(Math.Max(v, 0.0) * exposure);
                    values[i] = Round(Math.Clamp(count / exposure, lower, upper), decimals);
                }

                break;
            case NoiseShape.SmallCount:
                for (int i = 0; i < values.Length; i++)
                {
                    double mean = values[i] + (hasAdded ? added[i] : 0.0);
                    double lambda = Math.Max(mean * exposure * (1.0 + (scale * noise[i])), 0.0);
                    double count = Poisson.Quantile(lambda, uniform[i]) + (hasCounts ? Math.Round(counts[i] * exposure) : 0.0);
                    values[i] = Round(Math.Clamp(count / exposure, lower, upper), decimals);
                }

                break;
            default:
                for (int i = 0; i < values.Length; i++)
                {
                    double v = values[i] + (hasAdded ? added[i] : 0.0) + (scale * noise[i]);
                    values[i] = Round(Math.Clamp(v, lower, upper), decimals);
                }

                break;
        }
    }

    private static double Round(double value, double scale) => Math.Round(value * scale) / scale;
}
