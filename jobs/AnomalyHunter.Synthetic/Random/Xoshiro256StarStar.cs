using System.Numerics;
using System.Runtime.CompilerServices;

namespace AnomalyHunter.Synthetic.Random;

/// <summary>The xoshiro256** generator (Blackman and Vigna): fast, 256 bits of state, identical on every platform.</summary>
internal struct Xoshiro256StarStar
{
    private const double UnitScale = 1.0 / (1UL << 53);
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Seeds the state from one 64-bit value through SplitMix64, as the authors recommend.</summary>
    public static Xoshiro256StarStar Create(ulong seed)
    {
        ulong sm = seed;
        var rng = new Xoshiro256StarStar
        {
            _s0 = SplitMix64.Next(ref sm),
            _s1 = SplitMix64.Next(ref sm),
            _s2 = SplitMix64.Next(ref sm),
            _s3 = SplitMix64.Next(ref sm),
        };
        return rng;
    }

    /// <summary>Derives an independent generator for one (seed, stream, index) triple.</summary>
    public static Xoshiro256StarStar ForStream(ulong seed, ulong stream, ulong index)
    {
        ulong sm = seed;
        ulong a = SplitMix64.Next(ref sm);
        sm = a ^ (stream * 0xD1B54A32D192ED03UL);
        ulong b = SplitMix64.Next(ref sm);
        sm = b ^ (index * 0x9E3779B97F4A7C15UL);
        return Create(SplitMix64.Next(ref sm));
    }

    /// <summary>Returns the next 64 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Next()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Returns a uniform double in [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (Next() >> 11) * UnitScale;

    /// <summary>Returns a uniform double in (0, 1), never 0, for logarithms.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextOpenDouble() => ((Next() >> 11) + 0.5) * UnitScale;

    /// <summary>Returns a uniform double in [low, high).</summary>
    public double Uniform(double low, double high) => low + ((high - low) * NextDouble());

    /// <summary>Returns a uniform integer in [0, maxExclusive) by Lemire's multiply-shift.</summary>
    public int NextInt(int maxExclusive)
    {
        ulong high = Math.BigMul(Next(), (ulong)maxExclusive, out _);
        return (int)high;
    }

    /// <summary>Returns a uniform integer in [low, highInclusive].</summary>
    public int NextInt(int low, int highInclusive) => low + NextInt(highInclusive - low + 1);
}
