using System.Buffers;

namespace AnomalyHunter.Udfs.Detection.Novelty;

/// <summary>Scores each point by the share of its recent contexts (quantised value sequences) never seen before.</summary>
internal sealed class NoveltyScorer : ISeriesScorer
{
    private const int StateVersion = 1;
    private readonly NoveltyOptions _o;
    private readonly double[] _recent;
    private readonly ContextMemory _memory;
    private readonly double[] _dens;
    private long _count;
    private readonly RangeMemory _range;
    private long _restUntil;

    public NoveltyScorer(NoveltyOptions o)
    {
        _o = o;
        _recent = new double[o.MaxOrder];
        _memory = new ContextMemory(o.Memory);
        _range = new RangeMemory(o.RangeBlocks, o.RangeBlockPoints);
        _dens = new double[Math.Max(1, o.DensityWindow)];
    }

    public void Score(ReadOnlySpan<long> timestampsMs, ReadOnlySpan<double> values, Span<double> scores)
    {
        if (values.Length != scores.Length || timestampsMs.Length != values.Length)
        {
            throw new ArgumentException("Timestamps, values and scores must have the same length.", nameof(scores));
        }

        for (int i = 0; i < values.Length; i++)
        {
            double x = values[i];
            scores[i] = double.IsFinite(x) ? Step(x) : 0.0;
        }
    }

    private double Step(double x)
    {
        long now = ++_count;
        double priorRange = _range.Max - _range.Min;
        double beyond = now == 1 || priorRange <= 0.0 ? 0.0 : Math.Max(x - _range.Max, _range.Min - x) / priorRange;
        _range.Add(x);
        double lo = _range.Min;
        double dn = 0.0;
        if (_o.DensityWindow > 0)
        {
            double half = (_range.Max - lo) / (2.0 * _o.DensityBins);
            int filled = (int)Math.Min(now - 1, _o.DensityWindow);
            int c = 0;
            for (int j = 0; j < filled; j++)
            {
                c += Math.Abs(_dens[j] - x) <= half ? 1 : 0;
            }

            dn = filled == 0 ? 0.0 : Math.Max(0.0, 1.0 - (c / _o.DensityFull));
            _dens[(int)((now - 1) % _o.DensityWindow)] = x;
        }

        int k = _o.MaxOrder;
        _recent[(int)(now % k)] = x;
        double range = _range.Max - lo;
        double perUnit = range > 0.0 ? _o.Levels / range : 0.0;
        int orders = (int)Math.Min(now, k);
        ulong h = 0x9E3779B97F4A7C15UL;
        int unseen = 0;
        for (int j = 0; j < orders; j++)
        {
            double v = _recent[(int)((now - j) % k)];
            int level = Math.Min(_o.Levels - 1, (int)Math.Max(0.0, (v - lo) * perUnit));
            h = Mix(h ^ (ulong)(level + 1));
            ulong key = h == 0 ? 1UL : h;
            unseen += _memory.SeenBeforeThenTouch(key, now) ? 0 : 1;
        }

        if (now <= _o.Warmup || now < _restUntil)
        {
            return 0.0;
        }

        double novelty = Math.Max(Math.Max(unseen / (double)k, Math.Min(1.0, beyond / _o.BeyondFull)), dn);
        if (novelty >= _o.AlertNovelty)
        {
            _restUntil = now + _o.Rest + 1;
        }

        return ScoreScale.Max * novelty;
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public void WriteState(IBufferWriter<byte> writer)
    {
        var w = new NoveltyStateWriter(writer);
        w.Write(StateVersion);
        w.Write(_count);
        w.Write(_restUntil);
        w.Write(_recent.Length);
        foreach (double v in _recent)
        {
            w.Write(v);
        }

        foreach (double v in _dens)
        {
            w.Write(v);
        }

        _range.Write(ref w);
        _memory.Write(ref w);
    }

    public static NoveltyScorer Restore(NoveltyOptions o, ReadOnlySpan<byte> state)
    {
        var r = new NoveltyStateReader(state);
        if (r.ReadInt32() != StateVersion)
        {
            throw new InvalidDataException("The saved novelty state has an unknown version.");
        }

        var s = new NoveltyScorer(o)
        {
            _count = r.ReadInt64(),
            _restUntil = r.ReadInt64(),
        };
        if (r.ReadInt32() != s._recent.Length)
        {
            throw new InvalidDataException("The saved novelty state does not match the configured context length.");
        }

        for (int j = 0; j < s._recent.Length; j++)
        {
            s._recent[j] = r.ReadDouble();
        }

        for (int j = 0; j < s._dens.Length; j++)
        {
            s._dens[j] = r.ReadDouble();
        }

        s._range.Read(ref r);
        s._memory.Read(ref r);
        if (!r.AtEnd)
        {
            throw new InvalidDataException("The saved novelty state has trailing bytes.");
        }

        return s;
    }
}
