using AnomalyHunter.Udfs.Multivariate;

namespace AnomalyHunter.Udfs.Tests.Multivariate;

public sealed class PcaCalibrationTests
{
    [Fact]
    public void Scores_on_gaussian_rows_exceed_s_about_ten_to_the_minus_s_over_ten_of_the_time()
    {
        const int p = 6;
        const int n = 12_000;
        double[] m = GroupTestData.Factor(12, n, p, 2.0, 1.0);
        var options = new PcaOptions { Winsorize = 1000.0 };
        PcaModel model = PcaModel.Fit(GroupTestData.Timestamps(4000), m.AsSpan(0, 4000 * p), p, options);
        var scores = Enumerable.Range(4000, n - 4000).Select(i => model.Score(m.AsSpan(i * p, p), Span<double>.Empty, Span<double>.Empty)).ToArray();
        Assert.InRange(scores.Count(s => s.Score >= 10.0) / (double)scores.Length, 0.07, 0.13);
        Assert.InRange(scores.Count(s => s.Score >= 20.0) / (double)scores.Length, 0.005, 0.018);
        Assert.InRange(scores.Count(s => s.T2Score >= 10.0) / (double)scores.Length, 0.07, 0.13);
        Assert.InRange(scores.Count(s => s.SpeScore >= 10.0) / (double)scores.Length, 0.07, 0.13);
    }
}
