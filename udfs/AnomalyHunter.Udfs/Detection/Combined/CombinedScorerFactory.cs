namespace AnomalyHunter.Udfs.Detection.Combined;

/// <summary>
/// Several passes as one scorer: the deviation is <see cref="PassCombination.Deviation(ReadOnlySpan{double}, double, double, double)"/> of the passes' per-point deviations,
/// the alert is the strongest alert of the alerting passes (passes with an alert output; when none has one, the
/// combined deviation). <see cref="ISeriesScorer.Score"/> writes the alert output.
/// </summary>
public sealed class CombinedScorerFactory : ISeriesScorerFactory
{
    /// <summary>Creates the combination; <paramref name="alerting"/> names the passes whose alerts count (null: every pass that has one), <paramref name="deviating"/> the passes whose deviations form the combined deviation (null: every pass), <paramref name="agreementSpan"/> the points over which another pass may agree (see <see cref="PassCombination.Deviation(ReadOnlySpan{double}, ReadOnlySpan{double}, double, double, double)"/>), <paramref name="learningPeriod"/> how long after a series' first point every pass must agree (see <see cref="PassCombination.Learning"/>; null: none), each corrected for a family <paramref name="learningMargin"/> score points larger, <paramref name="settlingPeriod"/> how long after it the agreement margin is <paramref name="settlingMargin"/> when that is smaller (null: none); <paramref name="family"/> and <paramref name="agreementMargin"/> are those of <see cref="PassCombination.Deviation(ReadOnlySpan{double}, double, double, double)"/>.</summary>
    public CombinedScorerFactory(IReadOnlyList<ISeriesScorerFactory> passes, IReadOnlyCollection<string>? alerting = null, double agreementMargin = double.PositiveInfinity, double family = 1.0, IReadOnlyCollection<string>? deviating = null, int agreementSpan = 1, TimeSpan? learningPeriod = null, TimeSpan? settlingPeriod = null, double settlingMargin = double.PositiveInfinity, double learningMargin = 0.0)
    {
        if (!(learningMargin >= 0.0) || double.IsPositiveInfinity(learningMargin))
        {
            throw new ArgumentOutOfRangeException(nameof(learningMargin), learningMargin, "The learning margin must be 0 or more score points.");
        }

        LearningMargin = learningMargin;
        if (agreementSpan is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(agreementSpan), agreementSpan, "The agreement span must be 1 to 1000 points.");
        }

        AgreementSpan = agreementSpan;
        if (learningPeriod is { } lp && (lp < TimeSpan.Zero || lp > TimeSpan.FromDays(365)))
        {
            throw new ArgumentOutOfRangeException(nameof(learningPeriod), lp, "The learning period must be 0 to 365 days.");
        }

        LearningPeriodMs = learningPeriod is { } period ? (long)period.TotalMilliseconds : 0;
        if (settlingPeriod is { } sp && (sp < TimeSpan.Zero || sp > TimeSpan.FromDays(365)))
        {
            throw new ArgumentOutOfRangeException(nameof(settlingPeriod), sp, "The settling period must be 0 to 365 days.");
        }

        if (!(settlingMargin >= 0.0))
        {
            throw new ArgumentOutOfRangeException(nameof(settlingMargin), settlingMargin, "The settling margin must be 0 or more.");
        }

        SettlingPeriodMs = settlingPeriod is { } settling ? (long)settling.TotalMilliseconds : 0;
        SettlingMargin = Math.Min(settlingMargin, agreementMargin);
        if (!(family >= 1.0) || double.IsPositiveInfinity(family))
        {
            throw new ArgumentOutOfRangeException(nameof(family), family, "The family must be at least 1 point.");
        }

        Family = family;
        if (!(agreementMargin >= 0.0))
        {
            throw new ArgumentOutOfRangeException(nameof(agreementMargin), agreementMargin, "The agreement margin must be 0 or more (infinity: no agreement needed).");
        }

        AgreementMargin = agreementMargin;
        if (passes.Count == 0)
        {
            throw new ArgumentException("At least one pass is needed.", nameof(passes));
        }

