using AnomalyHunter.Udfs.Detection.Ensemble;

namespace AnomalyHunter.Udfs.Detection.Statistical;

/// <summary>The last n values of a stream and their exact median, kept as a ring plus a sorted copy.</summary>
internal sealed class RecentValues
{
    private readonly double[] _ring;
    private readonly SortedWindow _sorted;
    private int _head;

    /// <summary>Starts with n zeros, so the median is defined from the first value on.</summary>
    public RecentValues(int n)
    {
        _ring = new double[n];
        _sorted = new SortedWindow(n);
        for (int i = 0; i < n; i++)
        {
            _sorted.Insert(0.0);
        }
    }

    /// <summary>Adds <paramref name="x"/>, dropping the oldest value, and returns the median of the last n values.</summary>
    public double AddAndMedian(double x)
    {
        _sorted.Replace(_ring[_head], x);
        _ring[_head] = x;
        // why: a compare instead of the modulo, an integer division on every point.
        if (++_head == _ring.Length)
        {
            _head = 0;
        }
        return _sorted.Median();
    }

    public void Write(ref StateWriter w)
    {
        w.Write(_head);
        w.Write(_ring);
    }

    public void Read(ref StateReader r)
    {
        _head = r.ReadInt32();
        foreach (double v in _ring)
        {
            _sorted.Remove(v);
        }

        r.ReadDoubles(_ring);
        if (_head < 0 || _head >= _ring.Length)
        {
            throw new InvalidDataException("The saved recent values are inconsistent.");
        }

        foreach (double v in _ring)
        {
            _sorted.Insert(v);
        }
    }
}
