using System.Reflection;
using System.Runtime.Loader;

namespace AnomalyHunter.Benchmarks.PassCost;

/// <summary>A load context in which this benchmark assembly binds to another build (the baseline) of some product assemblies, while every other assembly is shared with the default context.</summary>
internal sealed class BaselineLoadContext : AssemblyLoadContext
{
    private readonly string _directory;
    private readonly Func<string, bool> _binds;

    private BaselineLoadContext(string directory, Func<string, bool> binds)
        : base("baseline", isCollectible: false)
    {
        _directory = Path.GetFullPath(directory);
        _binds = binds;
    }

    /// <summary>Binds the UDF assembly at <paramref name="udfsPath"/>.</summary>
    public static BaselineLoadContext ForUdfs(string udfsPath) =>
        new(Path.GetDirectoryName(Path.GetFullPath(udfsPath))!, name => name == "AnomalyHunter.Udfs");

    /// <summary>Binds every product assembly found in <paramref name="directory"/>.</summary>
    /// <remarks>The scheduler's assembly (anomaly-hunter) builds the detector configuration, so it binds the baseline's types too.</remarks>
    public static BaselineLoadContext ForProduct(string directory) =>
        new(directory, name => name != "AnomalyHunter.Benchmarks" && (name.StartsWith("AnomalyHunter.", StringComparison.Ordinal) || name == "anomaly-hunter"));

    /// <summary>This benchmark assembly, loaded a second time inside the context.</summary>
    public Assembly Benchmarks() => LoadFromAssemblyPath(typeof(BaselineLoadContext).Assembly.Location);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        string? path = assemblyName.Name is { } name && _binds(name) ? Path.Combine(_directory, name + ".dll") : null;
        return path is not null && File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }
}
