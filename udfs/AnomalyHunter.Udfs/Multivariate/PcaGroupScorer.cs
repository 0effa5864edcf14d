using System.Buffers;
using AnomalyHunter.Udfs.Kernels;
using AnomalyHunter.Udfs.Sampling;

namespace AnomalyHunter.Udfs.Multivariate;

/// <summary>A causal PCA scorer for one group of series: each row is scored by the model fitted on the rows before it; state is bounded and serialisable.</summary>
/// <remarks>
/// Rows with at least one finite value are counted; refits happen when that absolute count reaches MinRows·2^k (below
/// RefitEvery) or a multiple of RefitEvery, on the streaming stratified sample of the history
/// (<see cref="StratifiedReservoir"/>), so daily batches, a restored state and one backfill agree bit for bit.
/// Rows before the first fit, and rows with no finite value, score 0 and contribute nothing.
/// </remarks>
public sealed class PcaGroupScorer
{
    [ThreadStatic]
    private static PcaRowScore[]? t_rows;

    private readonly PcaOptions _o;
    private readonly StratifiedReservoir _sample;
    private long _count;

    internal PcaGroupScorer(PcaOptions o, int columns)
    {
        _o = o;
        Columns = columns;
        _sample = new StratifiedReservoir(columns, o.Sampling);
    }

    /// <summary>Number of series in the group.</summary>
    public int Columns { get; }

    /// <summary>The current model; null before the first fit.</summary>
    public PcaModel? Model { get; private set; }

    /// <summary>Scores rows (row-major, rows × <see cref="Columns"/>) into <paramref name="scores"/>; contributions (rows × columns) are written unless empty.</summary>
    public void Score(ReadOnlySpan<long> timestampsMs, ReadOnlySpan<double> matrix, Span<double> scores, Span<double> t2Contributions, Span<double> speContributions)
    {
        int n = timestampsMs.Length;
        if (scores.Length != n)
        {
            throw new ArgumentException("Scores must hold one value per row.", nameof(scores));
        }

        // why: a per-thread buffer rather than a shared pool of this one type, whose trimming runs after every full collection.
        PcaRowScore[] rows = t_rows is { } kept && kept.Length >= n ? kept : (t_rows = new PcaRowScore[Math.Max(n, 2 * (t_rows?.Length ?? 0))]);
        Score(timestampsMs, matrix, rows.AsSpan(0, n), t2Contributions, speContributions);
        for (int i = 0; i < n; i++)
        {
            scores[i] = rows[i].Score;
        }
    }

    /// <summary>Like the score-only overload, writing every row's statistics and partial scores.</summary>
    public void Score(ReadOnlySpan<long> timestampsMs, ReadOnlySpan<double> matrix, Span<PcaRowScore> rows, Span<double> t2Contributions, Span<double> speContributions)
    {
        int n = timestampsMs.Length;
        int p = Columns;
        if (matrix.Length != n * p || rows.Length != n
            || (!t2Contributions.IsEmpty && t2Contributions.Length != n * p)
            || (!speContributions.IsEmpty && speContributions.Length != n * p))
        {
            throw new ArgumentException("The matrix and contributions must hold rows × columns values and the scores one per row.", nameof(matrix));
        }

        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<double> row = matrix.Slice(i * p, p);
            Span<double> t2c = t2Contributions.IsEmpty ? Span<double>.Empty : t2Contributions.Slice(i * p, p);
            Span<double> spec = speContributions.IsEmpty ? Span<double>.Empty : speContributions.Slice(i * p, p);
            bool any = false;
            foreach (double x in row)
            {
                any |= double.IsFinite(x);
            }

            if (!any || Model is null)
            {
                rows[i] = default;
                t2c.Clear();
                spec.Clear();
            }
            else
            {
                rows[i] = Model.Score(row, t2c, spec);
            }

            if (any)
            {
                _sample.Add(_count, timestampsMs[i], row);
                _count++;
                if (IsRefitCount(_count))
                {
                    Refit();
                }
            }
        }
    }

    /// <summary>Writes the full state, so that the factory's Restore continues exactly from here.</summary>
    public void WriteState(IBufferWriter<byte> writer)
    {
        var w = new StateBufferWriter(writer);
        w.Write(PcaGroupScorerFactory.StateVersion);
        w.Write(Columns);
        w.Write(_count);
        _sample.Write(ref w);
        w.Write(Model is null ? 0 : 1);
        Model?.Write(ref w);
    }

    internal static PcaGroupScorer Restore(PcaOptions o, ReadOnlySpan<byte> state)
    {
        var r = new StateBufferReader(state);
        if (r.ReadInt32() != PcaGroupScorerFactory.StateVersion)
        {
            throw new InvalidDataException("Saved PCA state has another version.");
        }

        int columns = r.ReadInt32();
        if (columns is < 1 or > PcaGroupScorerFactory.MaxColumns)
        {
            throw new InvalidDataException("Saved PCA state has an invalid number of series.");
        }

        var scorer = new PcaGroupScorer(o, columns) { _count = r.ReadInt64() };
        scorer._sample.Read(ref r);
        if (r.ReadInt32() == 1)
        {
            scorer.Model = PcaModel.Read(ref r, columns);
        }

        r.EnsureEnd();
        return scorer;
    }

    private bool IsRefitCount(long count)
    {
        if (count < _o.MinRows)
        {
            return false;
        }

        if (count % _o.RefitEvery == 0)
        {
            return true;
        }

        if (count >= _o.RefitEvery || count % _o.MinRows != 0)
        {
            return false;
        }

        long ratio = count / _o.MinRows;
        return (ratio & (ratio - 1)) == 0;
    }

    private void Refit()
    {
        // why: the sample's copy reaches the large-object heap; a fresh array per refit forced full collections.
        double[] rows = ArrayPool<double>.Shared.Rent(_sample.Capacity * Columns);
        try
        {
            (int kept, long seen) = _sample.CopyRows(rows);
            if (kept < 2)
            {
                return;
            }

            double rankError = kept >= seen ? 0.0 : SampleErrorBounds.QuantileRankError(kept, _o.Sampling.Delta);
            Model = PcaFitter.Fit(rows.AsSpan(0, kept * Columns), kept, Columns, _o, seen, rankError);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rows);
        }
    }
}
