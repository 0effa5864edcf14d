using AnomalyHunter.Udfs.Detection;

namespace AnomalyHunter.Udfs.Tests.Detection;

public sealed class NormalDistributionTests
{
    [Theory]
    [InlineData(0.0, -0.30103)]
    [InlineData(1.959964, -1.60206)]
    [InlineData(5.0, -6.54265)]
    [InlineData(10.0, -23.11805)]
    [InlineData(40.0, -349.43701)]
    public void Log10_upper_tail_matches_known_values(double z, double expected)
        => Assert.Equal(expected, NormalDistribution.Log10UpperTail(z), 3);

    [Fact]
    public void Log10_upper_tail_is_continuous_where_the_asymptotic_series_takes_over()
        => Assert.Equal(NormalDistribution.Log10UpperTail(7.999999), NormalDistribution.Log10UpperTail(8.0), 3);

    [Fact]
    public void Surprise_of_zero_is_zero_and_grows_with_z()
    {
        Assert.Equal(0.0, NormalDistribution.TwoSidedSurprise(0.0), 9);
        Assert.True(NormalDistribution.TwoSidedSurprise(3.0) < NormalDistribution.TwoSidedSurprise(-4.0));
    }
}
