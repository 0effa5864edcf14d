using System.Buffers;
using AnomalyHunter.Udfs.Kernels;

namespace AnomalyHunter.Udfs.Detection.Novelty;

/// <summary>Scores each point by how new it is: a value far from every recent value, or a context (quantised recent sequence) never seen.</summary>
/// <remarks>
/// Per finite point: the remembered range (<see cref="RangeMemory"/>) gives the scale. Value novelty is 1 when no
/// value of the last <see cref="NoveltyOptions.ValueWindow"/> points lies in the point's cell of the value grid or within
/// <see cref="NoveltyOptions.ValueReach"/> cells of it (<see cref="ValueGrid"/>), else 0. Context novelty is the share of the contexts ending at the point (its own
/// level, the last two levels, … the last <see cref="NoveltyOptions.MaxOrder"/> levels, over
/// <see cref="NoveltyOptions.Levels"/> levels of the range) that <see cref="ContextMemory"/> does not hold. The
/// novelty is 1 for a new value, else the context novelty. A novelty of at least <see cref="NoveltyOptions.AlertNovelty"/>
/// is an alert: it scores from <see cref="ScoreScale.DefaultThreshold"/> (at the alert novelty) to 100 (novelty 1),
/// lower novelty scores proportionally below the threshold; the next <see cref="NoveltyOptions.Rest"/> points score 0
/// while the scorer goes on learning, so an incident alerts once, at its onset. The first
/// <see cref="NoveltyOptions.Warmup"/> points only learn. The deviation output comes from <see cref="DeviationTracker"/>;
/// with <see cref="NoveltyOptions.SeasonalDeviation"/>, a second tracker follows the residual against the median of the
/// same time of day on earlier days, and once it can score, a point's deviation is the smaller of the two, so a point
/// deviates only if it is unusual both for the recent level and for its time of day.
/// The alert output learns a point no further than <see cref="NoveltyOptions.RangeGrowth"/> widths beyond the remembered
/// range, so one far glitch does not blind it. NaN and infinite values score 0 on both outputs and change nothing.
/// </remarks>
internal sealed class NoveltyScorer : IDeviationSeriesScorer, IPointDeviationScorer
{
    private const int StateVersion = 4;

    // why: keeps the highest novelty short of an alert visibly below the threshold (19 rather than 19.99).
    private const double BelowAlertShare = 0.95;
    private const ulong HashSeed = 0x9E3779B97F4A7C15UL;
    private readonly NoveltyOptions _o;
    private readonly double[] _recent;

    // why: the levels of _recent over the range (_levelsLo, _levelsPerUnit) they were computed for; NaN: none yet (not saved, so a restored scorer computes them on its first point).
    private readonly int[] _levels;
    private double _levelsLo = double.NaN;
    private double _levelsPerUnit = double.NaN;
    private readonly ContextMemory _contexts;
    private readonly RangeMemory _range;
    private readonly ValueGrid _grid;
    private readonly DeviationTracker _deviation;
    private readonly DeviationTracker _seasonalDeviation;
    private readonly Statistical.SeasonalProfile _season;
    private readonly CountLattice _lattice = new();
    private long _count;
    private long _restUntil;
    private int _head;

    public NoveltyScorer(NoveltyOptions o)
    {
        _o = o;
        _recent = new double[o.MaxOrder];
        _levels = new int[o.MaxOrder];
        _contexts = new ContextMemory(o.Memory);
        _range = new RangeMemory(o.RangeBlocks, o.RangeBlockPoints);
        _grid = new ValueGrid(o.ValueWindow, o.ValueCells, o.ValueReach, o.GridHeadroom, o.GridRelayBelow);
        _deviation = new DeviationTracker(o);
        _seasonalDeviation = new DeviationTracker(o);
        _season = new Statistical.SeasonalProfile(o.SeasonBins, o.SeasonDays);
    }

    public void Score(ReadOnlySpan<long> timestampsMs, ReadOnlySpan<double> values, Span<double> scores)
        => Score(timestampsMs, values, scores, Span<double>.Empty);

    public void Score(ReadOnlySpan<long> timestampsMs, ReadOnlySpan<double> values, Span<double> alerts, Span<double> deviations)
        => Score(timestampsMs, values, alerts, deviations, perPoint: false);

