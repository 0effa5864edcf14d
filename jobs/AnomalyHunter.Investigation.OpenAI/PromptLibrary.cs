using System.Globalization;
using System.Text.RegularExpressions;

namespace AnomalyHunter.Investigation.OpenAI;

/// <summary>Versioned prompt files (<c>Prompts/AGENT.vN.md</c>, embedded); each agent uses its highest version.</summary>
public static partial class PromptLibrary
{
    private static readonly IReadOnlyDictionary<string, (string Version, string Text)> Latest = Load();

    /// <summary>The prompt of an agent: version (such as <c>pattern-analyst.v1</c>) and text.</summary>
    public static (string Version, string Text) For(string agent) =>
        Latest.TryGetValue(agent, out var p) ? p : throw new KeyNotFoundException($"No prompt file for agent '{agent}'.");

    private static Dictionary<string, (string Version, string Text)> Load()
    {
        var assembly = typeof(PromptLibrary).Assembly;
        var best = new Dictionary<string, (int N, string Version, string Text)>(StringComparer.Ordinal);
        foreach (string name in assembly.GetManifestResourceNames())
        {
            var m = PromptName().Match(name);
            if (!m.Success)
            {
                continue;
            }

            int n = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            string agent = m.Groups["agent"].Value;
            if (best.TryGetValue(agent, out var have) && have.N >= n)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            best[agent] = (n, agent + ".v" + m.Groups["n"].Value, reader.ReadToEnd());
        }

        return best.ToDictionary(p => p.Key, p => (p.Value.Version, p.Value.Text), StringComparer.Ordinal);
    }

    [GeneratedRegex(@"\.Prompts\.(?<agent>[a-z-]+)\.v(?<n>\d+)\.md$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex PromptName();
}
