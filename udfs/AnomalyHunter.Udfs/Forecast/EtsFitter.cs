using System.Runtime.InteropServices;
using AnomalyHunter.Udfs.Kernels;

namespace AnomalyHunter.Udfs.Forecast;

/// <summary>Fits additive Holt–Winters to a history: sampling step, season length, initial state, smoothing parameters and residual scale.</summary>
/// <remarks>
/// Initial state: seasonal models take the level as the mean of the first season's points, the trend as the difference
/// of the first two seasons' means per step, and each phase's seasonal term as the mean deviation of the first season's
/// points from the level; level-and-trend models start at the first point with a zero trend. The parameters minimise
/// the sum of squared one-step errors (each divided by its horizon's variance factor) over the rest of the history:
/// a coarse grid, then golden-section searches on one parameter at a time in shrinking brackets. A refit of a model of
/// the same kind and season starts from the previous parameters and runs only the last, narrow round. Candidates
/// replace the incumbent only when better by a relative margin, so that shifting or scaling the data cannot flip a near-tie.
/// </remarks>
internal static class EtsFitter
{
    private const double MadToSigma = 1.4826;
    private const double MinAlpha = 0.001;
    private const double MaxAlpha = 0.999;
    private const double RelativeMargin = 1e-10;
    private static readonly double InvGolden = (Math.Sqrt(5.0) - 1.0) / 2.0;
    private static readonly double[] AlphaGrid = [0.05, 0.2, 0.5, 0.8];
    private static readonly double[] BetaGrid = [0.0, 0.05, 0.3];
    private static readonly double[] GammaGrid = [0.05, 0.3, 0.7];
    private static readonly double[] Brackets = [0.25, 0.08];
    private static readonly int[] GoldenSteps = [6, 4];

    /// <summary>Fits a model to ascending timestamps and finite values and runs it to the end of the history; null below the minimum number of points.</summary>
    public static EtsModel? Fit(ReadOnlySpan<long> timestampsMs, ReadOnlySpan<double> values, ForecastOptions o, EtsModel? previous)
    {
        if (values.Length < o.MinPoints)
        {
            return null;
        }

        var scratch = FitScratch.Current;
        SamplingStep step = SamplingStep.Analyse(timestampsMs, o.MinRegularShare, o.StepTolerance, scratch);
        Span<long> slots = scratch.Slots(values.Length);
        for (int i = 0; i < slots.Length; i++)
        {
            slots[i] = step.Slot(timestampsMs[i]);
        }

        int period = !step.Regular ? 0 : o.SeasonLength > 0 ? o.SeasonLength : SeasonDetector.Detect(values, slots, step.StepMs, o);
        bool seasonal = period >= 2 && slots[^1] - slots[0] + 1 >= (long)o.MinSeasons * period;
        var kind = seasonal ? ForecastModelKind.Seasonal : ForecastModelKind.LevelTrend;
        var template = new EtsModel(kind, Math.Max(1, period), default, step.StepMs);
        int start = Initialise(template, values, slots);
        Span<int> phases = scratch.Phases(values.Length).AsSpan(0, values.Length);
        Span<int> gaps = scratch.Gaps(values.Length).AsSpan(0, values.Length);
        Steps(template, slots, phases, gaps);

        bool warm = previous is not null && previous.Kind == kind && previous.Period == template.Period;
        HoltWintersParameters best = warm ? previous!.Parameters : GridSearch(template, values, phases, gaps, start);
        int firstRound = warm ? Brackets.Length - 1 : 0;
        double bestSse = Sse(template, best, values, phases, gaps, start);
        for (int round = firstRound; round < Brackets.Length; round++)
        {
            for (int coordinate = 0; coordinate < (seasonal ? 3 : 2); coordinate++)
            {
                (best, bestSse) = Golden(template, values, phases, gaps, start, best, bestSse, coordinate, Brackets[round], GoldenSteps[round]);
            }
        }

        var model = new EtsModel(kind, template.Period, best, step.StepMs);
        Initialise(model, values, slots);
        Span<double> standardised = scratch.Residuals(values.Length - start);
        double magnitude = 0.0;
        for (int i = 0; i < values.Length; i++)
        {
            magnitude += Math.Abs(values[i]);
            if (i >= start)
            {
                int h = model.Horizon(slots[i]);
                standardised[i - start] = Math.Abs(model.Update(slots[i], values[i])) / Math.Sqrt(model.VarianceFactor(h));
            }
        }

        model.SigmaFloor = o.RelativeScaleFloor * magnitude / values.Length;
        double sigma = ResidualScale(standardised, out bool sorted);
        model.Sigma = Math.Max(model.SigmaFloor, sigma);
        for (int i = 0; i < standardised.Length; i++)
        {
            standardised[i] = sigma > 0.0 ? standardised[i] / sigma : 0.0;
        }

        model.Tail = sorted ? ResidualTail.Fit(standardised, o) : ResidualTail.FitUnordered(standardised, o);
        return model;
    }