    public void ScorePerPoint(ReadOnlySpan<long> timestampsMs, ReadOnlySpan<double> values, Span<double> alerts, Span<double> deviations)
        => Score(timestampsMs, values, alerts, deviations, perPoint: true);

    private void Score(ReadOnlySpan<long> timestampsMs, ReadOnlySpan<double> values, Span<double> alerts, Span<double> deviations, bool perPoint)
    {
        if (values.Length != alerts.Length || timestampsMs.Length != values.Length)
        {
            throw new ArgumentException("Timestamps, values and scores must have the same length.", nameof(alerts));
        }

        bool withDeviations = !deviations.IsEmpty;
        if (withDeviations && deviations.Length != values.Length)
        {
            throw new ArgumentException("Deviations must hold one score per point.", nameof(deviations));
        }

        for (int i = 0; i < values.Length; i++)
        {
            double x = values[i];
            bool finite = double.IsFinite(x);
            alerts[i] = finite ? Step(x) : 0.0;
            double deviation = finite ? Deviation(timestampsMs[i], x, withDeviations, perPoint) : 0.0;
            if (withDeviations)
            {
                deviations[i] = deviation;
            }
        }
    }

    /// <summary>
    /// Learns a finite point and, when <paramref name="wanted"/>, returns its deviation: corrected for the family, or with
    /// <paramref name="perPoint"/> its own score; see the remarks. A score that is not wanted is not computed.
    /// </summary>
    private double Deviation(long timestampMs, double x, bool wanted, bool perPoint)
    {
        double quantum = _o.CountDeviation > 0.0 ? _lattice.Quantum : double.PositiveInfinity;
        _lattice.Add(x);
        DeviationJudgement level = _deviation.Step(x, quantum);
        if (!_o.SeasonalDeviation)
        {
            return wanted ? _deviation.ScoreOf(level, perPoint) : 0.0;
        }

        (long day, int bin) = _season.Slot(timestampMs);
        double predicted = _season.Predict(day, bin);
        _season.Update(day, bin, x);
        if (double.IsNaN(predicted))
        {
            return wanted ? _deviation.ScoreOf(level, perPoint) : 0.0;
        }

        bool ready = _seasonalDeviation.Ready;
        DeviationJudgement seasonal = _seasonalDeviation.Step(x - predicted, quantum);
        if (!ready)
        {
            if (!_o.BorrowSeasonalSpread)
            {
                return wanted ? _deviation.ScoreOf(level, perPoint) : 0.0;
            }

            // why: the seasonal baseline's first points (the first hours of a series' second day) have no spread of their
            // own yet; a nightly batch seen once then deviates from the recent level alone. The residual from the same
            // time yesterday is judged with the level baseline's spread, √2 wider for the difference of two noisy points.
            return wanted ? _deviation.SmallerScore(level, _deviation, _deviation.Borrowed(x - predicted, Math.Sqrt(2.0), quantum), perPoint) : 0.0;
        }

        return wanted ? _deviation.SmallerScore(level, _seasonalDeviation, seasonal, perPoint) : 0.0;
    }

    private double Step(double x)
    {
        long now = ++_count;
        bool newValue = _grid.IsNew(x);
        double learned = Learned(x);
        _range.Add(learned);
        _grid.Add(learned, _range.Min, _range.Max);
        int unseen = CountUnseenContexts(learned, now);
        if (now <= _o.Warmup || now < _restUntil)
        {
            return 0.0;
        }

        double novelty = newValue ? 1.0 : unseen / (double)_o.MaxOrder;
        if (novelty >= _o.AlertNovelty)
        {
            _restUntil = now + _o.Rest + 1;
        }

        return AlertScore(novelty);
    }

    /// <summary><paramref name="x"/> no further than <see cref="NoveltyOptions.RangeGrowth"/> widths beyond the remembered range (as it is while the range has no width).</summary>
    private double Learned(double x)
    {
        double lo = _range.Min;
        double width = _range.Max - lo;
        if (!(width > 0.0))
        {
            return x;
        }

        double reach = _o.RangeGrowth * width;
        return double.IsPositiveInfinity(reach) ? x : Math.Clamp(x, lo - reach, _range.Max + reach);
    }

