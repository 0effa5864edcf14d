using System.Runtime.CompilerServices;

namespace AnomalyHunter.Synthetic.Random;

/// <summary>Standard normal variates by Marsaglia and Tsang's ziggurat with 256 layers (one 64-bit draw on the fast path).</summary>
internal static class Ziggurat
{
    private const int Layers = 256;
    private const double R = 3.654152885361008796;
    private const double LayerArea = 4.92867323399e-3;
    private const double UnitScale = 1.0 / (1UL << 53);
    private static readonly double[] X = BuildX();
    private static readonly double[] F = BuildF(X);

    /// <summary>The layer edges, exposed for tests against published values.</summary>
    internal static ReadOnlySpan<double> Edges => X;

    /// <summary>Returns one standard normal variate.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Next(ref Xoshiro256StarStar rng)
    {
        ulong bits = rng.Next();
        int i = (int)(bits & 0xFF);

        // why: bits 0-7 pick the layer, bits 11-63 give a symmetric uniform, so one draw serves both.
        double u = (2.0 * ((bits >> 11) * UnitScale)) - 1.0;
        double x = u * X[i];
        if (Math.Abs(x) < X[i + 1])
        {
            return x;
        }

        return Slow(ref rng, i, u, x);
    }

    private static double Slow(ref Xoshiro256StarStar rng, int i, double u, double x)
    {
        while (true)
        {
            if (i == 0)
            {
                return Tail(ref rng, u);
            }

            if (F[i + 1] + ((F[i] - F[i + 1]) * rng.NextDouble()) < Pdf(x))
            {
                return x;
            }

            ulong bits = rng.Next();
            i = (int)(bits & 0xFF);
            u = (2.0 * ((bits >> 11) * UnitScale)) - 1.0;
            x = u * X[i];
            if (Math.Abs(x) < X[i + 1])
            {
                return x;
            }
        }
    }

    private static double Tail(ref Xoshiro256StarStar rng, double u)
    {
        double x;
        double y;
        do
        {
            x = DeterministicMath.Log(rng.NextOpenDouble()) / R;
            y = DeterministicMath.Log(rng.NextOpenDouble());
        }
        while (-2.0 * y < x * x);

        return u < 0.0 ? x - R : R - x;
    }

    private static double Pdf(double x) => DeterministicMath.Exp(-0.5 * x * x);

    private static double[] BuildX()
    {
        var x = new double[Layers + 1];
        double f = Pdf(R);
        x[0] = LayerArea / f;
        x[1] = R;
        for (int i = 1; i < Layers - 1; i++)
        {
            x[i + 1] = Math.Sqrt(-2.0 * DeterministicMath.Log((LayerArea / x[i]) + Pdf(x[i])));
        }

        x[Layers] = 0.0;
        return x;
    }

    private static double[] BuildF(double[] x)
    {
        var f = new double[Layers + 1];
        for (int i = 0; i < Layers; i++)
        {
            f[i] = Pdf(x[i]);
        }

        f[Layers] = 1.0;
        return f;
    }
}