    /// <summary>Sets the initial level, trend, season and last slot of <paramref name="m"/>; returns the index of the first point to filter.</summary>
    public static int Initialise(EtsModel m, ReadOnlySpan<double> values, ReadOnlySpan<long> slots)
    {
        if (m.Kind != ForecastModelKind.Seasonal)
        {
            m.Level = values[0];
            m.Trend = 0.0;
            m.LastSlot = slots[0];
            return 1;
        }

        int period = m.Period;
        long end1 = slots[0] + period;
        long end2 = end1 + period;
        double sum1 = 0.0;
        double sum2 = 0.0;
        int n1 = 0;
        int n2 = 0;
        for (int i = 0; i < values.Length && slots[i] < end2; i++)
        {
            if (slots[i] < end1)
            {
                sum1 += values[i];
                n1++;
            }
            else
            {
                sum2 += values[i];
                n2++;
            }
        }

        double level = sum1 / n1;
        var counts = new int[period];
        Array.Clear(m.Season);
        int start = 0;
        for (; start < values.Length && slots[start] < end1; start++)
        {
            int phase = m.Phase(slots[start]);
            m.Season[phase] += values[start] - level;
            counts[phase]++;
        }

        for (int j = 0; j < period; j++)
        {
            m.Season[j] = counts[j] > 0 ? m.Season[j] / counts[j] : 0.0;
        }

        m.Level = level;
        m.Trend = n2 > 0 ? ((sum2 / n2) - level) / period : 0.0;
        m.LastSlot = end1 - 1;
        return start;
    }

    /// <summary>The season phase and horizon (slots since the previous point, at least 1) of every point, as the model's updates see them.</summary>
    public static (int[] Phases, int[] Gaps) Steps(EtsModel init, ReadOnlySpan<long> slots)
    {
        var phases = new int[slots.Length];
        var gaps = new int[slots.Length];
        Steps(init, slots, phases, gaps);
        return (phases, gaps);
    }

    /// <summary>Writes the season phase and horizon of every point into <paramref name="phases"/> and <paramref name="gaps"/> (each at least as long as the slots).</summary>
    public static void Steps(EtsModel init, ReadOnlySpan<long> slots, Span<int> phases, Span<int> gaps)
    {
        long last = init.LastSlot;
        for (int i = 0; i < slots.Length; i++)
        {
            long gap = slots[i] - last;
            gaps[i] = gap <= 1 ? 1 : (int)Math.Min(gap, int.MaxValue);
            phases[i] = init.Period > 1 ? init.Phase(slots[i]) : 0;
            last = Math.Max(last, slots[i]);
        }
    }

