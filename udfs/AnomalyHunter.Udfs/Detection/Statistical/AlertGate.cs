using AnomalyHunter.Udfs.Detection.Ensemble;

namespace AnomalyHunter.Udfs.Detection.Statistical;

/// <summary>Turns deviation scores into alert scores: a point alerts only when it goes beyond the incident in progress.</summary>
/// <remarks>
/// The incident in progress is remembered as the largest deviation since it began. It ends, and the memory is
/// cleared, when the series has been quiet (deviation below the quiet level) for a run of points, or when the
/// memory has not been raised for the hold-off; so a second, distinct burst after a return to normal alerts in
/// full, while the tail of the same incident does not alert again.
/// </remarks>
internal sealed class AlertGate
{
    private readonly int _holdOff;
    private readonly int _quietRun;
    private readonly double _quietLevel;
    private readonly double _margin;
    private double _incident;
    private int _quiet;
    private int _sinceRaised;

    private readonly double _decay;

    public AlertGate(int holdOff, int quietRun, double quietLevel, double margin, double halfLife = 0.0)
    {
        _decay = halfLife > 0.0 ? Math.Pow(0.5, 1.0 / halfLife) : 1.0;
        _holdOff = holdOff;
        _quietRun = quietRun;
        _quietLevel = quietLevel;
        _margin = margin;
    }

    /// <summary>The alert score of deviation score <paramref name="s"/> (s itself when it exceeds the incident in progress by the margin, else 0), which then updates the incident.</summary>
    public double Next(double s)
    {
        double alert = s > _incident + _margin ? s : 0.0;
        if (s > _incident)
        {
            _incident = s;
            _sinceRaised = 0;
        }
        else
        {
            _sinceRaised++;
            _incident *= _decay;
        }

        _quiet = s < _quietLevel ? _quiet + 1 : 0;
        if (_quiet >= _quietRun || _sinceRaised >= _holdOff)
        {
            _incident = 0.0;
            _sinceRaised = 0;
        }

        return alert;
    }

    public void Write(ref StateWriter w)
    {
        w.Write(_incident);
        w.Write(_quiet);
        w.Write(_sinceRaised);
    }

    public void Read(ref StateReader r)
    {
        _incident = r.ReadDouble();
        _quiet = r.ReadInt32();
        _sinceRaised = r.ReadInt32();
        if (_quiet < 0 || _sinceRaised < 0)
        {
            throw new InvalidDataException("The saved alert gate is inconsistent.");
        }
    }
}
