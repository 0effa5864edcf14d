using AnomalyHunter.Investigation.Agents;
using AnomalyHunter.Investigation.Tests.Support;
using AnomalyHunter.Synthetic.Model;
using Xunit.Abstractions;

namespace AnomalyHunter.Investigation.Tests.Agents;

public sealed class RootCauseTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_root_cause_agent_ranks_the_true_origin_first_in_correlated_incidents()
    {
        var agent = new RootCauseAgent(new AgentOptions());
        int total = 0, first = 0;
        foreach (long seed in new long[] { 1, 2, 3, 4 })
        {
            var data = SyntheticCases.Dataset(seed);
            foreach (var label in data.Labels.Where(l => l.Kind == AnomalyKind.CorrelatedIncident))
            {
                // The candidate is the last follower: the agent must look past it to the series that moved first.
                var member = label.Members[^1];
                var context = SyntheticCases.Context(data, member, SyntheticCases.Peers(data, member.SeriesKey));
                var finding = await agent.InvestigateAsync(context, CancellationToken.None);
                total++;
                bool ok = finding.Suspects.Count > 0 && finding.Suspects[0] == label.Origin;
                first += ok ? 1 : 0;
                if (!ok)
                {
                    output.WriteLine($"seed {seed} {label.Id} ({label.Detail}, {label.Members.Count} members) origin {label.Origin}; ranked {string.Join(" | ", finding.Suspects.Take(3))}");
                    foreach (var ev in finding.Evidence.Where(x => x.Series is not null && x.Name != "granger_p_value"))
                    {
                        string mark = label.Members.Any(m => m.SeriesKey == ev.Series) ? "member" : "other";
                        output.WriteLine($"    {mark} {ev.Series}: lead {ev.Value} min; {ev.Detail}");
                    }
                }
            }
        }

        output.WriteLine($"origin first in {first}/{total}");
        // why: in one incident of these seeds the last follower itself barely moves (0.6 sigma), so nothing links it to the origin.
        Assert.True(first >= 0.9 * total, $"origin first in {first}/{total}");
    }
}
