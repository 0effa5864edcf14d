using AnomalyHunter.Udfs.Detection.Ensemble;

namespace AnomalyHunter.Udfs.Detection.Statistical;

/// <summary>The sum of the last n values, kept with a ring and a running total.</summary>
internal sealed class RollingSum
{
    private readonly double[] _ring;
    private int _head;

    public RollingSum(int n) => _ring = new double[n];

    /// <summary>The current sum.</summary>
    public double Sum { get; private set; }

    /// <summary>Number of values summed.</summary>
    public int Length => _ring.Length;

    /// <summary>Adds <paramref name="x"/> and drops the oldest value; returns the new sum.</summary>
    public double Add(double x)
    {
        Sum += x - _ring[_head];
        _ring[_head] = x;
        _head = (_head + 1) % _ring.Length;
        return Sum;
    }

    public void Write(ref StateWriter w)
    {
        w.Write(_head);
        w.Write(Sum);
        w.Write(_ring);
    }

    public void Read(ref StateReader r)
    {
        _head = r.ReadInt32();
        Sum = r.ReadDouble();
        r.ReadDoubles(_ring);
        if (_head < 0 || _head >= _ring.Length)
        {
            throw new InvalidDataException("The saved rolling sum is inconsistent.");
        }
    }
}
