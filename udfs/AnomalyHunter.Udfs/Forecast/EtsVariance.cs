using AnomalyHunter.Udfs.Kernels;

namespace AnomalyHunter.Udfs.Forecast;

/// <summary>The h-step-ahead forecast variance of additive Holt–Winters in units of the one-step residual variance σ².</summary>
/// <remarks>
/// For ETS(A,A,A) in error-correction form (ℓ += b + αe, b += β_E e, s += γ_E e, with β_E = αβ and γ_E = γ(1 − α)
/// for the <see cref="HoltWintersParameters"/> shares), Hyndman, Koehler, Ord and Snyder (2008, class 1) give
/// Var(e_{t+h|t}) = σ² · [1 + Σ_{j=1}^{h−1} c_j²] with c_j = α + β_E·j + γ_E·1[j mod m = 0].
/// The sum is evaluated in closed form: (h−1)α² + 2αβ_E·S1 + β_E²·S2 + q(2γ_Eα + γ_E²) + γ_Eβ_E·m·q(q + 1),
/// where S1 = Σj, S2 = Σj² over j = 1..h−1 and q = ⌊(h − 1)/m⌋ is the number of season multiples below h.
/// Without a season (m ≤ 1) γ_E is 0. The 100(1 − p)% interval is forecast ± z_{1−p/2}·σ·√factor.
/// </remarks>
internal static class EtsVariance
{
    /// <summary>The factor 1 + Σ c_j² for horizon <paramref name="h"/> ≥ 1 (1 for h = 1).</summary>
    public static double Factor(int h, HoltWintersParameters p, int period)
    {
        if (h <= 1)
        {
            return 1.0;
        }

        double a = p.Alpha;
        double b = p.Alpha * p.Beta;
        double g = period > 1 ? p.Gamma * (1.0 - p.Alpha) : 0.0;
        double n = h - 1;
        double s1 = n * (n + 1.0) / 2.0;
        double s2 = n * (n + 1.0) * ((2.0 * n) + 1.0) / 6.0;
        double sum = (n * a * a) + (2.0 * a * b * s1) + (b * b * s2);
        if (g != 0.0)
        {
            double q = (h - 1) / period;
            sum += (q * ((2.0 * g * a) + (g * g))) + (g * b * period * q * (q + 1.0));
        }

        return 1.0 + sum;
    }
}
