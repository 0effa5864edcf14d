using AnomalyHunter.Synthetic.Model;
using AnomalyHunter.Synthetic.Options;
using AnomalyHunter.Synthetic.Random;

namespace AnomalyHunter.Synthetic.Generation;

/// <summary>The parameters of one series, drawn from its metric's profile, and the anomaly effects placed on it.</summary>
internal sealed class SeriesModel
{
    private const double PhaseJitterMinutes = 45.0;
    private const double MondayOffsetMs = 4.0 * 86_400_000.0;
    private readonly List<Effect> _effects = [];

    public SeriesModel(Topology.Entry entry, SeasonalTables tables, SyntheticOptions options)
    {
        Info = entry.Info;
        Entry = entry;
        Profile = MetricCatalog.All[entry.MetricIndex];
        Tables = tables;
        StepsPerDay = options.StepsPerDay;
        TotalSteps = options.TotalSteps;
        StepSeconds = options.Step.TotalSeconds;
        var rng = Xoshiro256StarStar.ForStream((ulong)options.Seed, RandomStreams.Parameters, (ulong)Info.Index);
        Level = Draw(ref rng, Profile.Level);
        DailyAmplitude = Draw(ref rng, Profile.DailyAmplitude);
        WeeklyAmplitude = Draw(ref rng, Profile.WeeklyAmplitude);
        DailyScale = Level * DailyAmplitude;
        WeeklyScale = Level * WeeklyAmplitude;
        double stepsPerWeek = 7.0 * StepsPerDay;
        SlopePerStep = Level * Draw(ref rng, Profile.TrendPerWeek) / stepsPerWeek;
        double noise = Draw(ref rng, Profile.NoiseScale);
        NoiseScale = Profile.NoiseFractionOfLevel ? noise * Level : noise;
        Phi = Profile.Autocorrelation;
        Innovation = Math.Sqrt(1.0 - (Phi * Phi));
        Exposure = Profile.PerSecond ? StepSeconds : 1.0;
        DecimalScale = Pow10(Profile.Decimals);

        double offsetMinutes = entry.RegionOffsetMinutes + rng.Uniform(-PhaseJitterMinutes, PhaseJitterMinutes);
        int offsetSteps = (int)Math.Round(offsetMinutes * 60.0 / StepSeconds);
        long startStep = options.StartMs / options.StepMs;
        long weekStartStep = (long)((options.StartMs - MondayOffsetMs) / options.StepMs);
        DayIndex0 = Mod(startStep + offsetSteps, StepsPerDay);
        WeekIndex0 = Mod(weekStartStep + offsetSteps, 7 * StepsPerDay);
        NoiseSeed = Xoshiro256StarStar.ForStream((ulong)options.Seed, RandomStreams.Noise, (ulong)Info.Index);
    }

    public SeriesInfo Info { get; }

    public Topology.Entry Entry { get; }

    public MetricProfile Profile { get; }

    public SeasonalTables Tables { get; }

    public int StepsPerDay { get; }

    public int TotalSteps { get; }

    public double StepSeconds { get; }

    public double Level { get; }

    public double DailyAmplitude { get; }

    public double WeeklyAmplitude { get; }

    /// <summary>Level × daily amplitude, in value units.</summary>
    public double DailyScale { get; }

    /// <summary>Level × weekly amplitude, in value units.</summary>
    public double WeeklyScale { get; }

    public double SlopePerStep { get; }

    /// <summary>Noise scale in the meaning of the profile's <see cref="MetricProfile.NoiseScale"/>, in value units for Gaussian noise.</summary>
    public double NoiseScale { get; }

    public double Phi { get; }

    public double Innovation { get; }

    /// <summary>Seconds per step for per-second rates, 1 for gauges.</summary>
    public double Exposure { get; }

    /// <summary>10 to the power of the decimals kept.</summary>
    public double DecimalScale { get; }

    public int DayIndex0 { get; }

    public int WeekIndex0 { get; }

    /// <summary>The initial noise generator of this series.</summary>
    public Xoshiro256StarStar NoiseSeed { get; }

    public IReadOnlyList<Effect> Effects => _effects;

    public bool HasGaps { get; private set; }

    public void AddEffect(Effect effect)
    {
        int at = _effects.FindIndex(e => e.Start > effect.Start);
        _effects.Insert(at < 0 ? _effects.Count : at, effect);
        HasGaps |= effect.Kind == EffectKind.Gap;
    }

    public int DayIndex(int step) => (int)((DayIndex0 + (long)step) % StepsPerDay);

    public int WeekIndex(int step) => (int)((WeekIndex0 + (long)step) % (7L * StepsPerDay));

    /// <summary>The normal mean at <paramref name="step"/>: level, seasonality and trend (the kernel uses the same expression).</summary>
    public double BaseMeanAt(int step) =>
        Level + (DailyScale * Tables.Daily[DayIndex(step)]) + (WeeklyScale * Tables.Weekly[WeekIndex(step)]) + (SlopePerStep * step);

    /// <summary>The mean at <paramref name="step"/> with every additive effect placed so far.</summary>
    public double MeanAt(int step)
    {
        double mean = BaseMeanAt(step);
        foreach (Effect effect in _effects)
        {
            mean += effect.AdditiveAt(this, step);
        }

        return mean;
    }

    /// <summary>Standard deviation of the noise (bursts aside) at <paramref name="step"/>, in value units, given the effects placed so far.</summary>
    public double SigmaAt(int step)
    {
        double mean = Math.Max(MeanAt(step), 0.0);
        switch (Profile.Noise)
        {
            case NoiseShape.HeavyTailed:
                return NoiseScale * mean;
            case NoiseShape.LargeCount:
                return Math.Sqrt((NoiseScale * NoiseScale * mean * mean) + (mean / Exposure));
            case NoiseShape.SmallCount:
                double lambda = mean * Exposure;
                return Math.Sqrt(lambda + (NoiseScale * NoiseScale * lambda * lambda)) / Exposure;
            default:
                return NoiseScale;
        }
    }

    private static double Draw(ref Xoshiro256StarStar rng, (double Min, double Max) range) => rng.Uniform(range.Min, range.Max);

    private static int Mod(long value, int modulus) => (int)(((value % modulus) + modulus) % modulus);

    private static double Pow10(int decimals)
    {
        double scale = 1.0;
        for (int i = 0; i < decimals; i++)
        {
            scale *= 10.0;
        }

        return scale;
    }
}
