using System.Runtime.CompilerServices;

namespace AnomalyHunter.Udfs.Kernels;

/// <summary>Exact median absolute deviation of sorted values by selection over the two deviation sequences either side of the center.</summary>
/// <remarks>
/// The deviations left of the center (read outwards) and right of it are two sorted sequences; the k-th smallest of
/// their union is found by a search on how many come from the left one, galloping from a hint (in a rolling window the
/// answer moves by a step or two per push): O(log n) reads in the worst case and a handful in the usual one.
/// </remarks>
internal static class MadSelection
{
    /// <summary>
    /// The (unscaled) median of |v − <paramref name="center"/>| over ranks [0, <paramref name="n"/>) of
    /// <paramref name="ranks"/> (n ≥ 1), of which the first <paramref name="split"/> are below the center.
    /// <paramref name="hint"/> is where the search starts (any value gives the same exact answer); it receives this
    /// call's answer for the next call.
    /// </summary>
    public static double Select<TRanks>(TRanks ranks, int n, int split, double center, ref int hint)
        where TRanks : ISortedRanks, allows ref struct
    {
        int nLeft = split;
        int nRight = n - split;
        int k = (n & 1) == 1 ? n >> 1 : (n >> 1) - 1;

        // Find the smallest i (taken from the left) such that the right deviation R[k − i] is not above L[i],
        // galloping from the hint.
        int lo = Math.Max(0, k + 1 - nRight);
        int hi = Math.Min(k + 1, nLeft);
        int start = Math.Clamp(hint, lo, hi);
        if (start < hi && MoreLeft(ranks, split, k, center, start))
        {
            int step = 1;
            int bound = start + 1;
            while (bound < hi && MoreLeft(ranks, split, k, center, bound))
            {
                lo = bound + 1;
                step <<= 1;
                bound = start + step;
            }

            lo = Math.Max(lo, start + 1);
            hi = Math.Min(bound, hi);
        }
        else
        {
            int step = 1;
            int bound = start - 1;
            while (bound >= lo && !MoreLeft(ranks, split, k, center, bound))
            {
                hi = bound;
                step <<= 1;
                bound = start - step;
            }

            hi = Math.Min(hi, start);
            lo = Math.Max(lo, bound + 1);
        }

        int len = hi - lo;
        while (len > 0)
        {
            int half = len >> 1;
            int i = lo + half;
            bool moreLeft = MoreLeft(ranks, split, k, center, i);
            lo = moreLeft ? i + 1 : lo;
            len = moreLeft ? len - half - 1 : half;
        }

        hint = lo;
        int fromLeft = lo;
        int fromRight = k + 1 - fromLeft;
        double kth = Math.Max(
            fromLeft > 0 ? center - ranks[split - fromLeft] : double.NegativeInfinity,
            fromRight > 0 ? ranks[split + fromRight - 1] - center : double.NegativeInfinity);
        if ((n & 1) == 1)
        {
            return kth;
        }

        double next = Math.Min(
            fromLeft < nLeft ? center - ranks[split - 1 - fromLeft] : double.PositiveInfinity,
            fromRight < nRight ? ranks[split + fromRight] - center : double.PositiveInfinity);
        return 0.5 * (kth + next);
    }

    /// <summary>True when the (k + 1 − i)-th right deviation exceeds the (i + 1)-th left one, i.e. more of the k + 1 smallest come from the left.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool MoreLeft<TRanks>(TRanks ranks, int split, int k, double center, int i)
        where TRanks : ISortedRanks, allows ref struct
        => ranks[split + k - i] - center > center - ranks[split - 1 - i];
}
