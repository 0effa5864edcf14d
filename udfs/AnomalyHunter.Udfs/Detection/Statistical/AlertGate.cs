using AnomalyHunter.Udfs.Detection.Ensemble;

namespace AnomalyHunter.Udfs.Detection.Statistical;

/// <summary>Turns deviation scores into alert scores: a point alerts by what it adds beyond the strongest deviation of the recent past.</summary>
/// <remarks>
/// The recent past is the last <c>holdOff</c> points, tracked as the maxima of a few equal blocks so that the
/// state is a handful of numbers. A deviation that exceeds everything recent is new evidence; one that does not
/// belongs to the incident already reported. Past the hold-off the memory is gone, so a second, distinct burst
/// alerts in full.
/// </remarks>
internal sealed class AlertGate
{
    private readonly double[] _blockMax;
    private readonly int _blockSize;
    private readonly double _strength;
    private readonly bool _gate;
    private int _block;
    private int _filled;
    private double _currentMax;

    public AlertGate(int holdOff, int blocks, double strength, bool gate)
    {
        _blockMax = new double[blocks];
        _blockSize = Math.Max(1, (holdOff + blocks - 1) / blocks);
        _strength = strength;
        _gate = gate;
    }

    /// <summary>The alert score of deviation score <paramref name="s"/>, which then enters the recent past.</summary>
    public double Next(double s)
    {
        double recent = _currentMax;
        foreach (double m in _blockMax)
        {
            recent = Math.Max(recent, m);
        }

        double alert = _gate
            ? (s > recent + _strength ? s : 0.0)
            : Math.Max(0.0, s - (_strength * recent));
        _currentMax = Math.Max(_currentMax, s);
        if (++_filled == _blockSize)
        {
            _blockMax[_block] = _currentMax;
            _block = (_block + 1) % _blockMax.Length;
            _currentMax = 0.0;
            _filled = 0;
        }

        return alert;
    }

    public void Write(ref StateWriter w)
    {
        w.Write(_block);
        w.Write(_filled);
        w.Write(_currentMax);
        w.Write(_blockMax);
    }

    public void Read(ref StateReader r)
    {
        _block = r.ReadInt32();
        _filled = r.ReadInt32();
        _currentMax = r.ReadDouble();
        r.ReadDoubles(_blockMax);
        if (_block < 0 || _block >= _blockMax.Length || _filled < 0 || _filled >= _blockSize)
        {
            throw new InvalidDataException("The saved alert gate is inconsistent.");
        }
    }
}
