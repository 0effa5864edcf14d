namespace AnomalyHunter.Synthetic.Generation;

/// <summary>How a seasonality break changes the daily pattern.</summary>
internal enum SeasonMode
{
    /// <summary>The daily pattern disappears (a holiday, a stalled job).</summary>
    Flatten,

    /// <summary>The daily pattern is turned upside down.</summary>
    Invert,

    /// <summary>The daily pattern runs some hours early or late (a clock or time-zone error).</summary>
    Shift,
}
