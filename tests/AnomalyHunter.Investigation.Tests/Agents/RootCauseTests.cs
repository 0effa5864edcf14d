using AnomalyHunter.Investigation.Agents;
using AnomalyHunter.Investigation.Tests.Support;
using AnomalyHunter.Synthetic.Model;
using Xunit.Abstractions;

namespace AnomalyHunter.Investigation.Tests.Agents;

public sealed class RootCauseTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_root_cause_agent_ranks_the_true_origin_first_in_every_correlated_incident()
    {
        var agent = new RootCauseAgent(new AgentOptions());
        int total = 0, seen = 0, first = 0;
        var missed = new List<string>();
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
                // why: a ranking can only name a series the agent saw move: a significant shift (|t| ≥ 4, or a bracket four times the spread of
                // the series' own brackets over the two days before) of ≥ 1.25 sigma, bracketed by both flanks of its window.
                if (!finding.Evidence.Any(e => e.Name == "co_moving_series" && e.Series == label.Origin))
                {
                    output.WriteLine($"seed {seed} {label.Id}: origin {label.Origin} not seen moving from {member.SeriesKey}; ranked {string.Join(" | ", finding.Suspects.Take(3))}");
                    continue;
                }

                seen++;
                bool ok = finding.Suspects.Count > 0 && finding.Suspects[0] == label.Origin;
                first += ok ? 1 : 0;
                if (!ok)
                {
                    missed.Add($"seed {seed} {label.Id}");
                    output.WriteLine($"seed {seed} {label.Id} ({label.Detail}, {label.Members.Count} members) origin {label.Origin}; ranked {string.Join(" | ", finding.Suspects.Take(3))}");
                    foreach (var ev in finding.Evidence.Where(x => x.Series is not null && x.Name != "granger_p_value"))
                    {
                        string mark = label.Members.Any(m => m.SeriesKey == ev.Series) ? "member" : "other";
                        output.WriteLine($"    {mark} {ev.Series}: lead {ev.Value} min; {ev.Detail}");
                    }
                }
            }
        }

        output.WriteLine($"origin first in {first}/{seen} incidents where the origin was seen moving ({total} in all)");
        Assert.True(seen == total, $"the origin was seen moving in only {seen} of {total} incidents");
        Assert.True(first == total, $"origin first in {first}/{total}: missed {string.Join(", ", missed)}");
    }

    [Fact]
    public async Task Over_ten_seeds_the_root_cause_agent_ranks_the_origin_first_in_at_least_49_of_50_incidents()
    {
        var agent = new RootCauseAgent(new AgentOptions());
        int total = 0, first = 0;
        for (long seed = 1; seed <= 10; seed++)
        {
            int n = 0, ok = 0;
            var data = SyntheticCases.Dataset(seed);
            foreach (var label in data.Labels.Where(l => l.Kind == AnomalyKind.CorrelatedIncident))
            {
                var member = label.Members[^1];
                var finding = await agent.InvestigateAsync(SyntheticCases.Context(data, member, SyntheticCases.Peers(data, member.SeriesKey)), CancellationToken.None);
                n++;
                ok += finding.Suspects.Count > 0 && finding.Suspects[0] == label.Origin ? 1 : 0;
            }

            output.WriteLine($"seed {seed}: origin first in {ok}/{n}");
            total += n;
            first += ok;
        }

        output.WriteLine($"origin first in {first}/{total}");
        // why: the miss left (seed 8 A0033) is an origin whose shift is not significant once its slow wander is allowed for.
        Assert.True(first >= 49, $"origin first in {first}/{total}");
    }
}
