namespace AnomalyHunter.Synthetic.Planning;

/// <summary>One series of a placed anomaly, in steps.</summary>
internal sealed record PlannedMember(int Series, int LagSteps, int Start, int End, double Magnitude, double Sigmas);
