namespace AnomalyHunter.Quality.Nab;

/// <summary>One NAB cost profile: the weights of a true positive, a false positive and a missed window.</summary>
public sealed record NabProfile(string Name, double TpWeight, double FpWeight, double FnWeight)
{
    /// <summary>NAB's standard profile.</summary>
    public static NabProfile Standard { get; } = new("standard", 1.0, 0.11, 1.0);

    /// <summary>NAB's profile that charges false positives twice.</summary>
    public static NabProfile RewardLowFp { get; } = new("reward_low_FP", 1.0, 0.22, 1.0);

    /// <summary>NAB's profile that charges missed windows twice.</summary>
    public static NabProfile RewardLowFn { get; } = new("reward_low_FN", 1.0, 0.11, 2.0);

    /// <summary>The three profiles in NAB's order.</summary>
    public static IReadOnlyList<NabProfile> All { get; } = [Standard, RewardLowFp, RewardLowFn];
}
