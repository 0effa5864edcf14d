namespace AnomalyHunter.Synthetic.Planning;

/// <summary>The labelled intervals already placed on each series, so that anomalies never overlap on one series.</summary>
internal sealed class Occupancy
{
    private readonly List<(int Start, int End)>[] _taken;
    private readonly bool[] _persistent;
    private readonly int _separation;

    public Occupancy(int seriesCount, int separationSteps)
    {
        _taken = new List<(int Start, int End)>[seriesCount];
        _persistent = new bool[seriesCount];
        _separation = separationSteps;
    }

    /// <summary>True when [start, end] keeps the separation from everything placed on <paramref name="series"/>.</summary>
    public bool IsFree(int series, int start, int end)
    {
        List<(int Start, int End)>? taken = _taken[series];
        if (taken is null)
        {
            return true;
        }

        foreach ((int s, int e) in taken)
        {
            if (end + _separation >= s && start <= e + _separation)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when a level shift or trend change already sits on the series (at most one each, to keep values in bounds).</summary>
    public bool HasPersistent(int series) => _persistent[series];

    public void Reserve(int series, int start, int end, bool persistent)
    {
        (_taken[series] ??= []).Add((start, end));
        _persistent[series] |= persistent;
    }
}
