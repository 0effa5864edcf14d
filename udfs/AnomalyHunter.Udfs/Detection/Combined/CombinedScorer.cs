using System.Buffers;
using System.Buffers.Binary;

namespace AnomalyHunter.Udfs.Detection.Combined;

/// <summary>The scorer of <see cref="CombinedScorerFactory"/>; per-pass deviations are its contributions.</summary>
internal sealed class CombinedScorer : IDeviationSeriesScorer, IContributingSeriesScorer, ICombinedSeriesScorer
{
    private readonly CombinedScorerFactory _factory;
    private readonly ISeriesScorer[] _scorers;
    private readonly double _penalty;
    private double[] _alert = [];
    private double[] _deviation = [];
    private double[] _perPass = [];
    private double[] _ownDeviation = [];
    private double[] _ownAlert = [];

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_part;

    public CombinedScorer(CombinedScorerFactory factory, ISeriesScorer[] scorers)
    {
        _factory = factory;
        _scorers = scorers;
        _penalty = PassCombination.Penalty(scorers.Length);
        PassNames = [.. factory.Passes.Select(p => p.Name)];
    }

    public IReadOnlyList<string> PassNames { get; }

    public void Score(ReadOnlySpan<long> timestampsMs, ReadOnlySpan<double> values, Span<double> scores)
    {
        EnsureCapacity(values.Length);
        ScoreAll(timestampsMs, values, scores, _deviation.AsSpan(0, values.Length), _perPass.AsSpan(0, values.Length * _scorers.Length));
    }

    void IDeviationSeriesScorer.Score(ReadOnlySpan<long> timestampsMs, ReadOnlySpan<double> values, Span<double> alerts, Span<double> deviations)
    {
        EnsureCapacity(values.Length);
        ScoreAll(timestampsMs, values, alerts, deviations, _perPass.AsSpan(0, values.Length * _scorers.Length));
    }

    void IContributingSeriesScorer.Score(ReadOnlySpan<long> timestampsMs, ReadOnlySpan<double> values, Span<double> scores, Span<double> contributions)
    {
        EnsureCapacity(values.Length);
        ScoreAll(timestampsMs, values, _alert.AsSpan(0, values.Length), scores, contributions);
    }

    /// <summary>Scores every pass and writes the combined alert, the combined deviation and each pass's deviation (row-major).</summary>
    public void ScoreAll(ReadOnlySpan<long> timestampsMs, ReadOnlySpan<double> values, Span<double> alerts, Span<double> deviations, Span<double> perPass)
    {
        int n = values.Length;
        int k = _scorers.Length;
        EnsureCapacity(n);
        bool anyAlerting = false;
        alerts[..n].Clear();
        var own = _ownDeviation.AsSpan(0, n);
        var ownAlert = _ownAlert.AsSpan(0, n);
        for (int p = 0; p < k; p++)
        {
            if (_scorers[p] is IDeviationSeriesScorer twoOutputs)
            {
                twoOutputs.Score(timestampsMs, values, ownAlert, own);
                if (_factory.Alerting[p])
                {
                    anyAlerting = true;
                    for (int i = 0; i < n; i++)
                    {
                        alerts[i] = Math.Max(alerts[i], ownAlert[i]);
                    }
                }
            }
            else
            {
                _scorers[p].Score(timestampsMs, values, own);
            }

            for (int i = 0; i < n; i++)
            {
                perPass[(i * k) + p] = own[i];
            }
        }

        for (int i = 0; i < n; i++)
        {
            deviations[i] = PassCombination.Deviation(perPass.Slice(i * k, k), _penalty);
        }

        if (!anyAlerting)
        {
            deviations[..n].CopyTo(alerts);
        }
    }

    public void WriteState(IBufferWriter<byte> writer)
    {
        // why: one scratch writer per thread; a new one per call grows through large-object-heap arrays for every series.
        var part = t_part ??= new ArrayBufferWriter<byte>();
        foreach (var scorer in _scorers)
        {
            part.ResetWrittenCount();
            scorer.WriteState(part);
            BinaryPrimitives.WriteInt32LittleEndian(writer.GetSpan(4), part.WrittenCount);
            writer.Advance(4);
            writer.Write(part.WrittenSpan);
        }
    }

    private void EnsureCapacity(int n)
    {
        if (_deviation.Length < n)
        {
            int size = Math.Max(n, 2 * _deviation.Length);
            _alert = new double[size];
            _deviation = new double[size];
            _perPass = new double[size * _scorers.Length];
            _ownDeviation = new double[size];
            _ownAlert = new double[size];
        }
    }
}
