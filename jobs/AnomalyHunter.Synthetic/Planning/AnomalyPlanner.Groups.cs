using AnomalyHunter.Synthetic.Generation;
using AnomalyHunter.Synthetic.Model;
using AnomalyHunter.Synthetic.Random;

namespace AnomalyHunter.Synthetic.Planning;

/// <summary>Placement of the kinds that may touch several series: missing data (a silent host) and correlated incidents.</summary>
internal sealed partial class AnomalyPlanner
{
    /// <summary>Metrics that can start a host incident; latency and errors are symptoms, not causes.</summary>
    private static readonly HashSet<string> CauseMetrics = new(StringComparer.Ordinal)
    {
        "cpu_utilization", "memory_used_gb", "request_rate", "disk_io_util", "queue_depth",
    };

    private PlannedAnomaly? TryMissingData(ref Xoshiro256StarStar rng, int[] eligible)
    {
        int series = eligible[rng.NextInt(eligible.Length)];
        bool wholeHost = _options.MetricsPerHost >= 2 && rng.NextDouble() < AnomalyShapes.GapHostProbability;
        int length = rng.NextInt(2) == 0
            ? rng.NextInt(AnomalyShapes.GapShortStepsMin, AnomalyShapes.GapShortStepsMax)
            : Hours(rng.Uniform(AnomalyShapes.GapLongHoursMin, AnomalyShapes.GapLongHoursMax));
        int start = RandomStart(ref rng, length);
        int end = start + length - 1;
        int[] members = wholeHost ? HostMembers(series) : [series];
        if (start < 0 || !members.All(m => _occupancy.IsFree(m, start, end)))
        {
            return null;
        }

        var planned = members.Select(m => new PlannedMember(m, 0, start, end, length, 0.0)).ToList();
        var effects = members.Select(m => (m, new Effect(EffectKind.Gap, start, end, 0.0))).ToList();
        return new PlannedAnomaly(AnomalyKind.MissingData, planned, length, wholeHost ? "host" : "series", effects);
    }

    private PlannedAnomaly? TryIncident(ref Xoshiro256StarStar rng)
    {
        bool hostGroup = _options.MetricsPerHost >= 2 && (_options.HostsPerService < 2 || rng.NextInt(2) == 0);
        int anchor = rng.NextInt(_models.Count);
        int plateau = rng.NextInt(AnomalyShapes.IncidentPlateauMin, AnomalyShapes.IncidentPlateauMax);
        int length = plateau + (2 * AnomalyShapes.IncidentRampSteps);
        int start = RandomStart(ref rng, length, _options.MaxIncidentLagSteps);
        int sharedSign = rng.NextInt(2) == 0 ? 1 : -1;
        if (start < 0)
        {
            return null;
        }

        int[] group = hostGroup ? HostMembers(anchor) : ServiceMetricMembers(anchor);
        int origin = hostGroup ? PickCause(ref rng, group) : anchor;
        var ordered = new List<int>(group.Length) { origin };
        ordered.AddRange(group.Where(g => g != origin));
        double[] shape = Trapezoid(plateau);
        bool surge = string.Equals(_models[origin].Info.Metric, "request_rate", StringComparison.Ordinal);
        var members = new List<PlannedMember>(ordered.Count);
        var effects = new List<(int Series, Effect Effect)>(ordered.Count);
        foreach (int series in ordered)
        {
            bool isOrigin = series == origin;
            int lag = isOrigin ? 0 : rng.NextInt(1, _options.MaxIncidentLagSteps);
            double sigmas = isOrigin
                ? rng.Uniform(AnomalyShapes.IncidentOriginSigmasMin, AnomalyShapes.IncidentOriginSigmasMax)
                : rng.Uniform(AnomalyShapes.IncidentFollowerSigmasMin, AnomalyShapes.IncidentFollowerSigmasMax);
            SeriesModel model = _models[series];
            int direction = !hostGroup ? sharedSign : surge ? 1 : model.Profile.IncidentDirection;
            int from = start + lag;
            int to = from + length - 1;
            double amplitude = direction * sigmas * model.SigmaAt(from);
            var effect = new Effect(EffectKind.Shaped, from, to, amplitude, shape);
            if (!_occupancy.IsFree(series, from, to) || !FitsBounds(model, from, to, effect, direction))
            {
                return null;
            }

            members.Add(new PlannedMember(series, lag, from, to, amplitude, sigmas));
            effects.Add((series, effect));
        }

        return new PlannedAnomaly(AnomalyKind.CorrelatedIncident, members, members[0].Magnitude, hostGroup ? "host" : "service", effects);
    }

    private int PickCause(ref Xoshiro256StarStar rng, int[] group)
    {
        int[] causes = [.. group.Where(g => CauseMetrics.Contains(_models[g].Info.Metric))];
        return causes.Length > 0 ? causes[rng.NextInt(causes.Length)] : group[rng.NextInt(group.Length)];
    }

    /// <summary>All metrics of the host of <paramref name="series"/> (series of a host are consecutive).</summary>
    private int[] HostMembers(int series)
    {
        int perHost = _options.MetricsPerHost;
        int first = series / perHost * perHost;
        return [.. Enumerable.Range(first, perHost)];
    }

    /// <summary>The metric of <paramref name="series"/> on every host of its service.</summary>
    private int[] ServiceMetricMembers(int series)
    {
        int perHost = _options.MetricsPerHost;
        int hosts = _options.HostsPerService;
        int host = series / perHost;
        int metric = series % perHost;
        int firstHost = host / hosts * hosts;
        return [.. Enumerable.Range(firstHost, hosts).Select(h => (h * perHost) + metric)];
    }

    private static double[] Trapezoid(int plateau)
    {
        int ramp = AnomalyShapes.IncidentRampSteps;
        var shape = new double[plateau + (2 * ramp)];
        for (int j = 0; j < shape.Length; j++)
        {
            int fromEdge = Math.Min(j + 1, shape.Length - j);
            shape[j] = Math.Min(1.0, fromEdge / (ramp + 1.0));
        }

        return shape;
    }
}
