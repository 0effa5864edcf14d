namespace AnomalyHunter.Quality.Harness;

/// <summary>Finds a labelled dataset of the shared datasets folder, which lives outside the repository.</summary>
public static class SharedDatasets
{
    /// <summary>Where these machines keep the shared datasets, for checkouts that are not beside them.</summary>
    public const string MachineFolder = "/work/shared/datasets";

    /// <summary>
    /// The folder of dataset <paramref name="name"/>: the environment variable <paramref name="variable"/>, else
    /// shared/datasets/NAME above the working or base directory (a checkout beside shared/), else under
    /// <see cref="MachineFolder"/>; null when none exists.
    /// </summary>
    public static string? Locate(string name, string variable)
    {
        string? fromEnv = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return fromEnv;
        }

        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "shared", "datasets", name);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        string machine = Path.Combine(MachineFolder, name);
        return Directory.Exists(machine) ? machine : null;
    }
}
