using System.Buffers;
using AnomalyHunter.Udfs.Detection;
using AnomalyHunter.Udfs.Kernels;

namespace AnomalyHunter.Udfs.Forecast;

/// <summary>Scores each point by the two-sided normal tail of its forecast error against the prediction interval of the model fitted on the points before it.</summary>
/// <remarks>
/// Refits happen when the absolute count of finite points reaches MinPoints·2^k (below <see cref="ForecastOptions.RefitEvery"/>)
/// or a multiple of RefitEvery, on the bounded history ring; so daily batches, a restored state and one backfill
/// fit at the same points on the same data and agree bit for bit. Between refits the residual scale follows the
/// clipped standardised errors with the configured half-life. Points before the first fit score 0.
/// The model's tail is fitted on in-sample residuals, which understate how often out-of-sample errors are large
/// (bursts of heavy-tailed noise, count noise): <see cref="ScoreTail"/> corrects each score by the slope of the tail
/// of the scores this series has been given so far. With <see cref="ForecastOptions.BurstTail"/>, a score is also no higher
/// than the series' own burst tail on the error's side allows (<see cref="BurstTail"/>): one-sided bursts the series
/// has often (latency) stop being surprises upwards while a drop keeps the normal tail, which it also gets back from the
/// model's two-sided residual tail when only the other side bursts. A point is scored as it is, but the model and its
/// history learn it no further than <see cref="ForecastOptions.GlitchClip"/> prediction deviations from the forecast,
/// unless it is the <see cref="ForecastOptions.GlitchRun"/>-th such point in a row on one side (a lasting change).
/// </remarks>
internal sealed class ForecastScorer : ISeriesScorer
{
    private readonly ForecastOptions _o;
    private readonly double _decay;
    private readonly ForecastHistory _history;
    private EtsModel? _model;
    private long _count;
    private ScoreTail _tail;
    private BurstTail _burst;

    // why: consecutive points beyond the glitch clip, signed by their side (+ above the forecast, − below).
    private int _beyond;

    public ForecastScorer(ForecastOptions o)
    {
        _o = o;
        _decay = Math.Pow(0.5, 1.0 / o.ScaleHalfLife);
        _history = new ForecastHistory(o.HistoryBudget);
        _tail = ScoreTail.Prior(o.ScoreTailPrior);
    }

    /// <summary>The current model (null before the first fit).</summary>
    public EtsModel? Model => _model;

    public void Score(ReadOnlySpan<long> timestampsMs, ReadOnlySpan<double> values, Span<double> scores)
    {
        if (values.Length != scores.Length || timestampsMs.Length != values.Length)
        {
            throw new ArgumentException("Timestamps, values and scores must have the same length.", nameof(scores));
        }

        for (int i = 0; i < values.Length; i++)
        {
            double x = values[i];
            if (!double.IsFinite(x))
            {
                scores[i] = 0.0;
                continue;
            }

            double learned = x;
            if (_model is not null)
            {
                var forecast = _model.Forecast(timestampsMs[i]);
                learned = Learned(forecast, x);
                scores[i] = _tail.CalibrateAndAdd(ModelScore(forecast, x, learned), _o.ScoreTailBase, SlopeFloor());
            }
            else
            {
                scores[i] = 0.0;
            }

            _history.Add(timestampsMs[i], learned);
            _count++;
            if (IsRefitCount(_count))
            {
                Refit();
            }
        }
    }

    /// <summary>The value the model learns from <paramref name="x"/>: clipped to <see cref="ForecastOptions.GlitchClip"/> prediction deviations from the forecast, unless it is the <see cref="ForecastOptions.GlitchRun"/>-th point in a row beyond them on its side.</summary>
    private double Learned(in EtsForecast forecast, double x)
    {
        double limit = _o.GlitchClip * forecast.Sd;
        double clipped = forecast.Sd > 0.0 && !double.IsPositiveInfinity(limit) ? Math.Clamp(x, forecast.Predicted - limit, forecast.Predicted + limit) : x;
        if (clipped == x)
        {
            _beyond = 0;
            return x;
        }

        int side = clipped < x ? 1 : -1;
        _beyond = Math.Sign(_beyond) == side ? _beyond + side : side;
        return Math.Abs(_beyond) >= _o.GlitchRun ? x : clipped;
    }

