namespace AnomalyHunter.Udfs.Detection.Novelty;

/// <summary>How a <see cref="DeviationTracker"/> judged one point: its judged z, and the surprise of its tail when the burst tail shaped it; the scores are computed from it only when they are read (see <see cref="DeviationTracker.ScoreOf(in DeviationJudgement, bool)"/>).</summary>
/// <param name="Judged">The judged z (≥ 0; +∞ for any deviation from a flat baseline; 0 while the tracker is not ready, which scores 0).</param>
/// <param name="Burst">Whether the score comes from the tail's surprise (the burst-tail path) rather than from the normal tail of <paramref name="Judged"/>.</param>
/// <param name="Shaped">Whether <paramref name="Surprise"/> holds the surprise, computed when the point was judged because the burst tail's state could shape it; otherwise the surprise is the normal tail's of <paramref name="Judged"/>, a function of it alone.</param>
/// <param name="Surprise">The surprise when <paramref name="Shaped"/>.</param>
internal readonly record struct DeviationJudgement(double Judged, bool Burst, bool Shaped, double Surprise)
{
    /// <summary>The judgement of a tracker that is not ready: both scores 0.</summary>
    public static DeviationJudgement None => default;

    /// <summary>Whether the scores are those of the normal tail of a finite <see cref="Judged"/>, and so grow with it.</summary>
    public bool NormalTail => !Shaped && double.IsFinite(Judged);
}
