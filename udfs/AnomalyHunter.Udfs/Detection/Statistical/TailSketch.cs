using AnomalyHunter.Udfs.Detection.Ensemble;

namespace AnomalyHunter.Udfs.Detection.Statistical;

/// <summary>How rare a value is among the values seen so far in one series: the exact top values of the last one or two generations, ranked exactly within their range and extrapolated beyond it.</summary>
/// <remarks>
/// Each generation keeps its <c>TailCapacity</c> largest values; when the current generation has seen
/// <c>TailGeneration</c> values it becomes the previous one and a new one starts, so the history covers between
/// one and two generations and the state stays bounded. With N values in the history, k = TailFraction·N within
/// [MinTail, capacity − 1] and u the (k+1)-th largest value: a value d ≤ u is not in the tail (probability 1);
/// u &lt; d ≤ max has the exact tail fraction #{values ≥ d}/N; d &gt; max gets (1/N)·exp(−(d − max)/β), the
/// exponential (peaks-over-threshold) tail whose slope β is the mean excess of the k largest values over u,
/// floored at MinSlopeShare times the spread of the kept values.
/// </remarks>
internal sealed class TailSketch
{
    private const double Log10E = 0.43429448190325176;
    private readonly int _capacity;
    private readonly long _generation;
    private readonly double _tailFraction;
    private readonly int _minTail;
    private readonly int _minHistory;
    private readonly bool _empiricalRank;
    private readonly double _minSlopeShare;
    private readonly double _tiedDecades;
    private readonly double _growth;
    private readonly double[] _current;
    private readonly double[] _previous;
    private readonly double[] _merged;
    private int _currentCount;
    private int _previousCount;
    private long _currentN;
    private long _previousN;
    private bool _fitted;
    private int _k;
    private double _u;
    private double _beta;

    public TailSketch(StatisticalOptions o)
    {
        _capacity = o.TailCapacity;
        _generation = o.TailGeneration;
        _tailFraction = o.TailFraction;
        _minTail = o.MinTail;
        _minHistory = o.MinTailHistory;
        _empiricalRank = o.EmpiricalRank;
        _minSlopeShare = o.MinSlopeShare;
        _tiedDecades = o.TiedTailDecades;
        _growth = o.TailGrowth;
        _current = new double[_capacity];
        _previous = new double[_capacity];
        _merged = new double[_capacity + 1];
    }

    /// <summary>Values in the history.</summary>
    public long Count => _currentN + _previousN;

    /// <summary>log10 of the tail probability P(D ≥ d) under the history; 0 below the tail threshold or when the history is too short to fit a tail.</summary>
    /// <remarks>A value above a history whose top values are all equal gets 1/(N + 1) times 10^−TiedTailDecades (by default 0: infinitely rare).</remarks>
    public double Log10TailProbability(double d)
    {
        if (!_fitted || TargetTail() != _k)
        {
            Fit();
        }

        if (_k == 0 || d <= _u)
        {
            // why: below the fitted threshold the exponential model says nothing; such a value is not in the tail.
            return 0.0;
        }

        double max = _merged[0];
        if (_empiricalRank && d <= max)
        {
            // why: within the observed range the exact rank is the tail probability; the exponential fit misjudges bimodal tails (a cluster of equal spikes).
            int atLeast = CountAtLeast(_current, _currentCount, d) + CountAtLeast(_previous, _previousCount, d);
            return Math.Log10(atLeast / (double)Count);
        }

        if (_beta == 0.0)
        {
            // why: a history without spread gives no slope; the value is rarer than all of it, by a margin the options fix.
            return -Math.Log10(Count + 1.0) - _tiedDecades;
        }

        return _empiricalRank
            ? Math.Min(0.0, -Math.Log10(Count) - ((d - max) / _beta * Log10E))
            : Math.Min(0.0, Math.Log10(_k / (double)Count) - ((d - _u) / _beta * Log10E));
    }

    private static int CountAtLeast(double[] ascending, int count, double d)
    {
        int lo = 0;
        int hi = count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (ascending[mid] < d)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return count - lo;
    }

    /// <summary>Adds a value to the history, no further than TailGrowth spreads of the top values beyond the largest one.</summary>
    public void Add(double d)
    {
        if (!_fitted || TargetTail() != _k)
        {
            Fit();
        }

        if (_k > 0)
        {
            // why: a far glitch kept as it is would make every later deviation short of it common for as long as the history holds it.
            double max = _merged[0];
            double reach = max + (_growth * (max - _u));
            d = d > reach && max > _u ? reach : d;
        }

        _currentN++;
        if (Insert(_current, ref _currentCount, d))
        {
            _fitted = false;
        }

        if (_currentN >= _generation)
        {
            Array.Copy(_current, _previous, _currentCount);
            _previousCount = _currentCount;
            _previousN = _currentN;
            _currentCount = 0;
            _currentN = 0;
            _fitted = false;
        }
    }

    private int TargetTail()
    {
        int stored = Math.Min(_capacity, _currentCount + _previousCount) - 1;
        int k = Math.Min(_capacity - 1, Math.Max(_minTail, (int)(_tailFraction * Count)));
        return k <= stored && Count >= _minHistory ? k : 0;
    }

    private void Fit()
    {
        _fitted = true;
        _k = TargetTail();
        if (_k == 0)
        {
            return;
        }

        // why: both generations are sorted ascending; walking them from the top gives the merged k+1 largest.
        int a = _currentCount - 1;
        int b = _previousCount - 1;
        for (int m = 0; m <= _k; m++)
        {
            if (b < 0 || (a >= 0 && _current[a] >= _previous[b]))
            {
                _merged[m] = _current[a--];
            }
            else
            {
                _merged[m] = _previous[b--];
            }
        }

        _u = _merged[_k];
        double excess = 0.0;
        for (int m = 0; m < _k; m++)
        {
            excess += _merged[m] - _u;
        }

        // why: top values from one correlated episode understate the slope; a floor relative to the spread of all kept values keeps the extrapolation honest (0 only when all kept values are equal).
        double lowest = Math.Min(_currentCount > 0 ? _current[0] : _u, _previousCount > 0 ? _previous[0] : _u);
        _beta = Math.Max(excess / _k, _minSlopeShare * (_merged[0] - lowest));
    }

    private bool Insert(double[] items, ref int count, double d)
    {
        if (count < _capacity)
        {
            int at = count;
            while (at > 0 && items[at - 1] > d)
            {
                items[at] = items[at - 1];
                at--;
            }

            items[at] = d;
            count++;
            return true;
        }

        if (d <= items[0])
        {
            return false;
        }

        int pos = 0;
        while (pos + 1 < count && items[pos + 1] < d)
        {
            items[pos] = items[pos + 1];
            pos++;
        }

        items[pos] = d;
        return true;
    }

    public void Write(ref StateWriter w)
    {
        w.Write(_currentN);
        w.Write(_previousN);
        w.Write(_currentCount);
        w.Write(_previousCount);
        w.Write(_current);
        w.Write(_previous);
    }

    public void Read(ref StateReader r)
    {
        _currentN = r.ReadInt64();
        _previousN = r.ReadInt64();
        _currentCount = r.ReadInt32();
        _previousCount = r.ReadInt32();
        r.ReadDoubles(_current);
        r.ReadDoubles(_previous);
        if (_currentCount is < 0 || _currentCount > _capacity || _previousCount < 0 || _previousCount > _capacity)
        {
            throw new InvalidDataException("The saved tail sketch does not match the configured capacity.");
        }

        _fitted = false;
    }
}
