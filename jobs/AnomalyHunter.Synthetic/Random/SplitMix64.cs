namespace AnomalyHunter.Synthetic.Random;

/// <summary>SplitMix64, used only to expand seeds into generator states.</summary>
internal static class SplitMix64
{
    /// <summary>Advances <paramref name="state"/> and returns the next mixed value.</summary>
    public static ulong Next(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
