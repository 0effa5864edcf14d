using AnomalyHunter.Synthetic.Random;

namespace AnomalyHunter.Synthetic.Generation;

/// <summary>The noise generator of one series between chunks: its random state and the AR(1) term.</summary>
internal struct NoiseState
{
    public Xoshiro256StarStar Rng;
    public double Ar;

    /// <summary>Starts the noise of <paramref name="model"/>, with the AR term drawn from its stationary distribution.</summary>
    public static NoiseState Start(SeriesModel model)
    {
        var state = new NoiseState { Rng = model.NoiseSeed };
        state.Ar = Ziggurat.Next(ref state.Rng);
        return state;
    }
}
