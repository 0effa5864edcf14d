namespace AnomalyHunter.Lakehouse.Ingest;

/// <summary>What happens when a (series, timestamp) pair arrives more than once.</summary>
public enum DuplicatePolicy
{
    /// <summary>The first stored value stays; later ones are quarantined with reason <c>duplicate</c>.</summary>
    KeepFirst,

    /// <summary>The latest value replaces the stored one; the replaced value is quarantined with reason <c>duplicate</c>.</summary>
    KeepLast,
}