    /// <summary>Sum over the filtered points of e² / factor(h) for parameters <paramref name="p"/>, starting from <paramref name="init"/>'s state.</summary>
    public static double Sse(EtsModel init, HoltWintersParameters p, ReadOnlySpan<double> values, ReadOnlySpan<int> phases, ReadOnlySpan<int> gaps, int start)
    {
        int period = init.Period;
        Span<double> season = period > 1 ? FitScratch.Current.Season(period).AsSpan(0, period) : Span<double>.Empty;
        init.Season.CopyTo(season);
        bool seasonal = period > 1;
        double level = init.Level;
        double trend = init.Trend;
        double a = p.Alpha;
        double ab = p.Alpha * p.Beta;
        double g = p.Gamma * (1.0 - p.Alpha);
        double sse = 0.0;
        for (int i = start; i < values.Length; i++)
        {
            int h = gaps[i];
            int phase = phases[i];
            double f = level + (h * trend);
            if (seasonal)
            {
                f += season[phase];
            }

            double e = values[i] - f;
            sse += h == 1 ? e * e : e * e / EtsVariance.Factor(h, p, period);
            level += (h * trend) + (a * e);
            trend += ab * e;
            if (seasonal)
            {
                season[phase] += g * e;
            }
        }

        return sse;
    }

    private static HoltWintersParameters GridSearch(EtsModel init, ReadOnlySpan<double> values, ReadOnlySpan<int> phases, ReadOnlySpan<int> gaps, int start)
    {
        ReadOnlySpan<double> gammas = init.Kind == ForecastModelKind.Seasonal ? GammaGrid : [0.0];
        var candidates = new List<HoltWintersParameters>(AlphaGrid.Length * BetaGrid.Length * gammas.Length);
        foreach (double a in AlphaGrid)
        {
            foreach (double b in BetaGrid)
            {
                foreach (double g in gammas)
                {
                    candidates.Add(new HoltWintersParameters(a, b, g));
                }
            }
        }

        var sses = new double[candidates.Count];
        SseMany(init, CollectionsMarshal.AsSpan(candidates), values, phases, gaps, start, sses);
        var best = new HoltWintersParameters(AlphaGrid[0], BetaGrid[0], gammas[0]);
        double bestSse = double.PositiveInfinity;
        for (int c = 0; c < candidates.Count; c++)
        {
            if (Better(sses[c], bestSse))
            {
                (best, bestSse) = (candidates[c], sses[c]);
            }
        }

        return best;
    }

    /// <summary>The SSE of each candidate, four at a time where SIMD is available (bit-identical to <see cref="Sse"/>).</summary>
    private static void SseMany(EtsModel init, ReadOnlySpan<HoltWintersParameters> candidates, ReadOnlySpan<double> values, ReadOnlySpan<int> phases, ReadOnlySpan<int> gaps, int start, Span<double> sses)
    {
        if (!EtsBatchSse.IsAccelerated)
        {
            for (int c = 0; c < candidates.Length; c++)
            {
                sses[c] = Sse(init, candidates[c], values, phases, gaps, start);
            }

            return;
        }

        for (int c = 0; c < candidates.Length; c += EtsBatchSse.Width)
        {
            int lanes = Math.Min(EtsBatchSse.Width, candidates.Length - c);
            EtsBatchSse.Sse(init, candidates.Slice(c, lanes), values, phases, gaps, start, sses.Slice(c, lanes));
        }
    }

