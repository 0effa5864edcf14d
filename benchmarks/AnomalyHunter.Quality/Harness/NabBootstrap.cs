using AnomalyHunter.Quality.Nab;

namespace AnomalyHunter.Quality.Harness;

/// <summary>How much a corpus score moves when the files are resampled: the noise against which differences between versions are judged.</summary>
public static class NabBootstrap
{
    private const int Seed = 20_141_001;

    /// <summary>Mean, standard deviation and 5th/95th percentiles of the normalised score over <paramref name="resamples"/> seeded resamples of the files with replacement (threshold re-optimised each time).</summary>
    public static (double Mean, double Sd, double P5, double P95) Resample(IReadOnlyList<NabScoredSeries> corpus, NabProfile profile, int resamples)
    {
        var random = new Random(Seed);
        var scores = new List<double>(resamples);
        while (scores.Count < resamples)
        {
            var sample = new NabScoredSeries[corpus.Count];
            for (int i = 0; i < sample.Length; i++)
            {
                sample[i] = corpus[random.Next(corpus.Count)];
            }

            if (sample.Sum(s => s.Series.Windows.Length) == 0)
            {
                continue;
            }

            scores.Add(NabScorer.Score(sample, profile).NormalizedScore);
        }

        scores.Sort();
        double mean = scores.Average();
        double sd = Math.Sqrt(scores.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, scores.Count - 1));
        return (mean, sd, scores[(int)(0.05 * (scores.Count - 1))], scores[(int)(0.95 * (scores.Count - 1))]);
    }
}
