using AnomalyHunter.Udfs.Forecast;
using AnomalyHunter.Udfs.Kernels;

namespace AnomalyHunter.Udfs.Tests.Forecast;

public sealed class EtsBatchSseTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(3, 4)]
    [InlineData(4, 48)]
    public void Each_lane_equals_the_scalar_sum_of_squared_errors_bit_for_bit(int lanes, int period)
    {
        var rng = new Random(lanes * 100 + period);
        int n = 2000;
        var values = new double[n];
        var slots = new long[n];
        long slot = 0;
        for (int i = 0; i < n; i++)
        {
            // why: occasional gaps exercise the horizon-variance branch.
            slot += rng.Next(20) == 0 ? 1 + rng.Next(5) : 1;
            slots[i] = slot;
            values[i] = (10 * Math.Sin(2 * Math.PI * slot / Math.Max(2, period))) + (rng.NextDouble() * 3) + (0.01 * slot);
        }

        var kind = period > 1 ? ForecastModelKind.Seasonal : ForecastModelKind.LevelTrend;
        var init = new EtsModel(kind, period, default, 60_000);
        int start = EtsFitter.Initialise(init, values, slots);
        var (phases, gaps) = EtsFitter.Steps(init, slots);
        var candidates = Enumerable.Range(0, lanes)
            .Select(_ => new HoltWintersParameters(0.01 + (0.98 * rng.NextDouble()), rng.NextDouble(), rng.NextDouble()))
            .ToArray();
        var batch = new double[lanes];

        EtsBatchSse.Sse(init, candidates, values, phases, gaps, start, batch);

        for (int l = 0; l < lanes; l++)
        {
            double scalar = EtsFitter.Sse(init, candidates[l], values, phases, gaps, start);
            Assert.Equal(BitConverter.DoubleToInt64Bits(scalar), BitConverter.DoubleToInt64Bits(batch[l]));
        }
    }
}