    /// <summary>
    /// Golden-section search on one coordinate. Each step keeps the better of the two inner points and evaluates one new
    /// point; the point after it is one of two, known before the comparison, so all three are evaluated at once and the
    /// sequence of brackets, points and values is exactly that of one step at a time.
    /// </summary>
    private static (HoltWintersParameters, double) Golden(
        EtsModel init, ReadOnlySpan<double> values, ReadOnlySpan<int> phases, ReadOnlySpan<int> gaps, int start,
        HoltWintersParameters best, double bestSse, int coordinate, double bracket, int steps)
    {
        double centre = Get(best, coordinate);
        double lo = Math.Max(coordinate == 0 ? MinAlpha : 0.0, centre - bracket);
        double hi = Math.Min(coordinate == 0 ? MaxAlpha : 1.0, centre + bracket);
        double c = hi - (InvGolden * (hi - lo));
        double d = lo + (InvGolden * (hi - lo));
        Span<HoltWintersParameters> points = stackalloc HoltWintersParameters[3];
        Span<double> f = stackalloc double[3];
        points[0] = Set(best, coordinate, c);
        points[1] = Set(best, coordinate, d);
        SseMany(init, points[..2], values, phases, gaps, start, f[..2]);
        double fc = f[0];
        double fd = f[1];
        int k = 0;
        while (k < steps)
        {
            bool left = Better(fc, fd);
            double lo1 = lo, hi1 = hi, c1, d1, fc1 = fc, fd1 = fd, next;
            if (left)
            {
                (hi1, d1, fd1) = (d, c, fc);
                c1 = hi1 - (InvGolden * (hi1 - lo1));
                next = c1;
            }
            else
            {
                (lo1, c1, fc1) = (c, d, fd);
                d1 = lo1 + (InvGolden * (hi1 - lo1));
                next = d1;
            }

            if (k + 1 == steps)
            {
                double fNext = Sse(init, Set(best, coordinate, next), values, phases, gaps, start);
                (lo, hi, c, d, fc, fd) = left ? (lo1, hi1, c1, d1, fNext, fd1) : (lo1, hi1, c1, d1, fc1, fNext);
                k++;
                continue;
            }

            // why: the step after this one evaluates c1's left neighbour if c1 wins, else d1's right neighbour.
            double ifLeft = d1 - (InvGolden * (d1 - lo1));
            double ifRight = c1 + (InvGolden * (hi1 - c1));
            points[0] = Set(best, coordinate, next);
            points[1] = Set(best, coordinate, ifLeft);
            points[2] = Set(best, coordinate, ifRight);
            SseMany(init, points, values, phases, gaps, start, f);
            if (left)
            {
                fc1 = f[0];
            }
            else
            {
                fd1 = f[0];
            }

            if (Better(fc1, fd1))
            {
                (lo, hi, c, d, fc, fd) = (lo1, d1, ifLeft, c1, f[1], fc1);
            }
            else
            {
                (lo, hi, c, d, fc, fd) = (c1, hi1, d1, ifRight, fd1, f[2]);
            }

            k += 2;
        }

        (double x, double fx) = Better(fc, fd) ? (c, fc) : (d, fd);
        return Better(fx, bestSse) ? (Set(best, coordinate, x), fx) : (best, bestSse);
    }

    private static bool HasNaN(ReadOnlySpan<double> values)
    {
        foreach (double v in values)
        {
            if (double.IsNaN(v))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Better(double candidate, double incumbent)
        => candidate < incumbent - (RelativeMargin * Math.Abs(incumbent)) || (double.IsFinite(candidate) && !double.IsFinite(incumbent));

    private static double Get(HoltWintersParameters p, int coordinate) => coordinate switch { 0 => p.Alpha, 1 => p.Beta, _ => p.Gamma };

    private static HoltWintersParameters Set(HoltWintersParameters p, int coordinate, double v) => coordinate switch
    {
        0 => p with { Alpha = v },
        1 => p with { Beta = v },
        _ => p with { Gamma = v },
    };

    /// <summary>
    /// 1.4826 × the median of the absolute standardised errors, or their root mean square when that median is 0; 0 when
    /// there are none. The errors are reordered: <paramref name="sorted"/> tells whether they end in ascending order.
    /// </summary>
    private static double ResidualScale(Span<double> absErrors, out bool sorted)
    {
        sorted = false;
        if (absErrors.Length == 0)
        {
            return 0.0;
        }

        // why: the median is an order statistic, so selection gives exactly the value of a full sort at linear cost;
        // only NaN (ordered apart by the sort) and the zero-median fallback (an ordered sum) still sort.
        if (!HasNaN(absErrors))
        {
            double selected = OrderStatistics.Median(absErrors);
            if (selected > 0.0)
            {
                return MadToSigma * selected;
            }
        }

        absErrors.Sort();
        sorted = true;
        double median = absErrors.Length % 2 == 1
            ? absErrors[absErrors.Length / 2]
            : 0.5 * (absErrors[(absErrors.Length / 2) - 1] + absErrors[absErrors.Length / 2]);
        if (median > 0.0)
        {
            return MadToSigma * median;
        }

        double sum = 0.0;
        foreach (double e in absErrors)
        {
            sum += e * e;
        }

        return Math.Sqrt(sum / absErrors.Length);
    }
}
