using AnomalyHunter.Synthetic.Random;

namespace AnomalyHunter.Synthetic.Generation;

/// <summary>Precomputed daily and weekly shapes of one metric at the step resolution, indexed by local step.</summary>
internal sealed class SeasonalTables
{
    private const double HoursPerDay = 24.0;
    private const double HoursPerWeek = 168.0;
    private const double WeekendStartHour = 120.0;
    private const double WeekendRampHours = 3.0;
    private const double BatchWidthHours = 0.75;
    private const double SecondHarmonicWeight = 0.35;

    private SeasonalTables(double[] daily, double[] weekly)
    {
        Daily = daily;
        Weekly = weekly;
    }

    /// <summary>Daily shape from local midnight, zero mean, largest absolute value 1.</summary>
    public double[] Daily { get; }

    /// <summary>Weekly shape from Monday 00:00 local: 0 on weekdays, −1 on weekends, with short ramps.</summary>
    public double[] Weekly { get; }

    public static SeasonalTables Build(MetricProfile profile, int stepsPerDay)
    {
        var daily = new double[stepsPerDay];
        double stepHours = HoursPerDay / stepsPerDay;
        for (int k = 0; k < stepsPerDay; k++)
        {
            daily[k] = DailyValue(profile, k * stepHours);
        }

        Normalise(daily);
        int stepsPerWeek = stepsPerDay * 7;
        var weekly = new double[stepsPerWeek];
        for (int k = 0; k < stepsPerWeek; k++)
        {
            weekly[k] = -WeekendWeight(k * stepHours);
        }

        return new SeasonalTables(daily, weekly);
    }

    private static double DailyValue(MetricProfile profile, double hour)
    {
        double angle = 2.0 * Math.PI * (hour - profile.PeakHour) / HoursPerDay;
        if (profile.Shape == DailyShape.Business)
        {
            // why: the second harmonic sharpens the day-time peak and flattens the night.
            return DeterministicMath.Cos(angle) + (SecondHarmonicWeight * DeterministicMath.Cos(2.0 * angle));
        }

        double distance = Math.Abs(hour - profile.PeakHour);
        distance = Math.Min(distance, HoursPerDay - distance);
        return DeterministicMath.Exp(-0.5 * (distance / BatchWidthHours) * (distance / BatchWidthHours));
    }

    private static void Normalise(double[] values)
    {
        double mean = 0.0;
        foreach (double v in values)
        {
            mean += v;
        }

        mean /= values.Length;
        double largest = 0.0;
        for (int k = 0; k < values.Length; k++)
        {
            values[k] -= mean;
            largest = Math.Max(largest, Math.Abs(values[k]));
        }

        if (largest > 0.0)
        {
            for (int k = 0; k < values.Length; k++)
            {
                values[k] /= largest;
            }
        }
    }

    private static double WeekendWeight(double hourOfWeek)
    {
        double best = 0.0;
        for (int wrap = -1; wrap <= 1; wrap++)
        {
            double h = hourOfWeek + (wrap * HoursPerWeek);
            double inside = Math.Min(h - WeekendStartHour, HoursPerWeek - h) + (WeekendRampHours / 2.0);
            best = Math.Max(best, Math.Clamp(inside / WeekendRampHours, 0.0, 1.0));
        }

        return best;
    }
}