        Passes = passes;
        AlertingFlags = [.. passes.Select(p => alerting is null || alerting.Contains(p.Name, StringComparer.Ordinal))];
        DeviatingFlags = [.. passes.Select(p => deviating is null || deviating.Contains(p.Name, StringComparer.Ordinal))];
        Alerting = Array.AsReadOnly(AlertingFlags);
        Deviating = Array.AsReadOnly(DeviatingFlags);
        DeviatingCount = DeviatingFlags.Count(d => d);
        if (DeviatingCount == 0)
        {
            throw new ArgumentException("At least one pass must form the deviation.", nameof(deviating));
        }

        PassNames = [.. passes.Select(p => p.Name)];

        Name = string.Join('+', passes.Select(p => p.Name));
        Fingerprint = string.Join('+', passes.Select((p, i) => p.Fingerprint + (Alerting[i] ? string.Empty : "(quiet)") + (Deviating[i] ? string.Empty : "(alert-only)")))
            + (double.IsPositiveInfinity(agreementMargin) ? string.Empty : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"|agree{agreementMargin:R}"))
            + (agreementSpan == 1 ? string.Empty : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"|span{agreementSpan}"))
            + (LearningPeriodMs == 0 ? string.Empty : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"|learn{LearningPeriodMs}"))
            + (LearningPeriodMs == 0 || learningMargin == 0.0 ? string.Empty : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"m{learningMargin:R}"))
            + (SettlingPeriodMs == 0 || SettlingMargin >= AgreementMargin ? string.Empty : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"|settle{SettlingPeriodMs}m{SettlingMargin:R}"))
            + (family == 1.0 ? string.Empty : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"|family{family:R}"));
    }

    /// <summary>Number of points the combined deviation is corrected for (1: none).</summary>
    public double Family { get; }

    /// <summary>Score points by which one pass's deviation may exceed the next strongest pass's (infinity: no agreement needed).</summary>
    public double AgreementMargin { get; }

    /// <summary>The passes, in order.</summary>
    public IReadOnlyList<ISeriesScorerFactory> Passes { get; }

    /// <summary>Per pass: whether its alert output counts.</summary>
    public IReadOnlyList<bool> Alerting { get; }

    /// <summary>Points (the current one and those before it) over which a second pass may agree with the strongest.</summary>
    public int AgreementSpan { get; }

    /// <summary>Milliseconds after a series' first point during which every deviating pass must agree (0: none).</summary>
    public long LearningPeriodMs { get; }

    /// <summary>Score points added to the family correction in the learning period (see <see cref="PassCombination.Learning"/>).</summary>
    public double LearningMargin { get; }

    /// <summary>Milliseconds after a series' first point during which <see cref="SettlingMargin"/> is the agreement margin (0: none).</summary>
    public long SettlingPeriodMs { get; }

    /// <summary>Agreement margin in the settling period (never above <see cref="AgreementMargin"/>).</summary>
    public double SettlingMargin { get; }

    /// <summary>Per pass: whether its deviation forms the combined deviation (and the windows).</summary>
    public IReadOnlyList<bool> Deviating { get; }

    /// <summary><see cref="Alerting"/> as an array, shared by the scorers (read only): made once here rather than on every create and restore, each batch of each series.</summary>
    internal bool[] AlertingFlags { get; }

    /// <summary><see cref="Deviating"/> as an array, shared by the scorers (read only).</summary>
    internal bool[] DeviatingFlags { get; }

    /// <summary>Number of passes that form the deviation.</summary>
    internal int DeviatingCount { get; }

    /// <summary>Names of the passes, in order, shared by the scorers.</summary>
    internal IReadOnlyList<string> PassNames { get; }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string Fingerprint { get; }

    /// <inheritdoc />
    public ISeriesScorer Create() => new CombinedScorer(this, [.. Passes.Select(p => p.Create())]);

    /// <inheritdoc />
    public ISeriesScorer Restore(ReadOnlySpan<byte> state)
    {
        var scorers = new ISeriesScorer[Passes.Count];
        int at = 0;
        for (int p = 0; p < scorers.Length; p++)
        {
            int length = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(state[at..]);
            scorers[p] = Passes[p].Restore(state.Slice(at + 4, length));
            at += 4 + length;
        }

        var restored = new CombinedScorer(this, scorers);
        if (!restored.TryReadRecent(state[at..]))
        {
            throw new InvalidDataException("The saved combined state does not match the configured passes.");
        }

        return restored;
    }
}
