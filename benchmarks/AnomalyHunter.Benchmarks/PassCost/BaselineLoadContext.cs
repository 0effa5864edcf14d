using System.Reflection;
using System.Runtime.Loader;

namespace AnomalyHunter.Benchmarks.PassCost;

/// <summary>A load context in which this benchmark assembly binds to another build of the UDF assembly (the baseline), while every other assembly is shared with the default context.</summary>
internal sealed class BaselineLoadContext : AssemblyLoadContext
{
    private readonly string _udfsPath;

    public BaselineLoadContext(string udfsPath)
        : base("baseline", isCollectible: false) => _udfsPath = Path.GetFullPath(udfsPath);

    /// <summary>This benchmark assembly, loaded a second time inside the context.</summary>
    public Assembly Benchmarks() => LoadFromAssemblyPath(typeof(BaselineLoadContext).Assembly.Location);

    protected override Assembly? Load(AssemblyName assemblyName)
        => assemblyName.Name == "AnomalyHunter.Udfs" ? LoadFromAssemblyPath(_udfsPath) : null;
}
