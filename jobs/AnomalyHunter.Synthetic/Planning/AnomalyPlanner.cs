using System.Globalization;
using AnomalyHunter.Synthetic.Generation;
using AnomalyHunter.Synthetic.Model;
using AnomalyHunter.Synthetic.Options;
using AnomalyHunter.Synthetic.Random;

namespace AnomalyHunter.Synthetic.Planning;

/// <summary>Places the requested anomalies on the series, records their effects on the models, and returns the labels.</summary>
internal sealed partial class AnomalyPlanner
{
    /// <summary>Placement order: persistent kinds first, so that later bound checks see their offsets; groups before singles.</summary>
    private static readonly AnomalyKind[] PlacementOrder =
    [
        AnomalyKind.LevelShift, AnomalyKind.TrendChange, AnomalyKind.CorrelatedIncident, AnomalyKind.MissingData,
        AnomalyKind.SeasonalityBreak, AnomalyKind.VarianceChange, AnomalyKind.Spike, AnomalyKind.Dip,
    ];

    private readonly SyntheticOptions _options;
    private readonly IReadOnlyList<SeriesModel> _models;
    private readonly Occupancy _occupancy;
    private readonly int _quietSteps;
    private readonly int _totalSteps;
    private readonly int _stepsPerDay;
    private readonly double _stepsPerHour;

    public AnomalyPlanner(SyntheticOptions options, IReadOnlyList<SeriesModel> models)
    {
        _options = options;
        _models = models;
        _stepsPerDay = options.StepsPerDay;
        _totalSteps = options.TotalSteps;
        _quietSteps = options.QuietDays * _stepsPerDay;
        _stepsPerHour = _stepsPerDay / 24.0;
        _occupancy = new Occupancy(models.Count, (int)(options.MinSeparation.Ticks / options.Step.Ticks));
    }

    public IReadOnlyList<AnomalyLabel> Plan()
    {
        var planned = new List<PlannedAnomaly>();
        foreach (AnomalyKind kind in PlacementOrder)
        {
            int count = _options.Anomalies.Get(kind);
            var rng = Xoshiro256StarStar.ForStream((ulong)_options.Seed, RandomStreams.Planning, (ulong)kind);
            int[] eligible = Eligible(kind);
            for (int n = 0; n < count; n++)
            {
                PlannedAnomaly anomaly = PlaceOne(kind, ref rng, eligible)
                    ?? throw new SyntheticOptionsException(
                        "Synthetic:Anomalies:" + kind,
                        string.Create(CultureInfo.InvariantCulture, $"could only place {n} of {count} {kind.ToName()} anomalies without overlaps after the {_options.QuietDays} quiet days; ask for fewer, add series or days, or lower MinSeparation."));
                Commit(anomaly);
                planned.Add(anomaly);
            }
        }

        return ToLabels(planned);
    }

    private PlannedAnomaly? PlaceOne(AnomalyKind kind, ref Xoshiro256StarStar rng, int[] eligible)
    {
        if (eligible.Length == 0)
        {
            return null;
        }

        for (int attempt = 0; attempt < AnomalyShapes.MaxAttempts; attempt++)
        {
            PlannedAnomaly? anomaly = kind switch
            {
                AnomalyKind.Spike => TrySpike(ref rng, eligible, +1),
                AnomalyKind.Dip => TrySpike(ref rng, eligible, -1),
                AnomalyKind.LevelShift => TryLevelShift(ref rng, eligible),
                AnomalyKind.TrendChange => TryTrendChange(ref rng, eligible),
                AnomalyKind.VarianceChange => TryVarianceChange(ref rng, eligible),
                AnomalyKind.SeasonalityBreak => TrySeasonalityBreak(ref rng, eligible),
                AnomalyKind.MissingData => TryMissingData(ref rng, eligible),
                _ => TryIncident(ref rng),
            };
            if (anomaly is not null)
            {
                return anomaly;
            }
        }

        return null;
    }

    private int[] Eligible(AnomalyKind kind)
    {
        var list = new List<int>();
        foreach (SeriesModel model in _models)
        {
            if (model.Profile.Eligible.Contains(kind))
            {
                list.Add(model.Info.Index);
            }
        }

        return [.. list];
    }

    /// <summary>A random start so that <paramref name="length"/> steps (plus <paramref name="tail"/>) fit after the quiet days; −1 when they cannot.</summary>
    private int RandomStart(ref Xoshiro256StarStar rng, int length, int tail = 0)
    {
        int last = _totalSteps - length - tail;
        return last < _quietSteps ? -1 : rng.NextInt(_quietSteps, last);
    }

    private int Hours(double hours) => Math.Max(1, (int)Math.Round(hours * _stepsPerHour));

    private void Commit(PlannedAnomaly anomaly)
    {
        bool persistent = anomaly.Kind is AnomalyKind.LevelShift or AnomalyKind.TrendChange;
        foreach (PlannedMember member in anomaly.Members)
        {
            _occupancy.Reserve(member.Series, member.Start, member.End, persistent);
        }

        foreach ((int series, Effect effect) in anomaly.Effects)
        {
            _models[series].AddEffect(effect);
        }
    }

    private List<AnomalyLabel> ToLabels(List<PlannedAnomaly> planned)
    {
        planned.Sort((a, b) =>
        {
            int c = a.Start.CompareTo(b.Start);
            c = c != 0 ? c : a.Kind.CompareTo(b.Kind);
            return c != 0 ? c : a.Members[0].Series.CompareTo(b.Members[0].Series);
        });
        var labels = new List<AnomalyLabel>(planned.Count);
        int incidents = 0;
        foreach (PlannedAnomaly p in planned)
        {
            string id = "A" + (labels.Count + 1).ToString("D4", CultureInfo.InvariantCulture);
            bool isIncident = p.Kind == AnomalyKind.CorrelatedIncident;
            string? incidentId = isIncident ? "I" + (++incidents).ToString("D3", CultureInfo.InvariantCulture) : null;
            var members = p.Members.Select(m => new AffectedSeries(
                _models[m.Series].Info.Key, m.LagSteps, StepTime(m.Start), StepTime(m.End), m.Magnitude, m.Sigmas)).ToList();
            labels.Add(new AnomalyLabel(
                id, p.Kind, StepTime(p.Start), StepTime(p.End), p.Magnitude, p.Detail, incidentId, isIncident ? members[0].SeriesKey : null, members));
        }

        return labels;
    }

    private DateTimeOffset StepTime(int step) => _options.Start + (_options.Step * step);
}
