namespace AnomalyHunter.Synthetic.Generation;

/// <summary>Generates one series chunk after chunk, keeping its noise state between chunks.</summary>
internal sealed class SeriesCursor
{
    private readonly long _startMs;
    private readonly long _stepMs;
    private NoiseState _state;

    public SeriesCursor(SeriesModel model, long startMs, long stepMs)
    {
        Model = model;
        _startMs = startMs;
        _stepMs = stepMs;
        _state = NoiseState.Start(model);
    }

    public SeriesModel Model { get; }

    /// <summary>The next step to generate.</summary>
    public int NextStep { get; private set; }

    /// <summary>Generates the next <paramref name="steps"/> steps, writes the points that are not in a gap, and returns how many it wrote.</summary>
    public int Next(int steps, Span<long> timestamps, Span<double> values, KernelScratch scratch)
    {
        int step0 = NextStep;
        NextStep += steps;
        if (!Model.HasGaps)
        {
            SeriesKernel.Fill(Model, ref _state, step0, values[..steps], scratch);
            WriteTimestamps(step0, timestamps[..steps]);
            return steps;
        }

        scratch.Ensure(steps);
        Span<double> all = scratch.Values.AsSpan(0, steps);
        SeriesKernel.Fill(Model, ref _state, step0, all, scratch);
        int written = 0;
        int s = step0;
        int end = step0 + steps;
        foreach (Effect gap in Model.Effects)
        {
            if (gap.Kind != EffectKind.Gap || gap.End < s || gap.Start >= end)
            {
                continue;
            }

            written = Copy(all, step0, s, Math.Max(gap.Start, s), timestamps, values, written);
            s = Math.Min(gap.End + 1, end);
        }

        return Copy(all, step0, s, end, timestamps, values, written);
    }

    private int Copy(ReadOnlySpan<double> all, int step0, int from, int to, Span<long> timestamps, Span<double> values, int written)
    {
        int length = to - from;
        if (length <= 0)
        {
            return written;
        }

        all.Slice(from - step0, length).CopyTo(values[written..]);
        WriteTimestamps(from, timestamps.Slice(written, length));
        return written + length;
    }

    private void WriteTimestamps(int step0, Span<long> timestamps)
    {
        long t = _startMs + (step0 * _stepMs);
        for (int i = 0; i < timestamps.Length; i++)
        {
            timestamps[i] = t;
            t += _stepMs;
        }
    }
}
