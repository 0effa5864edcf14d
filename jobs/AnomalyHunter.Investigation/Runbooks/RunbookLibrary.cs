using System.Security.Cryptography;
using System.Text;
using AnomalyHunter.Investigation.Findings;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace AnomalyHunter.Investigation.Runbooks;

/// <summary>The runbooks: those shipped with the product (embedded YAML) plus any <c>*.yaml</c> in an extra folder (same id replaces).</summary>
public sealed class RunbookLibrary
{
    private RunbookLibrary(IReadOnlyList<Runbook> runbooks, string sha256)
    {
        Runbooks = runbooks;
        Sha256 = sha256;
    }

    /// <summary>All runbooks, ordered by id.</summary>
    public IReadOnlyList<Runbook> Runbooks { get; }

    /// <summary>SHA-256 of the YAML texts, recorded in verdicts.</summary>
    public string Sha256 { get; }

    /// <summary>Loads the shipped runbooks and those of <paramref name="extraFolder"/> when given.</summary>
    public static async Task<RunbookLibrary> LoadAsync(string? extraFolder, CancellationToken cancellationToken)
    {
        var texts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var assembly = typeof(RunbookLibrary).Assembly;
        foreach (string name in assembly.GetManifestResourceNames().Where(n => n.Contains(".Runbooks.", StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal)))
        {
            await using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            texts["builtin:" + name] = await reader.ReadToEndAsync(cancellationToken);
        }

        if (extraFolder is not null)
        {
            if (!Directory.Exists(extraFolder))
            {
                throw new DirectoryNotFoundException($"Investigate:RunbooksDir: the folder '{Path.GetFullPath(extraFolder)}' does not exist.");
            }

            foreach (string file in Directory.EnumerateFiles(extraFolder, "*.yaml").Concat(Directory.EnumerateFiles(extraFolder, "*.yml")).Order(StringComparer.Ordinal))
            {
                texts["file:" + file] = await File.ReadAllTextAsync(file, cancellationToken);
            }
        }

        return Parse(texts);
    }

    /// <summary>Parses runbooks from YAML texts (name → text); later names replace earlier ones with the same id.</summary>
    public static RunbookLibrary Parse(IReadOnlyDictionary<string, string> texts)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        var byId = new SortedDictionary<string, Runbook>(StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, text) in texts)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(name + "\n" + text + "\n"));
            RunbookFile file;
            try
            {
                file = deserializer.Deserialize<RunbookFile>(text);
            }
            catch (YamlDotNet.Core.YamlException ex)
            {
                throw new FormatException($"Runbook {name}: {ex.Message}", ex);
            }

            var runbook = ToRunbook(file, name);
            byId[runbook.Id] = runbook;
        }

        return new RunbookLibrary([.. byId.Values], Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static Runbook ToRunbook(RunbookFile f, string name)
    {
        if (string.IsNullOrWhiteSpace(f.Id) || string.IsNullOrWhiteSpace(f.Title) || f.Steps is not { Count: > 0 })
        {
            throw new FormatException($"Runbook {name}: 'id', 'title' and at least one step are required.");
        }

        var m = f.Match ?? new RunbookFile.MatchSection();
        foreach (string p in m.Patterns ?? [])
        {
            if (!Patterns.All.Contains(p, StringComparer.Ordinal))
            {
                throw new FormatException($"Runbook {f.Id}: pattern '{p}' is not one of {string.Join(", ", Patterns.All)}.");
            }
        }

        string direction = m.Direction ?? "any";
        if (direction is not ("up" or "down" or "any"))
        {
            throw new FormatException($"Runbook {f.Id}: direction '{direction}' is not one of up, down, any.");
        }

        var match = new RunbookMatch(m.Patterns ?? [], m.Metrics ?? [], m.Labels ?? [], m.MinSeverity ?? 1, m.MaxSeverity ?? 10, direction);
        return new Runbook(f.Id, f.Title, f.Description ?? string.Empty, match, f.Steps, f.Verify ?? []);
    }
}
