namespace AnomalyHunter.Investigation.Runbooks;

/// <summary>The YAML shape of a runbook file (snake_case keys).</summary>
internal sealed class RunbookFile
{
    public string? Id { get; set; }

    public string? Title { get; set; }

    public string? Description { get; set; }

    public MatchSection? Match { get; set; }

    public List<string>? Steps { get; set; }

    public List<string>? Verify { get; set; }

    internal sealed class MatchSection
    {
        public List<string>? Patterns { get; set; }

        public List<string>? Metrics { get; set; }

        public Dictionary<string, string>? Labels { get; set; }

        public int? MinSeverity { get; set; }

        public int? MaxSeverity { get; set; }

        public string? Direction { get; set; }
    }
}
