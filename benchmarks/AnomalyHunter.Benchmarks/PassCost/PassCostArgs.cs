namespace AnomalyHunter.Benchmarks.PassCost;

/// <summary>The <c>--name value</c> options of the pass-cost commands.</summary>
internal static class PassCostArgs
{
    /// <summary>The value after <paramref name="name"/>, or <paramref name="fallback"/> when it is not given.</summary>
    public static string Get(string[] args, string name, string fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
