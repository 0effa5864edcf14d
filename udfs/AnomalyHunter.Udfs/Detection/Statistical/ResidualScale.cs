using AnomalyHunter.Udfs.Detection.Ensemble;

namespace AnomalyHunter.Udfs.Detection.Statistical;

/// <summary>A robust running scale of a residual stream: an exponentially weighted mean absolute residual, each residual Huber-clipped at k scales.</summary>
internal sealed class ResidualScale
{
    private const double MeanAbsToSigma = 1.2533;
    private readonly double _alpha;
    private readonly double _huberK;
    private double _meanAbs;
    private long _count;

    public ResidualScale(int window, double huberK)
    {
        _alpha = 1.0 / window;
        _huberK = huberK;
    }

    /// <summary>Whether at least one residual has been seen.</summary>
    public bool Ready => _count > 0;

    /// <summary>The σ-equivalent scale, at least <paramref name="floor"/>.</summary>
    public double Scale(double floor) => Math.Max(MeanAbsToSigma * _meanAbs, floor);

    /// <summary>Adds residual <paramref name="e"/>, clipped at k times <paramref name="scale"/> once the scale is known.</summary>
    public void Add(double e, double scale)
    {
        double absE = _count > 0 && scale > 0.0 ? Math.Min(Math.Abs(e), _huberK * scale) : Math.Abs(e);
        _count++;

        // why: a plain average until the window has filled, so the first residuals are not weighted against a zero start.
        double alpha = Math.Max(_alpha, 1.0 / _count);
        _meanAbs += alpha * (absE - _meanAbs);
    }

    public void Write(ref StateWriter w)
    {
        w.Write(_meanAbs);
        w.Write(_count);
    }

    public void Read(ref StateReader r)
    {
        _meanAbs = r.ReadDouble();
        _count = r.ReadInt64();
        if (_count < 0)
        {
            throw new InvalidDataException("The saved residual scale is inconsistent.");
        }
    }
}
