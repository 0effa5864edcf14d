namespace AnomalyHunter.Investigation.Llm;

/// <summary>
/// A run's budget of tokens and money. A call first reserves its worst case (prompt estimate plus the output limit); the
/// reservation is replaced by the actual usage when the call returns. When a reservation does not fit, the call is not made.
/// </summary>
public sealed class LlmBudget
{
    private readonly Lock _gate = new();
    private long _tokens;
    private double _cost;

    /// <summary>Creates a budget; 0 means unlimited.</summary>
    public LlmBudget(long maxTokens, double maxCost)
    {
        MaxTokens = maxTokens;
        MaxCost = maxCost;
    }

    /// <summary>Most tokens per run (0: unlimited).</summary>
    public long MaxTokens { get; }

    /// <summary>Most money per run (0: unlimited).</summary>
    public double MaxCost { get; }

    /// <summary>Tokens used or reserved.</summary>
    public long Tokens
    {
        get
        {
            lock (_gate)
            {
                return _tokens;
            }
        }
    }

    /// <summary>Money used or reserved.</summary>
    public double Cost
    {
        get
        {
            lock (_gate)
            {
                return _cost;
            }
        }
    }

    /// <summary>Reserves a call's worst case; false when it does not fit.</summary>
    public bool TryReserve(long tokens, double cost)
    {
        lock (_gate)
        {
            if ((MaxTokens > 0 && _tokens + tokens > MaxTokens) || (MaxCost > 0 && _cost + cost > MaxCost))
            {
                return false;
            }

            _tokens += tokens;
            _cost += cost;
            return true;
        }
    }

    /// <summary>Replaces a reservation by the actual usage.</summary>
    public void Settle(long reservedTokens, double reservedCost, long usedTokens, double usedCost)
    {
        lock (_gate)
        {
            _tokens += usedTokens - reservedTokens;
            _cost += usedCost - reservedCost;
        }
    }
}
