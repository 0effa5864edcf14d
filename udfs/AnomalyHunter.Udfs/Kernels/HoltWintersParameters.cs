namespace AnomalyHunter.Udfs.Kernels;

/// <summary>Smoothing parameters of additive Holt–Winters: level α, trend β (as a share of α's correction) and season γ, each in [0, 1].</summary>
public readonly record struct HoltWintersParameters(double Alpha, double Beta, double Gamma);
