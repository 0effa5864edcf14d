using System.Buffers;
using AnomalyHunter.Udfs.Detection.Ensemble;

namespace AnomalyHunter.Udfs.Detection.Statistical;

/// <summary>The statistical detector: robust local and seasonal residuals and the level itself, each feature ranked against the series' own history, and an alert gate.</summary>
/// <remarks>
/// Per point: the local baseline (rolling median and MAD) gives a standardised residual z, the seasonal profile
/// (the median of the same time of day on previous days) a seasonal residual zs. Nine features follow: |z|
/// (point), |median of the last few z| (shift), median of the last few |z| (spread), the same two over a longer
/// window (long shift, long spread), |zs| and |median of the last few zs| (seasonal), and the value itself, high
/// and low (level). Each feature is ranked against its own history in this series (<see cref="TailSketch"/>),
/// so a value counts as rare only if it is rare for this series, and scores of different series are comparable;
/// the deviation score is the smallest tail probability times the number of features (Bonferroni). The alert
/// score keeps only deviations that go beyond the incident in progress (<see cref="AlertGate"/>).
/// </remarks>
internal sealed class StatisticalScorer : IContributingSeriesScorer, IDeviationSeriesScorer
{
    private const int StateVersion = 2;

    // why: the drift feature's CUSUMs lengthen the sustained-change state; a state written with it on has its own version.
    private const int DriftStateVersion = 3;

    // why: a deviation from a baseline whose scale is exactly 0 (a flat window) is "infinitely" surprising; this z saturates every feature.
    private const double FlatDeviationZ = 1e3;

    // why: see the clamp in Run; the square of a difference of two such values is still finite.
    private const double MaxMagnitude = 1e150;

    private const int Point = 0;
    private const int Shift = 1;
    private const int Spread = 2;
    private const int Seasonal = 3;
    private const int SeasonalShift = 4;
    private const int LevelHigh = 5;
    private const int LevelLow = 6;
    private const int LongShift = 7;
    private const int LongSpread = 8;
    private const int Sustained = 9;
    private const int Drift = 10;
    private const int Ranked = 9;
    private static readonly string[] AllFeatures = ["point", "shift", "spread", "seasonal", "seasonal-shift", "level-high", "level-low", "long-shift", "long-spread", "sustained", "drift"];
    private readonly string[] _features;
    private readonly SustainedChange? _sustained;
    private readonly StatisticalOptions _o;
    private readonly bool[] _active;
    private readonly double _log10Features;
    private readonly LocalBaseline _local;
    private readonly SeasonalProfile _seasonal;
    private readonly RecentValues _shift;
    private readonly RecentValues _spread;
    private readonly RecentValues _seasonalShift;
    private readonly RecentValues _longShift;
    private readonly RecentValues _longSpread;
    private readonly TailSketch[] _tails;
    private readonly AlertGate _gate;
    private readonly ResidualScale _seasonScale;
    private readonly TailSketch? _driftTail;
    private long _scored;
    private long _seasonalCount;

    public StatisticalScorer(StatisticalOptions o)
    {
        _o = o;
        _active = [o.UsePoint, o.UseShift, o.UseSpread, o.UseSeasonal, o.UseSeasonalShift, o.UseLevel, o.UseLevel, o.UseLong, o.UseLong, o.UseSustained, o.UseDrift];

        // why: the sustained-change and drift features are listed (and their state kept) only when they run, so contributions and state stay as they were without them.
        _features = o.UseDrift ? AllFeatures : o.UseSustained ? AllFeatures[..(Sustained + 1)] : AllFeatures[..Ranked];
        _sustained = o.UseSustained ? new SustainedChange(o) : null;
        _log10Features = Math.Log10(_active.Count(a => a));
        _local = new LocalBaseline(o.LocalWindow, o.ScaleRefresh);
        _seasonal = new SeasonalProfile(o.SeasonBins, o.SeasonDays, o.SeasonMinDays);
        _shift = new RecentValues(o.ShiftWindow);
        _spread = new RecentValues(o.SpreadWindow);
        _seasonalShift = new RecentValues(o.ShiftWindow);
        _longShift = new RecentValues(o.LongWindow);
        _longSpread = new RecentValues(o.LongWindow);
        _tails = new TailSketch[Ranked];
        for (int k = 0; k < _tails.Length; k++)
        {
            _tails[k] = new TailSketch(o);
        }

        _gate = new AlertGate(o.HoldOff, o.QuietRun, o.QuietLevel, o.AlertMargin, o.IncidentHalfLife);
        _seasonScale = new ResidualScale(o.SeasonScaleWindow, o.HuberK);
        _driftTail = o.UseDrift && o.DriftRanked ? new TailSketch(o) : null;
    }

    public IReadOnlyList<string> PassNames => _features;

