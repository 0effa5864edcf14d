using AnomalyHunter.Udfs.Kernels;

namespace AnomalyHunter.Udfs.Detection.Novelty;

/// <summary>The quantum of a series' values: the smallest non-zero step seen between consecutive finite values.</summary>
/// <remarks>
/// Counts (errors per step, queue lengths, counts per second) move in whole multiples of one count, so the smallest
/// step is one count; for measured (continuous) values it shrinks towards the rounding of the data. The quantum scales
/// with the values and does not move with a shift. Infinite until two consecutive values differ.
/// </remarks>
internal sealed class CountLattice
{
    private double _last = double.NaN;

    /// <summary>Smallest non-zero step between consecutive finite values so far; +∞ before any.</summary>
    public double Quantum { get; private set; } = double.PositiveInfinity;

    /// <summary>Takes the next finite value.</summary>
    public void Add(double x)
    {
        double step = Math.Abs(x - _last);
        if (step > 0.0 && step < Quantum)
        {
            Quantum = step;
        }

        _last = x;
    }

    public void Write(ref StateBufferWriter w)
    {
        w.Write(_last);
        w.Write(Quantum);
    }

    public void Read(ref StateBufferReader r)
    {
        _last = r.ReadDouble();
        Quantum = r.ReadDouble();
    }
}
