namespace AnomalyHunter.Udfs.Detection.Combined;

/// <summary>
/// Several passes as one scorer: the deviation is <see cref="PassCombination.Deviation"/> of the passes' deviations,
/// the alert is the strongest alert of the alerting passes (passes with an alert output; when none has one, the
/// combined deviation). <see cref="ISeriesScorer.Score"/> writes the alert output.
/// </summary>
public sealed class CombinedScorerFactory : ISeriesScorerFactory
{
    /// <summary>Creates the combination; <paramref name="alerting"/> names the passes whose alerts count (null: every pass that has one).</summary>
    public CombinedScorerFactory(IReadOnlyList<ISeriesScorerFactory> passes, IReadOnlyCollection<string>? alerting = null)
    {
        if (passes.Count == 0)
        {
            throw new ArgumentException("At least one pass is needed.", nameof(passes));
        }

        Passes = passes;
        Alerting = [.. passes.Select(p => alerting is null || alerting.Contains(p.Name, StringComparer.Ordinal))];
        Name = string.Join('+', passes.Select(p => p.Name));
        Fingerprint = string.Join('+', passes.Select((p, i) => p.Fingerprint + (Alerting[i] ? string.Empty : "(quiet)")));
    }

    /// <summary>The passes, in order.</summary>
    public IReadOnlyList<ISeriesScorerFactory> Passes { get; }

    /// <summary>Per pass: whether its alert output counts.</summary>
    public IReadOnlyList<bool> Alerting { get; }

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

        if (at != state.Length)
        {
            throw new InvalidDataException("The saved combined state does not match the configured passes.");
        }

        return new CombinedScorer(this, scorers);
    }
}
