using AnomalyHunter.Udfs.Detection;
using AnomalyHunter.Udfs.Kernels;
using AnomalyHunter.Udfs.Sampling;

namespace AnomalyHunter.Udfs.Multivariate;

/// <summary>A PCA model of a group of series (columns) that scores rows by Hotelling T² and the SPE, with each series' contribution to both.</summary>
/// <remarks>
/// Row d = (x − centre)/scale − mean (a missing value is imputed at the mean: it adds nothing to either statistic);
/// t = Pₖᵀd; T² = Σ t_j²/λ_j; residual r = d − Pₖt; SPE = Σ r_i² over present columns. Contributions: series i adds
/// d_i·(Pₖ Λₖ⁻¹ t)_i to T² (the complete decomposition, which sums to T² and may be slightly negative) and r_i² to the SPE.
/// The row's score is the score of min(1, 2·min(P_T², P_SPE)) (<see cref="ControlLimits"/>), read from tail tables
/// filled as rows need them (<see cref="TailTable"/>; the T² table is shared by models of equal k and rows), so scoring a row costs O(columns × k) arithmetic and two lookups.
/// </remarks>
public sealed class PcaModel
{
    // why: a deviation this many scales out is certain either way; the cap keeps squares and products finite.
    private const double MaxStandardised = 1e100;
    private const int StackLimit = 256;
    private const double Log10Two = 0.30102999566398120;
    private readonly double[] _centers;
    private readonly double[] _invScales;
    private readonly double[] _means;
    private readonly double[] _loadings;
    private readonly double[] _invLambda;
    private readonly double _theta1;
    private readonly double _theta2;
    private readonly double _theta3;
    private readonly double _speTolerance;
    private readonly TailTable? _t2Table;
    private readonly TailTable? _speTable;

    internal PcaModel(double[] centers, double[] scales, double[] means, double[] eigenvalues, double[] vectors, int k, int rows, long seenRows, double rankError, double speTolerance)
    {
        int p = centers.Length;
        Columns = p;
        Components = k;
        Rows = rows;
        SeenRows = seenRows;
        QuantileRankError = rankError;
        Eigenvalues = eigenvalues;
        Centers = centers;
        Scales = scales;
        _centers = centers;
        _invScales = scales.Select(s => 1.0 / s).ToArray();
        _means = means;
        _loadings = new double[p * k];
        for (int i = 0; i < p; i++)
        {
            for (int j = 0; j < k; j++)
            {
                _loadings[(i * k) + j] = vectors[(i * p) + j];
            }
        }

        _invLambda = eigenvalues.Take(k).Select(l => 1.0 / l).ToArray();
        for (int j = k; j < p; j++)
        {
            _theta1 += eigenvalues[j];
            _theta2 += eigenvalues[j] * eigenvalues[j];
            _theta3 += eigenvalues[j] * eigenvalues[j] * eigenvalues[j];
        }

        _speTolerance = speTolerance;
        _t2Table = k == 0 ? null : T2TailTables.For(k, rows);
        _speTable = _theta1 > speTolerance && _theta2 > 0.0
            ? new TailTable(spe => ControlLimits.SpeLog10Tail(spe, _theta1, _theta2, _theta3, speTolerance))
            : null;
        double total = eigenvalues.Sum();
        ExplainedShare = total > 0.0 ? eigenvalues.Take(k).Sum() / total : 0.0;
    }

    /// <summary>Number of series (columns).</summary>
    public int Columns { get; }

    /// <summary>Kept principal components k.</summary>
    public int Components { get; }

    /// <summary>Rows the model was fitted on (after sampling).</summary>
    public int Rows { get; }

    /// <summary>Rows of history the sample was drawn from.</summary>
    public long SeenRows { get; }

    /// <summary>Bound on the rank error of each fitted centre (medians) caused by sampling; 0 without sampling.</summary>
    public double QuantileRankError { get; }

    /// <summary>Share of the standardised variance the kept components explain.</summary>
    public double ExplainedShare { get; }

    /// <summary>All eigenvalues of the standardised covariance, descending.</summary>
    public IReadOnlyList<double> Eigenvalues { get; }

    /// <summary>Robust centre (median) of each column.</summary>
    public IReadOnlyList<double> Centers { get; }

    /// <summary>Robust scale (1.4826·MAD, with fallbacks) of each column.</summary>
    public IReadOnlyList<double> Scales { get; }

    /// <summary>Fits a model to a row-major matrix (rows × <paramref name="columns"/>, NaN where a series has no point); a history over the sampling budget is sampled by <see cref="StratifiedSampler"/>.</summary>
    public static PcaModel Fit(ReadOnlySpan<long> timestampsMs, ReadOnlySpan<double> matrix, int columns, PcaOptions options)
    {
        options.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        if (matrix.Length != timestampsMs.Length * columns)
        {
            throw new ArgumentException("The matrix must hold one row of all columns per timestamp.", nameof(matrix));
        }

        if (timestampsMs.Length < 2)
        {
            throw new ArgumentException("At least two rows are needed to fit a model.", nameof(timestampsMs));
        }

        StratifiedSample sample = StratifiedSampler.Select(timestampsMs, options.Sampling);
        var rows = new double[sample.Indices.Length * columns];
        for (int r = 0; r < sample.Indices.Length; r++)
        {
            matrix.Slice(sample.Indices[r] * columns, columns).CopyTo(rows.AsSpan(r * columns));
        }

        return PcaFitter.Fit(rows, sample.Indices.Length, columns, options, timestampsMs.Length, sample.QuantileRankError);
    }

