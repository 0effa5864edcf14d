using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace AnomalyHunter.Udfs.Kernels;

/// <summary>Branch-free SIMD counting over contiguous doubles (Vector512 where accelerated, then Vector256, then scalar).</summary>
internal static class SimdCount
{
    /// <summary>Number of the <paramref name="length"/> values starting at <paramref name="p"/> that are below <paramref name="x"/> (NaN counts as not below).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Below(ref double p, int length, double x)
    {
        int count = 0;
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<double> wx = Vector512.Create(x);
            for (; i + Vector512<double>.Count <= length; i += Vector512<double>.Count)
            {
                count += BitOperations.PopCount(Vector512.LessThan(Vector512.LoadUnsafe(ref p, (nuint)i), wx).ExtractMostSignificantBits());
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<double> vx = Vector256.Create(x);
            for (; i + Vector256<double>.Count <= length; i += Vector256<double>.Count)
            {
                count += BitOperations.PopCount(Vector256.LessThan(Vector256.LoadUnsafe(ref p, (nuint)i), vx).ExtractMostSignificantBits());
            }
        }

        for (; i < length; i++)
        {
            count += Unsafe.Add(ref p, i) < x ? 1 : 0;
        }

        return count;
    }
}
