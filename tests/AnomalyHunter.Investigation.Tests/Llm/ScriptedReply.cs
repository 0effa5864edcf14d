using System.Text.Json;

namespace AnomalyHunter.Investigation.Tests.Llm;

/// <summary>One answer of the loopback server: a status, an optional delay, and the assistant's content.</summary>
internal sealed record ScriptedReply(int Status, TimeSpan Delay, string? Content)
{
    /// <summary>Prompt tokens the server reports as used.</summary>
    public int PromptTokens { get; init; } = 1000;

    public static ScriptedReply Finding() => new(200, TimeSpan.Zero, null);

    public static ScriptedReply Error(int status) => new(status, TimeSpan.Zero, null);

    public static ScriptedReply Slow(TimeSpan delay) => new(200, delay, null);

    public static ScriptedReply Malformed() => new(200, TimeSpan.Zero, "{\"claim\": \"cut short");

    /// <summary>A valid finding whose claim and suspects name the (pseudonymised) series the request was about.</summary>
    public static string FindingJson(string series) => JsonSerializer.Serialize(new
    {
        claim = $"The model sees a spike on {series}.",
        pattern = "spike",
        evidence = new[] { new { name = "peak_deviation_sigmas", value = (double?)7.5, unit = "sigma", from = (string?)null, to = (string?)null, series = (string?)series, detail = (string?)"from the summary" } },
        confidence = 0.9,
        severity = 6,
        suspects = new[] { series },
    });
}
