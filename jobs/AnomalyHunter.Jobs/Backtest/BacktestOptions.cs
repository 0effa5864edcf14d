using AnomalyHunter.Udfs.Options;

namespace AnomalyHunter.Jobs.Backtest;

/// <summary>Settings of a backtest replay.</summary>
public sealed record BacktestOptions
{
    /// <summary>Default batch length: one UTC day.</summary>
    public static readonly TimeSpan DefaultBatch = TimeSpan.FromDays(1);

    /// <summary>Length of each replayed batch (1 minute to 366 days); batches are aligned to the Unix epoch, so 1 day means UTC days.</summary>
    public TimeSpan Batch { get; init; } = DefaultBatch;

    /// <summary>Throws when a setting is outside its allowed range.</summary>
    public void Validate()
    {
        if (Batch < TimeSpan.FromMinutes(1) || Batch > TimeSpan.FromDays(366))
        {
            throw new OptionsValidationException("--batch", $"{Batch} is outside the allowed range 00:01:00..366.00:00:00.");
        }
    }
}
