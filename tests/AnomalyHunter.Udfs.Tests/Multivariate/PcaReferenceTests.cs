using AnomalyHunter.Udfs.Multivariate;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace AnomalyHunter.Udfs.Tests.Multivariate;

public sealed class PcaReferenceTests
{
    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 6)]
    [InlineData(3, 13)]
    public void Jacobi_matches_a_direct_symmetric_eigendecomposition(int seed, int p)
    {
        var random = new Random(seed);
        Matrix<double> b = Matrix<double>.Build.Dense(p, p, (_, _) => random.NextDouble() - 0.5);
        Matrix<double> a = b * b.Transpose();
        var evd = a.Evd(Symmetricity.Symmetric);
        double[] expected = evd.EigenValues.Select(c => c.Real).OrderDescending().ToArray();
        double[] matrix = a.ToRowMajorArray();
        var values = new double[p];
        var vectors = new double[p * p];
        SymmetricEigen.Decompose(matrix, p, values, vectors);
        for (int j = 0; j < p; j++)
        {
            Assert.Equal(expected[j], values[j], 1e-10);
            Vector<double> v = Vector<double>.Build.Dense(p, i => vectors[(i * p) + j]);
            Assert.Equal(1.0, v.L2Norm(), 1e-12);
            Assert.True((a * v - (values[j] * v)).L2Norm() < 1e-10);
        }
    }

    [Fact]
    public void T2_SPE_and_contributions_equal_the_direct_formulas()
    {
        const int n = 300;
        const int p = 5;
        double[] m = GroupTestData.Factor(4, n, p, 2.0, 1.0);
        var options = new PcaOptions { ExplainedVariance = 0.6 };
        PcaModel model = PcaModel.Fit(GroupTestData.Timestamps(n), m, p, options);

        // Direct: standardise with median / 1.4826·MAD, covariance, full eigendecomposition, first k components.
        Matrix<double> x = Matrix<double>.Build.Dense(n, p, (i, j) => m[(i * p) + j]);
        double[] centre = new double[p];
        double[] scale = new double[p];
        for (int j = 0; j < p; j++)
        {
            double[] col = x.Column(j).ToArray();
            centre[j] = MathNet.Numerics.Statistics.Statistics.Median(col);
            scale[j] = 1.4826 * MathNet.Numerics.Statistics.Statistics.Median(col.Select(v => Math.Abs(v - centre[j])));
        }

        Matrix<double> z = Matrix<double>.Build.Dense(n, p, (i, j) => (x[i, j] - centre[j]) / scale[j]);
        Vector<double> mean = z.ColumnSums() / n;
        Matrix<double> centred = Matrix<double>.Build.Dense(n, p, (i, j) => z[i, j] - mean[j]);
        Matrix<double> cov = centred.Transpose() * centred / (n - 1);
        var evd = cov.Evd(Symmetricity.Symmetric);
        int[] order = Enumerable.Range(0, p).OrderByDescending(j => evd.EigenValues[j].Real).ToArray();
        int k = model.Components;
        Assert.InRange(k, 1, p - 1);
        Matrix<double> pk = Matrix<double>.Build.Dense(p, k, (i, j) => evd.EigenVectors[i, order[j]]);
        Vector<double> lambda = Vector<double>.Build.Dense(k, j => evd.EigenValues[order[j]].Real);
        Assert.True(lambda.Take(k).Sum() / evd.EigenValues.Sum(c => c.Real) >= 0.6);
        Assert.True(k == 1 || lambda.Take(k - 1).Sum() / evd.EigenValues.Sum(c => c.Real) < 0.6);

        double[] row = [3.0, 13.5, 17.0, 34.0, 41.0];
        Vector<double> d = Vector<double>.Build.Dense(p, j => ((row[j] - centre[j]) / scale[j]) - mean[j]);
        Vector<double> t = pk.Transpose() * d;
        double t2 = t.PointwiseMultiply(t).PointwiseDivide(lambda).Sum();
        Vector<double> residual = d - (pk * t);
        double spe = residual.DotProduct(residual);

        var t2c = new double[p];
        var spec = new double[p];
        PcaRowScore s = model.Score(row, t2c, spec);
        Assert.Equal(t2, s.T2, 1e-9);
        Assert.Equal(spe, s.Spe, 1e-9);
        Assert.Equal(s.T2, t2c.Sum(), 1e-9);
        Assert.Equal(s.Spe, spec.Sum(), 1e-9);
        for (int j = 0; j < p; j++)
        {
            Assert.Equal(residual[j] * residual[j], spec[j], 1e-9);
        }

        double f = t2 * n * (n - k) / (k * ((double)n * n - 1));
        double pT2 = 1.0 - FisherSnedecor.CDF(k, n - k, f);
        Assert.Equal(-10.0 * Math.Log10(pT2), s.T2Score, 1e-3);
    }

    [Theory]
    [InlineData(1.0, 10.0, 0.5)]
    [InlineData(3.0, 50.0, 4.0)]
    [InlineData(6.0, 500.0, 12.0)]
    [InlineData(2.0, 2000.0, 30.0)]
    public void F_tail_matches_a_reference_distribution(double d1, double d2, double f)
    {
        double x = d2 / (d2 + (d1 * f));
        double tail = IncompleteBeta.Regularized(d2 / 2.0, d1 / 2.0, x);
        double expected = 1.0 - FisherSnedecor.CDF(d1, d2, f);
        Assert.Equal(expected, tail, Math.Max(1e-12, expected * 1e-6));
    }

    [Fact]
    public void SPE_limit_is_close_to_chi_square_when_residual_eigenvalues_are_equal()
    {
        // With q equal residual eigenvalues λ, Q/λ is chi-square with q degrees of freedom.
        const int q = 4;
        foreach (double quantile in new[] { 0.9, 0.99, 0.999 })
        {
            double spe = ChiSquared.InvCDF(q, quantile) * 2.0;
            double tail = ControlLimits.SpeTail(spe, q * 2.0, q * 4.0, q * 8.0, 1e-9);
            Assert.InRange(tail / (1.0 - quantile), 0.8, 1.25);
        }
    }
}
