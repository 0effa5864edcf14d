using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AnomalyHunter.Investigation.Findings;

/// <summary>JSON of findings and verdicts (stable property names, invariant numbers) and the documented finding schema.</summary>
public static class FindingJson
{
    /// <summary>Serializer options used for everything the investigation stores.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>The JSON schema of the part of a finding an agent (or a model) produces: claim, pattern, evidence, confidence, severity, suspects.</summary>
    public static string Schema { get; } = LoadSchema();

    /// <summary>Serializes a value with <see cref="Options"/>.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Deserializes a value with <see cref="Options"/>.</summary>
    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Empty JSON for {typeof(T).Name}.");

    private static string LoadSchema()
    {
        var assembly = typeof(FindingJson).Assembly;
        string name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("finding.schema.json", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    internal static Assembly Assembly => typeof(FindingJson).Assembly;
}
