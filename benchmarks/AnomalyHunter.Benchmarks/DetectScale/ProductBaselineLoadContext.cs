using System.Reflection;
using System.Runtime.Loader;

namespace AnomalyHunter.Benchmarks.DetectScale;

/// <summary>A load context in which this benchmark assembly binds to another build of every product assembly (the baseline); third-party assemblies are shared with the default context.</summary>
internal sealed class ProductBaselineLoadContext : AssemblyLoadContext
{
    private readonly string _directory;

    public ProductBaselineLoadContext(string directory)
        : base("product-baseline", isCollectible: false) => _directory = Path.GetFullPath(directory);

    /// <summary>This benchmark assembly, loaded a second time inside the context.</summary>
    public Assembly Benchmarks() => LoadFromAssemblyPath(typeof(ProductBaselineLoadContext).Assembly.Location);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        string path = Path.Combine(_directory, assemblyName.Name + ".dll");
        // why: the scheduler's assembly (anomaly-hunter) builds the detector configuration, so it must bind the baseline's types too.
        bool product = assemblyName.Name is { } name && name != "AnomalyHunter.Benchmarks"
            && (name.StartsWith("AnomalyHunter.", StringComparison.Ordinal) || name == "anomaly-hunter");
        return product && File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }
}
