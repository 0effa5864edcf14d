using System.Collections.Concurrent;
using System.Reflection;

namespace AnomalyHunter.Lakehouse.Catalog;

/// <summary>Loads SQL text embedded as resources (<c>*.sql</c>), cached per assembly and name.</summary>
public static class SqlScripts
{
    private static readonly ConcurrentDictionary<(Assembly, string), string> Cache = new();

    /// <summary>The text of the embedded resource whose name ends with <c>.{name}.sql</c>.</summary>
    public static string Get(Assembly assembly, string name) =>
        Cache.GetOrAdd((assembly, name), key =>
        {
            string suffix = "." + key.Item2 + ".sql";
            string resource = key.Item1.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith(suffix, StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"SQL script '{key.Item2}' is not embedded in {key.Item1.GetName().Name}.");
            using var stream = key.Item1.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        });

    /// <summary>Migrations embedded under a <c>Migrations</c> folder as <c>NNNN_name.sql</c>, ordered by version.</summary>
    public static IReadOnlyList<CatalogMigration> Migrations(Assembly assembly)
    {
        var list = new List<CatalogMigration>();
        foreach (string resource in assembly.GetManifestResourceNames())
        {
            int at = resource.IndexOf(".Migrations.", StringComparison.Ordinal);
            if (at < 0 || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            string file = resource[(at + ".Migrations.".Length)..^".sql".Length];
            int underscore = file.IndexOf('_', StringComparison.Ordinal);
            // why: resource names of files that start with a digit get a leading underscore from MSBuild.
            string digits = file[..underscore].TrimStart('_');
            if (underscore < 0 || !int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int version))
            {
                throw new InvalidOperationException($"Migration resource '{resource}' is not named NNNN_name.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            list.Add(new CatalogMigration(version, file[(underscore + 1)..], reader.ReadToEnd()));
        }

        list.Sort((a, b) => a.Version.CompareTo(b.Version));
        return list;
    }
}
