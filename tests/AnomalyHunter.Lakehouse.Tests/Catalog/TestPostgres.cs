using System.Globalization;

namespace AnomalyHunter.Lakehouse.Tests.Catalog;

/// <summary>The PostgreSQL server that scripts/test.sh starts; every test gets a fresh schema.</summary>
internal static class TestPostgres
{
    private const string Variable = "ANOMALYHUNTER_TEST_POSTGRES";
    private static int _counter;

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable)
        ?? throw new InvalidOperationException(
            $"{Variable} is not set. Run the tests with ./scripts/test.sh, which starts a PostgreSQL server and sets it.");

    public static string NewSchema()
    {
        string name = string.Create(
            CultureInfo.InvariantCulture,
            $"t_{Environment.ProcessId}_{Interlocked.Increment(ref _counter)}_{Guid.NewGuid():N}");
        return name[..Math.Min(name.Length, 40)];
    }
}
