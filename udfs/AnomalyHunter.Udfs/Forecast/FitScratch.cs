namespace AnomalyHunter.Udfs.Forecast;

/// <summary>Per-thread work arrays of one fit (slots, phases, gaps, residuals, the candidates' season copies), reused across fits.</summary>
/// <remarks>
/// A series refits about a dozen times over its first 8,192 points and every 8,192 points after; fresh arrays for each
/// fit were most of the detect job's short-lived allocation. The arrays are only valid inside one fit: nothing a fit
/// returns refers to them.
/// </remarks>
internal sealed class FitScratch
{
    [ThreadStatic]
    private static FitScratch? t_current;

    private long[] _slots = [];
    private int[] _phases = [];
    private int[] _gaps = [];
    private double[] _residuals = [];
    private double[] _season = [];
    private long[] _steps = [];

    /// <summary>The calling thread's scratch.</summary>
    public static FitScratch Current => t_current ??= new FitScratch();

    /// <summary>At least <paramref name="n"/> slots (contents undefined).</summary>
    public Span<long> Slots(int n) => Grow(ref _slots, n).AsSpan(0, n);

    /// <summary>At least <paramref name="n"/> phases (contents undefined).</summary>
    public int[] Phases(int n) => Grow(ref _phases, n);

    /// <summary>At least <paramref name="n"/> gaps (contents undefined).</summary>
    public int[] Gaps(int n) => Grow(ref _gaps, n);

    /// <summary>Exactly <paramref name="n"/> residuals (contents undefined).</summary>
    public Span<double> Residuals(int n) => Grow(ref _residuals, n).AsSpan(0, n);

    /// <summary>At least <paramref name="n"/> season values for the batched SSE (contents undefined).</summary>
    public double[] Season(int n) => Grow(ref _season, n);

    /// <summary>Exactly <paramref name="n"/> sampling steps (contents undefined).</summary>
    public Span<long> Steps(int n) => Grow(ref _steps, n).AsSpan(0, n);

    private static T[] Grow<T>(ref T[] array, int n)
    {
        if (array.Length < n)
        {
            array = new T[Math.Max(n, 2 * array.Length)];
        }

        return array;
    }
}
