using System.Text.Json;
using AnomalyHunter.Scheduler.Tests.Support;

namespace AnomalyHunter.Scheduler.Tests;

/// <summary>The investigation commands through the real program: investigate, verdicts, feedback, learning, replay, export.</summary>
public sealed class InvestigationCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ah-cli-inv-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string DataDir => Path.Combine(_root, "data");

    private Task<CliProcess.Outcome> RunAsync(params string[] args) => CliProcess.RunAsync([.. args, "--data-dir", DataDir]);

    private string WriteCsv()
    {
        string path = Path.Combine(_root, "cpu.csv");
        var rng = new Random(5);
        var lines = new List<string> { "timestamp,value" };
        var t0 = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (int i = 0; i < 8 * 288; i++)
        {
            double daily = 10 * Math.Sin(2 * Math.PI * (i % 288) / 288.0);
            double v = 50 + daily + rng.NextDouble() + (i == 7 * 288 + 100 ? 40 : 0) + (i >= 7 * 288 + 200 ? 15 : 0);
            lines.Add(FormattableString.Invariant($"{t0.AddMinutes(5 * i):yyyy-MM-dd HH:mm:ss},{v:R}"));
        }

        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public async Task Investigate_then_feedback_teaches_and_a_verdict_replays_offline()
    {
        Assert.Equal(0, (await RunAsync("ingest", WriteCsv())).ExitCode);
        Assert.Equal(0, (await RunAsync("detect")).ExitCode);
        var investigate = await RunAsync("investigate", "--json");
        Assert.True(investigate.ExitCode == 0, investigate.Stderr);
        using var inv = JsonDocument.Parse(investigate.Stdout);
        var verdicts = inv.RootElement.GetProperty("verdicts");
        Assert.True(verdicts.GetArrayLength() > 0);
        string id = verdicts[0].GetProperty("verdictId").GetString()!;

        var show = await RunAsync("verdicts", "show", id);
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("pattern-analyst", show.Stdout, StringComparison.Ordinal);
        Assert.Contains("investigate --replay " + id, show.Stdout, StringComparison.Ordinal);

        var feedback = await RunAsync("feedback", id, "--verdict", "correct", "--note", "checked by hand", "--user", "ana", "--json");
        Assert.True(feedback.ExitCode == 0, feedback.Stderr);
        using (var fb = JsonDocument.Parse(feedback.Stdout))
        {
            Assert.Equal("ana", fb.RootElement.GetProperty("feedback").GetProperty("userName").GetString());
            Assert.Equal(1, fb.RootElement.GetProperty("feedback").GetProperty("learningVersion").GetInt32());
        }

        var learning = await RunAsync("learning", "show", "--json");
        using (var ls = JsonDocument.Parse(learning.Stdout))
        {
            Assert.Equal(1, ls.RootElement.GetProperty("version").GetInt32());
            Assert.NotEmpty(ls.RootElement.GetProperty("history")[0].GetProperty("changes").EnumerateArray());
        }

        var replay = await RunAsync("investigate", "--replay", id);
        Assert.True(replay.ExitCode == 0, replay.Stdout + replay.Stderr);
        Assert.Contains("Reproduced", replay.Stdout, StringComparison.Ordinal);

        string export = Path.Combine(_root, "ft.jsonl");
        Assert.Equal(0, (await RunAsync("feedback", "export", "--format", "openai-jsonl", "--output", export)).ExitCode);
        var line = Assert.Single(await File.ReadAllLinesAsync(export));
        using var doc = JsonDocument.Parse(line);
        Assert.Equal(3, doc.RootElement.GetProperty("messages").GetArrayLength());
    }

    [Fact]
    public async Task Wrong_feedback_values_and_unknown_verdicts_exit_with_2()
    {
        var bad = await RunAsync("feedback", "vd-0000000000000000", "--verdict", "maybe");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("correct, incorrect, partial", bad.Stderr, StringComparison.Ordinal);
        var unknown = await RunAsync("verdicts", "show", "vd-0000000000000000");
        Assert.Equal(2, unknown.ExitCode);
        var noDetect = await RunAsync("investigate");
        Assert.Equal(2, noDetect.ExitCode);
    }
}
