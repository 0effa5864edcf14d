using AnomalyHunter.Udfs.Detection.Ensemble;

namespace AnomalyHunter.Udfs.Detection.Statistical;

/// <summary>The last n values of a short stream and their median (n is small: a sort of n values per call).</summary>
internal sealed class RecentValues
{
    private readonly double[] _ring;
    private readonly double[] _scratch;
    private int _head;

    public RecentValues(int n)
    {
        _ring = new double[n];
        _scratch = new double[n];
    }

    /// <summary>Adds <paramref name="x"/>, dropping the oldest value, and returns the median of the last n values (zeros before n were added).</summary>
    public double AddAndMedian(double x)
    {
        _ring[_head] = x;
        _head = (_head + 1) % _ring.Length;
        _ring.CopyTo(_scratch, 0);

        // why: insertion sort beats Array.Sort for the handful of values here.
        for (int i = 1; i < _scratch.Length; i++)
        {
            double v = _scratch[i];
            int j = i - 1;
            while (j >= 0 && _scratch[j] > v)
            {
                _scratch[j + 1] = _scratch[j];
                j--;
            }

            _scratch[j + 1] = v;
        }

        int mid = _scratch.Length / 2;
        return (_scratch.Length & 1) == 1 ? _scratch[mid] : 0.5 * (_scratch[mid - 1] + _scratch[mid]);
    }

    public void Write(ref StateWriter w)
    {
        w.Write(_head);
        w.Write(_ring);
    }

    public void Read(ref StateReader r)
    {
        _head = r.ReadInt32();
        r.ReadDoubles(_ring);
        if (_head < 0 || _head >= _ring.Length)
        {
            throw new InvalidDataException("The saved recent values are inconsistent.");
        }
    }
}
