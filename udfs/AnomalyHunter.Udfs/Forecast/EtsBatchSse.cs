using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using AnomalyHunter.Udfs.Kernels;

namespace AnomalyHunter.Udfs.Forecast;

/// <summary>The fitter's sum of squared one-step errors for up to four parameter sets at once, one per SIMD lane.</summary>
/// <remarks>
/// The filter is a serial recursion whose speed is bound by the latency of each step, so four candidates cost about
/// what one does. Every lane performs exactly the scalar <see cref="EtsFitter.Sse"/> operations in the same order
/// (no fused multiply-add), so each result equals the scalar one bit for bit.
/// </remarks>
internal static class EtsBatchSse
{
    /// <summary>Lanes evaluated at once.</summary>
    public const int Width = 4;

    /// <summary>Whether the batch kernel runs in hardware; otherwise callers evaluate one candidate at a time.</summary>
    public static bool IsAccelerated => Vector256.IsHardwareAccelerated;

    /// <summary>Writes the SSE of each of 1–4 candidates into <paramref name="results"/> (same length).</summary>
    public static void Sse(EtsModel init, ReadOnlySpan<HoltWintersParameters> candidates, ReadOnlySpan<double> values, ReadOnlySpan<int> phases, ReadOnlySpan<int> gaps, int start, Span<double> results)
    {
        int lanes = candidates.Length;
        if (lanes is < 1 or > Width || results.Length != lanes)
        {
            throw new ArgumentException("Between one and four candidates, one result each.", nameof(candidates));
        }

        Span<HoltWintersParameters> p = stackalloc HoltWintersParameters[Width];
        for (int l = 0; l < Width; l++)
        {
            p[l] = candidates[l < lanes ? l : 0];
        }

        int period = init.Period;
        bool seasonal = period > 1;
        double[] season = seasonal ? FitScratch.Current.Season(period * Width) : [];
        for (int j = 0; j < (seasonal ? period : 0); j++)
        {
            Vector256.Create(init.Season[j]).StoreUnsafe(ref season[0], (nuint)(j * Width));
        }

        var a = Vector256.Create(p[0].Alpha, p[1].Alpha, p[2].Alpha, p[3].Alpha);
        var ab = Vector256.Create(p[0].Alpha * p[0].Beta, p[1].Alpha * p[1].Beta, p[2].Alpha * p[2].Beta, p[3].Alpha * p[3].Beta);
        var g = Vector256.Create(p[0].Gamma * (1.0 - p[0].Alpha), p[1].Gamma * (1.0 - p[1].Alpha), p[2].Gamma * (1.0 - p[2].Alpha), p[3].Gamma * (1.0 - p[3].Alpha));
        var level = Vector256.Create(init.Level);
        var trend = Vector256.Create(init.Trend);
        var sse = Vector256<double>.Zero;
        ref double s0 = ref seasonal ? ref season[0] : ref Unsafe.NullRef<double>();
        for (int i = start; i < values.Length; i++)
        {
            int h = gaps[i];
            var hTrend = Vector256.Create((double)h) * trend;
            var f = level + hTrend;
            nuint at = (nuint)(phases[i] * Width);
            var s = seasonal ? Vector256.LoadUnsafe(ref s0, at) : default;
            if (seasonal)
            {
                f += s;
            }

            var e = Vector256.Create(values[i]) - f;
            var e2 = e * e;
            sse += h == 1 ? e2 : e2 / Factors(h, p, period);
            level += hTrend + (a * e);
            trend += ab * e;
            if (seasonal)
            {
                (s + (g * e)).StoreUnsafe(ref s0, at);
            }
        }

        for (int l = 0; l < lanes; l++)
        {
            results[l] = sse.GetElement(l);
        }
    }

    private static Vector256<double> Factors(int h, ReadOnlySpan<HoltWintersParameters> p, int period) => Vector256.Create(
        EtsVariance.Factor(h, p[0], period), EtsVariance.Factor(h, p[1], period), EtsVariance.Factor(h, p[2], period), EtsVariance.Factor(h, p[3], period));
}
