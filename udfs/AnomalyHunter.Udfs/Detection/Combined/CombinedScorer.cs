using System.Buffers;
using System.Buffers.Binary;

namespace AnomalyHunter.Udfs.Detection.Combined;

/// <summary>The scorer of <see cref="CombinedScorerFactory"/>; per-pass deviations are its contributions.</summary>
internal sealed class CombinedScorer : IDeviationSeriesScorer, IContributingSeriesScorer, ICombinedSeriesScorer
{
    private readonly CombinedScorerFactory _factory;
    private readonly ISeriesScorer[] _scorers;
    private readonly double _penalty;
    private readonly int _deviatingCount;

    // why: the factory's flags as arrays (shared, read only), read for every pass of every point without interface calls.
    private readonly bool[] _deviating;
    private readonly bool[] _alerting;

    // why: each deviating pass's scores on the last AgreementSpan − 1 points, ring-ordered (point-major), for agreement across nearby points.
    private readonly double[] _recent;
    private int _recentHead;

    // why: the time of the series' first point, so the learning and settling periods are measured in time, not points.
    private long _firstMs = long.MinValue;

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
        _deviatingCount = factory.DeviatingCount;
        _penalty = PassCombination.Penalty(_deviatingCount);
        _deviating = factory.DeviatingFlags;
        _alerting = factory.AlertingFlags;
        PassNames = factory.PassNames;
        _recent = new double[(factory.AgreementSpan - 1) * _deviatingCount];
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
            bool deviating = _deviating[p];
            if (_scorers[p] is IDeviationSeriesScorer twoOutputs)
            {
                if (twoOutputs is IPointDeviationScorer perPoint)
                {
                    perPoint.ScorePerPoint(timestampsMs, values, ownAlert, own);
                }
                else
                {
                    twoOutputs.Score(timestampsMs, values, ownAlert, own);
                }

                if (_alerting[p])
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
                // why: a pass that only alerts does not shape the windows, so it is not reported as one of their passes.
                perPass[(i * k) + p] = deviating ? own[i] : 0.0;
            }
        }

        double family = PassCombination.FamilyPenalty(_factory.Family);
        Span<double> counted = stackalloc double[_deviatingCount];
        Span<double> recent = stackalloc double[_deviatingCount];
        int d = _deviatingCount;
        int slots = _factory.AgreementSpan - 1;
        for (int i = 0; i < n; i++)
        {
            var row = perPass.Slice(i * k, k);
            for (int p = 0, c = 0; p < k; p++)
            {
                if (_deviating[p])
                {
                    counted[c++] = row[p];
                }
            }

            counted.CopyTo(recent);
            for (int slot = 0; slot < slots; slot++)
            {
                for (int c = 0; c < d; c++)
                {
                    recent[c] = Math.Max(recent[c], _recent[(slot * d) + c]);
                }
            }

            if (_firstMs == long.MinValue)
            {
                _firstMs = timestampsMs[i];
            }

            long age = timestampsMs[i] - _firstMs;
            double margin = age < _factory.SettlingPeriodMs ? _factory.SettlingMargin : _factory.AgreementMargin;
            deviations[i] = PassCombination.Deviation(counted, recent, _penalty, family, margin);
            if (age < _factory.LearningPeriodMs)
            {
                deviations[i] = PassCombination.Learning(deviations[i], recent, family + _factory.LearningMargin);
            }

            if (slots > 0)
            {
                counted.CopyTo(_recent.AsSpan(_recentHead * d, d));
                _recentHead = _recentHead + 1 == slots ? 0 : _recentHead + 1;
            }

            for (int p = 0; p < k; p++)
            {
                // why: each pass reports, like the combination, how rare the point is among the many points watched.
                row[p] = ScoreScale.CorrectForPenalty(row[p], family);
            }
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

        BinaryPrimitives.WriteInt32LittleEndian(writer.GetSpan(4), _recentHead);
        writer.Advance(4);
        foreach (double v in _recent)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(writer.GetSpan(8), v);
            writer.Advance(8);
        }

        BinaryPrimitives.WriteInt64LittleEndian(writer.GetSpan(8), _firstMs);
        writer.Advance(8);
    }

    /// <summary>Reads the recent pass scores and the first point's time written after the passes' states; false when they do not match the configuration.</summary>
    internal bool TryReadRecent(ReadOnlySpan<byte> state)
    {
        if (state.Length != 4 + (8 * _recent.Length) + 8)
        {
            return false;
        }

        _firstMs = BinaryPrimitives.ReadInt64LittleEndian(state[(4 + (8 * _recent.Length))..]);
        _recentHead = BinaryPrimitives.ReadInt32LittleEndian(state);
        for (int j = 0; j < _recent.Length; j++)
        {
            _recent[j] = BinaryPrimitives.ReadDoubleLittleEndian(state[(4 + (8 * j))..]);
        }

        return _recent.Length == 0 ? _recentHead == 0 : (uint)_recentHead < (uint)(_recent.Length / _deviatingCount);
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