    /// <summary>Maps novelty onto the score scale so that alerts (novelty ≥ AlertNovelty) are exactly the scores ≥ <see cref="ScoreScale.DefaultThreshold"/>.</summary>
    private double AlertScore(double novelty)
    {
        const double T = ScoreScale.DefaultThreshold;
        double a = _o.AlertNovelty;
        return novelty < a ? T * novelty / a * BelowAlertShare : T + ((ScoreScale.Max - T) * (a >= 1.0 ? 1.0 : (novelty - a) / (1.0 - a)));
    }

    /// <summary>Levels the last points over the current range, and counts (and learns) the contexts ending here that were unknown.</summary>
    private int CountUnseenContexts(double x, long now)
    {
        int k = _recent.Length;
        _head = _head + 1 == k ? 0 : _head + 1;
        _recent[_head] = x;
        double lo = _range.Min;
        double range = _range.Max - lo;
        double perUnit = range > 0.0 ? _o.Levels / range : 0.0;
        double top = _o.Levels - 1.0;

        // why: the levels of the remembered points change only when the range does, which is rare; they are kept and
        // computed again only then, with the same formula, so every level is the one computed afresh.
        if (lo == _levelsLo && perUnit == _levelsPerUnit)
        {
            _levels[_head] = LevelOf(x, lo, perUnit, top);
        }
        else
        {
            for (int j = 0; j < k; j++)
            {
                _levels[j] = LevelOf(_recent[j], lo, perUnit, top);
            }

            _levelsLo = lo;
            _levelsPerUnit = perUnit;
        }

        int orders = (int)Math.Min(now, k);
        ulong h = HashSeed;
        int unseen = 0;
        int at = _head;
        for (int j = 0; j < orders; j++)
        {
            h = Mix(h ^ (ulong)(_levels[at] + 1));
            unseen += _contexts.SeenBeforeThenTouch(h == 0 ? 1UL : h, now) ? 0 : 1;
            at = at == 0 ? k - 1 : at - 1;
        }

        return unseen;
    }

    /// <summary>The level of a remembered value over the range from <paramref name="lo"/>; a point that predates the remembered range takes the nearest level.</summary>
    private static int LevelOf(double v, double lo, double perUnit, double top) => (int)Math.Clamp((v - lo) * perUnit, 0.0, top);

    /// <summary>The splitmix64 finaliser: a bijective 64-bit mix, so distinct contexts rarely share a key.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public void WriteState(IBufferWriter<byte> writer)
    {
        var w = new StateBufferWriter(writer);
        w.Write(StateVersion);
        w.Write(_count);
        w.Write(_restUntil);
        w.Write(_head);
        w.Write(_recent.Length);
        foreach (double v in _recent)
        {
            w.Write(v);
        }

        _range.Write(ref w);
        _grid.Write(ref w);
        _contexts.Write(ref w);
        _deviation.Write(ref w);
        _seasonalDeviation.Write(ref w);
        _season.Write(ref w);
        _lattice.Write(ref w);
    }

    public static NoveltyScorer Restore(NoveltyOptions o, ReadOnlySpan<byte> state)
    {
        var r = new StateBufferReader(state);
        if (r.ReadInt32() != StateVersion)
        {
            throw new InvalidDataException("The saved novelty state has an unknown version.");
        }

        var s = new NoveltyScorer(o)
        {
            _count = r.ReadInt64(),
            _restUntil = r.ReadInt64(),
            _head = r.ReadInt32(),
        };
        if ((uint)s._head >= (uint)s._recent.Length)
        {
            throw new InvalidDataException("The saved novelty state is inconsistent.");
        }

        if (r.ReadInt32() != s._recent.Length)
        {
            throw new InvalidDataException("The saved novelty state does not match the configured context length.");
        }

        for (int j = 0; j < s._recent.Length; j++)
        {
            s._recent[j] = r.ReadDouble();
        }

        s._range.Read(ref r);
        s._grid.Read(ref r);
        s._contexts.Read(ref r);
        s._deviation.Read(ref r);
        s._seasonalDeviation.Read(ref r);
        s._season.Read(ref r);
        s._lattice.Read(ref r);
        if (!r.AtEnd)
        {
            throw new InvalidDataException("The saved novelty state has trailing bytes.");
        }

        return s;
    }
}