    /// <summary>The model's score of <paramref name="x"/>, no higher than the series' own burst tail on the error's side allows, and no lower than the normal tail on a side without bursts when the other side has them (then the error is counted in the burst tail).</summary>
    private double ModelScore(in EtsForecast forecast, double x, double learned)
    {
        double score = _model!.ScoreAndUpdate(forecast, x, learned, _decay, _o.ResidualClip, out double z, out double normal);
        if (!_o.BurstTail || double.IsNaN(z))
        {
            return score;
        }

        double size = Math.Abs(z);
        if (!double.IsPositiveInfinity(size))
        {
            // why: the model's residual tail is fitted on both sides together; when only the other side bursts (latency's
            // upward bursts), it wrongly damps this side (a drop), which keeps the normal tail.
            if (_burst.HasExcess(-z, BurstTailOptions.Default) && !_burst.HasExcess(z, BurstTailOptions.Default))
            {
                score = Math.Max(score, Math.Min(ScoreScale.Max, 10.0 * normal));
            }

            score = Math.Min(score, 10.0 * _burst.Surprise(size, normal, z, BurstTailOptions.Default));
        }

        _burst.Add(size, z, BurstTailOptions.Default);
        return score;
    }

    public void WriteState(IBufferWriter<byte> writer)
    {
        var w = new StateBufferWriter(writer);
        w.Write(ForecastScorerFactory.StateVersion);
        w.Write(_count);
        _history.Write(ref w);
        w.Write(_model is null ? 0 : 1);
        _model?.Write(ref w);
        w.Write(_tail.Over);
        w.Write(_tail.Excess);
        _burst.Write(ref w);
        w.Write(_beyond);
    }

    public static ForecastScorer Restore(ForecastOptions o, ReadOnlySpan<byte> state)
    {
        var r = new StateBufferReader(state);
        if (r.ReadInt32() != ForecastScorerFactory.StateVersion)
        {
            throw new InvalidDataException("Saved forecast state has another version.");
        }

        var scorer = new ForecastScorer(o) { _count = r.ReadInt64() };
        scorer._history.Read(ref r);
        if (r.ReadInt32() == 1)
        {
            scorer._model = EtsModel.Read(ref r, o.HistoryBudget);
        }

        scorer._tail = new ScoreTail(r.ReadDouble(), r.ReadDouble());
        scorer._burst.Read(ref r);
        scorer._beyond = r.ReadInt32();

        r.EnsureEnd();
        return scorer;
    }

    // why: the exceedances are counted from the tail itself (Over less its prior), so the state layout is unchanged
    // and a restored scorer switches floors at the same point as one that ran through.
    private double SlopeFloor() => _tail.Over - _o.ScoreTailPrior >= _o.ScoreTailSettledOver
        ? Math.Min(_o.ScoreTailMinSlope, _o.ScoreTailSettledSlope)
        : _o.ScoreTailMinSlope;

    private bool IsRefitCount(long count)
    {
        if (count < _o.MinPoints)
        {
            return false;
        }

        if (count % _o.RefitEvery == 0)
        {
            return true;
        }

        if (count >= _o.RefitEvery || count % _o.MinPoints != 0)
        {
            return false;
        }

        long ratio = count / _o.MinPoints;
        return (ratio & (ratio - 1)) == 0;
    }

    private void Refit()
    {
        int n = _history.Count;
        long[] ts = ArrayPool<long>.Shared.Rent(n);
        double[] vs = ArrayPool<double>.Shared.Rent(n);
        try
        {
            _history.CopyTo(ts, vs);
            _model = EtsFitter.Fit(ts.AsSpan(0, n), vs.AsSpan(0, n), _o, _model);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(ts);
            ArrayPool<double>.Shared.Return(vs);
        }
    }
}
