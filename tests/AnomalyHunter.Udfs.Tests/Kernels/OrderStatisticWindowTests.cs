using AnomalyHunter.Udfs.Kernels;

namespace AnomalyHunter.Udfs.Tests.Kernels;

public sealed class OrderStatisticWindowTests
{
    [Fact]
    public void Quantiles_mean_deviation_and_inputs_follow_the_last_pushes()
    {
        var random = new Random(9);
        var window = new OrderStatisticWindow(100);
        var pushed = new List<double>();
        for (int i = 0; i < 1000; i++)
        {
            double x = i % 17 == 0 ? double.NaN : Math.Round(random.NextDouble() * 50.0);
            window.Push(x);
            pushed.Add(x);
            double[] last = pushed.TakeLast(100).ToArray();
            double[] finite = last.Where(double.IsFinite).Order().ToArray();
            Assert.Equal(finite.Length, window.Count);
            if (finite.Length == 0)
            {
                Assert.True(double.IsNaN(window.Quantile(0.9)));
                continue;
            }

            double pos = 0.9 * (finite.Length - 1);
            int lo = (int)pos;
            double expected = finite[lo] + ((pos - lo) * (finite[Math.Min(lo + 1, finite.Length - 1)] - finite[lo]));
            Assert.Equal(expected, window.Quantile(0.9), 12);
            Assert.Equal(finite.Average(v => Math.Abs(v - 20.0)), window.MeanAbsoluteDeviation(20.0), 9);
            var inputs = new double[100];
            Assert.Equal(last.Length, window.CopyInputs(inputs));
            Assert.Equal(last, inputs[..last.Length]);
        }

        window.Clear();
        Assert.Equal(0, window.Count);
        Assert.True(double.IsNaN(window.Median()));
        Assert.True(double.IsNaN(window.MeanAbsoluteDeviation(0.0)));
    }
}
