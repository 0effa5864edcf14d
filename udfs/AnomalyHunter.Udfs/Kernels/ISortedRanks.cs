namespace AnomalyHunter.Udfs.Kernels;

/// <summary>Read access by rank to values in ascending order.</summary>
internal interface ISortedRanks
{
    /// <summary>The value of rank <paramref name="rank"/>.</summary>
    double this[int rank] { get; }
}
