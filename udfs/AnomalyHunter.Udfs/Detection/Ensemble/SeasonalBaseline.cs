namespace AnomalyHunter.Udfs.Detection.Ensemble;

/// <summary>A robust additive Holt–Winters baseline whose season is indexed by time of day (bins), so gaps and irregular sampling keep it aligned.</summary>
internal sealed class SeasonalBaseline
{
    private const long MillisecondsPerDay = 86_400_000L;
    private const double MeanAbsToSigma = 1.2533;
    private const double MaxVisits = 1e6;
    private readonly EnsembleOptions _o;
    private readonly double[] _season;
    private readonly double[] _visits;
    private readonly long _binMs;
    private double _level = double.NaN;
    private double _meanAbs;

    public SeasonalBaseline(EnsembleOptions o)
    {
        _o = o;
        _season = new double[o.SeasonBins];
        _visits = new double[o.SeasonBins];
        _binMs = MillisecondsPerDay / o.SeasonBins;
    }

    /// <summary>The time-of-day bin of a UTC epoch-millisecond timestamp.</summary>
    public int Bin(long timestampMs) => (int)((((timestampMs % MillisecondsPerDay) + MillisecondsPerDay) % MillisecondsPerDay) / _binMs);

    /// <summary>The prediction and residual scale for <paramref name="bin"/>, when the bin has been seen often enough.</summary>
    public bool TryPredict(int bin, double localScale, out double predicted, out double scale)
    {
        predicted = _level + _season[bin];
        scale = Math.Max(MeanAbsToSigma * _meanAbs, _o.ScaleFloor * localScale);
        return _visits[bin] >= _o.SeasonMinVisits && _meanAbs > 0.0;
    }

    /// <summary>Error-correction Holt–Winters update with the residual Huber-clipped at k scales.</summary>
    public void Update(double x, int bin)
    {
        if (double.IsNaN(_level))
        {
            _level = x;
        }

        if (_visits[bin] == 0.0)
        {
            _season[bin] = x - _level;
            _visits[bin] = 1.0;
            return;
        }

        double r = x - _level - _season[bin];
        double limit = _o.HuberK * MeanAbsToSigma * _meanAbs;
        double psi = _meanAbs > 0.0 ? Math.Clamp(r, -limit, limit) : r;
        if (_visits[bin] >= _o.SeasonMinVisits)
        {
            _meanAbs += _o.ScaleSmoothing * (Math.Abs(psi) - _meanAbs);
        }

        _level += _o.LevelSmoothing * psi;
        _season[bin] += _o.SeasonSmoothing * (1.0 - _o.LevelSmoothing) * psi;
        _visits[bin] = Math.Min(_visits[bin] + 1.0, MaxVisits);
    }

    public void Write(ref StateWriter w)
    {
        w.Write(_level);
        w.Write(_meanAbs);
        w.Write(_season);
        w.Write(_visits);
    }

    public void Read(ref StateReader r)
    {
        _level = r.ReadDouble();
        _meanAbs = r.ReadDouble();
        r.ReadDoubles(_season);
        r.ReadDoubles(_visits);
    }
}