    public void Score(ReadOnlySpan<long> timestampsMs, ReadOnlySpan<double> values, Span<double> scores)
        => Run(timestampsMs, values, scores, Span<double>.Empty, Span<double>.Empty);

    public void Score(ReadOnlySpan<long> timestampsMs, ReadOnlySpan<double> values, Span<double> scores, Span<double> contributions)
    {
        if (contributions.Length != values.Length * _features.Length)
        {
            throw new ArgumentException("Contributions must hold one value per point and feature.", nameof(contributions));
        }

        Run(timestampsMs, values, scores, Span<double>.Empty, contributions);
    }

    void IDeviationSeriesScorer.Score(ReadOnlySpan<long> timestampsMs, ReadOnlySpan<double> values, Span<double> alerts, Span<double> deviations) =>
        ScoreWithAlerts(timestampsMs, values, deviations, alerts);

    /// <summary>Scores the deviation of each point into <paramref name="deviations"/> and its alert score into <paramref name="alerts"/>.</summary>
    public void ScoreWithAlerts(ReadOnlySpan<long> timestampsMs, ReadOnlySpan<double> values, Span<double> deviations, Span<double> alerts)
    {
        if (alerts.Length != values.Length)
        {
            throw new ArgumentException("Alerts must hold one value per point.", nameof(alerts));
        }

        Run(timestampsMs, values, deviations, alerts, Span<double>.Empty);
    }

    private void Run(ReadOnlySpan<long> timestampsMs, ReadOnlySpan<double> values, Span<double> deviations, Span<double> alerts, Span<double> contributions)
    {
        if (values.Length != deviations.Length || timestampsMs.Length != values.Length)
        {
            throw new ArgumentException("Timestamps, values and scores must have the same length.", nameof(deviations));
        }

        Span<double> log10P = stackalloc double[_features.Length];
        for (int i = 0; i < values.Length; i++)
        {
            double x = values[i];
            log10P.Clear();
            double deviation = 0.0;
            double alert = 0.0;
            if (double.IsFinite(x))
            {
                // why: beyond this magnitude the difference of two values (or a spread of them) can overflow, and ∞ − ∞ or
                // ∞ / ∞ would put NaN into the sorted windows; no measurement comes near it, and such a value stays extreme.
                x = Math.Clamp(x, -MaxMagnitude, MaxMagnitude);
                (long day, int bin) = _seasonal.Slot(timestampsMs[i]);
                if (_local.Count >= _o.MinHistory)
                {
                    deviation = ScorePoint(timestampsMs[i], x, day, bin, log10P);
                }

                alert = _gate.Next(deviation);
                _seasonal.Update(day, bin, x);
                _local.Push(x);
            }

            deviations[i] = deviation;
            if (!alerts.IsEmpty)
            {
                alerts[i] = alert;
            }

            if (!contributions.IsEmpty)
            {
                for (int k = 0; k < _features.Length; k++)
                {
                    contributions[(i * _features.Length) + k] = Math.Min(ScoreScale.Max, -10.0 * log10P[k]);
                }
            }
        }
    }

    private double ScorePoint(long timestampMs, double x, long day, int bin, Span<double> log10P)
    {
        double median = _local.Median();
        double scale = _local.Scale(median);
        double z = Standardise(x - median, scale);
        double zc = Math.Clamp(z, -_o.ResidualClip, _o.ResidualClip);

        double predicted = _seasonal.Predict(day, bin);
        bool seasonal = !double.IsNaN(predicted);
        double zs = 0.0;
        double sustained = 0.0;
        if (seasonal)
        {
            double e = x - predicted;
            double seasonScale = _seasonScale.Scale(_o.SeasonScaleFloor * scale);
            sustained = _sustained?.Next(timestampMs, e, _o.SeasonScaleFloor * scale) ?? 0.0;
            zs = _seasonScale.Ready ? Standardise(e, seasonScale) : 0.0;
            _seasonScale.Add(e, seasonScale);
        }

        double zsc = Math.Clamp(zs, -_o.ResidualClip, _o.ResidualClip);
        if (seasonal)
        {
            _seasonalCount++;
        }

        // why: a windowed feature is ranked only once its window holds real residuals, not the zeros it starts with.
        _scored++;
        double min = 0.0;
        min = Math.Min(min, Rank(Point, Math.Abs(z), true, log10P, z));
        min = Math.Min(min, Rank(Shift, Math.Abs(_shift.AddAndMedian(zc)), _scored >= _o.ShiftWindow, log10P));
        min = Math.Min(min, Rank(Spread, _spread.AddAndMedian(Math.Abs(zc)), _scored >= _o.SpreadWindow, log10P));
        min = Math.Min(min, Rank(Seasonal, Math.Abs(zs), seasonal, log10P));
        min = Math.Min(min, Rank(SeasonalShift, Math.Abs(_seasonalShift.AddAndMedian(zsc)), seasonal && _seasonalCount >= _o.ShiftWindow, log10P));
        min = Math.Min(min, Rank(LevelHigh, x, true, log10P));
        min = Math.Min(min, Rank(LevelLow, -x, true, log10P));
        min = Math.Min(min, Rank(LongShift, Math.Abs(_longShift.AddAndMedian(zc)), _scored >= _o.LongWindow, log10P));
        min = Math.Min(min, Rank(LongSpread, _longSpread.AddAndMedian(Math.Abs(zc)), _scored >= _o.LongWindow, log10P));
        if (_sustained is not null)
        {
            // why: the CUSUM's tail is calibrated in closed form (see Cusum), not ranked against history, where one past incident would mask the next.
            log10P[Sustained] = sustained;
            min = Math.Min(min, sustained);
            if (_o.UseDrift)
            {
                double drift = seasonal ? _sustained.DriftLog10P : 0.0;
                if (_driftTail is not null && seasonal)
                {
                    // why: the closed-form tail assumes well-behaved residuals; on a series whose drift statistic often reaches this level anyway (heavy-tailed or skewed noise), its own history says how rare it is, and the weaker of the two counts.
                    drift = Math.Max(drift, _driftTail.Log10TailProbability(-drift));
                    _driftTail.Add(-_sustained.DriftLog10P);
                }

                log10P[Drift] = drift;
                min = Math.Min(min, drift);
            }
        }

        return Math.Clamp(-10.0 * (min + _log10Features), 0.0, ScoreScale.Max);
    }

