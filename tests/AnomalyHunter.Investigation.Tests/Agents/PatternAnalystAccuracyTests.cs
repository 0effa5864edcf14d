using AnomalyHunter.Investigation.Agents;
using AnomalyHunter.Investigation.Tests.Support;
using AnomalyHunter.Synthetic.Model;
using Xunit.Abstractions;

namespace AnomalyHunter.Investigation.Tests.Agents;

public sealed class PatternAnalystAccuracyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_pattern_analyst_names_at_least_90_percent_of_injected_kinds_correctly()
    {
        var agent = new PatternAnalystAgent(new AgentOptions());
        int total = 0, correct = 0;
        var confusion = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (long seed in new long[] { 1, 2, 3 })
        {
            var data = SyntheticCases.Dataset(seed);
            foreach (var label in data.Labels.Where(l => l.Kind != AnomalyKind.CorrelatedIncident))
            {
                var finding = await agent.InvestigateAsync(SyntheticCases.Context(data, label.Members[0]), CancellationToken.None);
                string truth = label.Kind.ToName();
                total++;
                if (finding.Pattern == truth)
                {
                    correct++;
                }
                else
                {
                    output.WriteLine($"seed {seed} {label.Id} {truth} ({label.Detail}, {label.Members[0].Sigmas:F1} sigma) named {finding.Pattern}: {finding.Claim}");
                }

                string cell = truth + " -> " + finding.Pattern;
                confusion[cell] = confusion.GetValueOrDefault(cell) + 1;
            }
        }

        foreach (var (cell, count) in confusion)
        {
            output.WriteLine($"{cell}: {count}");
        }

        double accuracy = (double)correct / total;
        output.WriteLine($"accuracy {correct}/{total} = {accuracy:P1}");
        Assert.True(accuracy >= 0.9, $"accuracy {correct}/{total} = {accuracy:P1}");
    }
}
