namespace AnomalyHunter.Synthetic.Generation;

/// <summary>The form of a metric's daily pattern in local time.</summary>
internal enum DailyShape
{
    /// <summary>Business hours: a broad day-time peak and a flat night trough.</summary>
    Business,

    /// <summary>A narrow night-time bump, as from a backup or batch job.</summary>
    Batch,
}