    private double Rank(int feature, double value, bool available, Span<double> log10P, double nominalZ = double.NaN)
    {
        if (!_active[feature] || !available)
        {
            return 0.0;
        }

        TailSketch tail = _tails[feature];
        double lp = tail.Log10TailProbability(value);
        double history = _scored;
        if (!double.IsNaN(nominalZ) && history < _o.ShortHistory)
        {
            // why: a short series cannot rank a value; until ShortHistory points have been scored the normal tail of z, corrected for the points seen, carries the rest of the weight.
            double weight = history / _o.ShortHistory;
            double nominal = Math.Min(0.0, -NormalDistribution.TwoSidedSurprise(nominalZ) + Math.Log10(history + 1.0));
            lp = (weight * lp) + ((1.0 - weight) * nominal);
        }

        tail.Add(value);
        log10P[feature] = lp;
        return lp;
    }

    private static double Standardise(double deviation, double scale)
        => scale > 0.0 ? deviation / scale : (deviation == 0.0 ? 0.0 : Math.Sign(deviation) * FlatDeviationZ);

    public void WriteState(IBufferWriter<byte> writer)
    {
        var w = new StateWriter(writer);
        w.Write(_o.UseDrift ? DriftStateVersion : StateVersion);
        _local.Write(ref w);
        _seasonal.Write(ref w);
        _shift.Write(ref w);
        _spread.Write(ref w);
        _seasonalShift.Write(ref w);
        _longShift.Write(ref w);
        _longSpread.Write(ref w);
        foreach (TailSketch t in _tails)
        {
            t.Write(ref w);
        }

        _gate.Write(ref w);
        _seasonScale.Write(ref w);
        w.Write(_scored);
        w.Write(_seasonalCount);
        _sustained?.Write(ref w);
        _driftTail?.Write(ref w);
    }

    public static StatisticalScorer Restore(StatisticalOptions o, ReadOnlySpan<byte> state)
    {
        var r = new StateReader(state);
        int version = r.ReadInt32();

        // why: version 1 is version 2 without the sustained-change feature's state, so it is still read while that feature is off.
        bool expected = o.UseDrift ? version == DriftStateVersion : version == StateVersion || (version == 1 && !o.UseSustained);
        if (!expected)
        {
            throw new InvalidDataException("The saved statistical-detector state has an unknown version.");
        }

        var s = new StatisticalScorer(o);
        s._local.Read(ref r);
        s._seasonal.Read(ref r);
        s._shift.Read(ref r);
        s._spread.Read(ref r);
        s._seasonalShift.Read(ref r);
        s._longShift.Read(ref r);
        s._longSpread.Read(ref r);
        foreach (TailSketch t in s._tails)
        {
            t.Read(ref r);
        }

        s._gate.Read(ref r);
        s._seasonScale.Read(ref r);
        s._scored = r.ReadInt64();
        s._seasonalCount = r.ReadInt64();
        s._sustained?.Read(ref r);
        s._driftTail?.Read(ref r);
        if (!r.AtEnd)
        {
            throw new InvalidDataException("The saved statistical-detector state has trailing bytes.");
        }

        return s;
    }
}