    /// <summary>Scores one row (NaN for missing series) and, unless empty, writes each series' T² and SPE contributions; a row with no finite value scores 0.</summary>
    public PcaRowScore Score(ReadOnlySpan<double> row, Span<double> t2Contributions, Span<double> speContributions)
    {
        int p = Columns;
        int k = Components;
        if (row.Length != p || (!t2Contributions.IsEmpty && t2Contributions.Length != p) || (!speContributions.IsEmpty && speContributions.Length != p))
        {
            throw new ArgumentException("The row and contributions must have one value per column.", nameof(row));
        }

        Span<double> d = p <= StackLimit ? stackalloc double[p] : new double[p];
        Span<double> t = k <= StackLimit ? stackalloc double[k] : new double[k];
        Span<double> w = k <= StackLimit ? stackalloc double[k] : new double[k];
        t.Clear();
        int present = 0;
        for (int i = 0; i < p; i++)
        {
            double x = row[i];
            if (!double.IsFinite(x))
            {
                d[i] = 0.0;
                continue;
            }

            present++;
            double di = Math.Clamp(((x - _centers[i]) * _invScales[i]) - _means[i], -MaxStandardised, MaxStandardised);
            d[i] = di;
            ReadOnlySpan<double> load = _loadings.AsSpan(i * k, k);
            for (int j = 0; j < k; j++)
            {
                t[j] += load[j] * di;
            }
        }

        if (present == 0)
        {
            t2Contributions.Clear();
            speContributions.Clear();
            return default;
        }

        double t2 = 0.0;
        for (int j = 0; j < k; j++)
        {
            w[j] = t[j] * _invLambda[j];
            t2 += t[j] * w[j];
        }

        double spe = 0.0;
        bool withT2 = !t2Contributions.IsEmpty;
        bool withSpe = !speContributions.IsEmpty;
        for (int i = 0; i < p; i++)
        {
            ReadOnlySpan<double> load = _loadings.AsSpan(i * k, k);
            double fitted = 0.0;
            double weighted = 0.0;
            for (int j = 0; j < k; j++)
            {
                fitted += load[j] * t[j];
                weighted += load[j] * w[j];
            }

            double r = double.IsFinite(row[i]) ? d[i] - fitted : 0.0;
            spe += r * r;
            if (withT2)
            {
                t2Contributions[i] = d[i] * weighted;
            }

            if (withSpe)
            {
                speContributions[i] = r * r;
            }
        }

        double logT2 = _t2Table?.Log10Tail(t2) ?? 0.0;
        double logSpe = spe <= _speTolerance ? 0.0 : _speTable?.Log10Tail(spe) ?? TailTable.FloorLog10;
        double logCombined = k == 0 ? logSpe : Math.Min(0.0, Log10Two + Math.Min(logT2, logSpe));
        return new PcaRowScore(ToScore(logCombined), t2, spe, ToScore(logT2), ToScore(logSpe));
    }

    // why: adding +0.0 turns the −0.0 of a zero tail exponent into +0.0, so silent rows equal default(PcaRowScore) bit for bit.
    private static double ToScore(double log10Tail) => Math.Min(ScoreScale.Max, -10.0 * log10Tail) + 0.0;

    internal void Write(ref StateBufferWriter w)
    {
        w.Write(Columns);
        w.Write(Components);
        w.Write(Rows);
        w.Write(SeenRows);
        w.Write(QuantileRankError);
        w.Write(_speTolerance);
        w.Write(_centers);
        w.Write(Scales.ToArray());
        w.Write(_means);
        w.Write(Eigenvalues.ToArray());
        var vectors = new double[Columns * Columns];
        for (int i = 0; i < Columns; i++)
        {
            _loadings.AsSpan(i * Components, Components).CopyTo(vectors.AsSpan(i * Columns));
        }

        w.Write(vectors);
    }

    internal static PcaModel Read(ref StateBufferReader r, int columns)
    {
        int p = r.ReadInt32();
        int k = r.ReadInt32();
        int rows = r.ReadInt32();
        long seen = r.ReadInt64();
        double rankError = r.ReadDouble();
        double tolerance = r.ReadDouble();
        if (p != columns || k < 0 || k > p || rows < 1)
        {
            throw new InvalidDataException("Saved PCA model does not fit this group.");
        }

        double[] centers = r.ReadDoubles(p);
        double[] scales = r.ReadDoubles(p);
        double[] means = r.ReadDoubles(p);
        double[] eigenvalues = r.ReadDoubles(p);
        double[] vectors = r.ReadDoubles(p * p);
        if (centers.Length != p || scales.Length != p || means.Length != p || eigenvalues.Length != p || vectors.Length != p * p)
        {
            throw new InvalidDataException("Saved PCA model is truncated.");
        }

        return new PcaModel(centers, scales, means, eigenvalues, vectors, k, rows, seen, rankError, tolerance);
    }
}
