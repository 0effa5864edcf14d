namespace AnomalyHunter.Synthetic.Generation;

/// <summary>Work buffers of one generating thread.</summary>
internal sealed class KernelScratch
{
    public double[] Noise { get; private set; } = [];

    public double[] Uniform { get; private set; } = [];

    public double[] Added { get; private set; } = [];

    public double[] Values { get; private set; } = [];

    public double[] Counts { get; private set; } = [];

    public void Ensure(int length)
    {
        if (Noise.Length < length)
        {
            Noise = new double[length];
            Uniform = new double[length];
            Added = new double[length];
            Values = new double[length];
            Counts = new double[length];
        }
    }
}
