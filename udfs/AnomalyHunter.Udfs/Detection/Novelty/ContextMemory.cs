using AnomalyHunter.Udfs.Kernels;

namespace AnomalyHunter.Udfs.Detection.Novelty;

/// <summary>A bounded set of 64-bit context keys: set-associative, evicting the least recently seen key of a full set.</summary>
/// <remarks>
/// Keys hash to one set of <see cref="Ways"/> slots. A key is "known" while it sits in its set; inserting into a
/// full set replaces the slot seen longest ago (ties: the lowest slot), so memory never grows with history and a
/// context unseen for long is eventually forgotten. Key 0 marks an empty slot (callers never pass 0) and stamps start at 1, so an empty slot is always the first victim.
/// </remarks>
internal sealed class ContextMemory
{
    /// <summary>Slots per set.</summary>
    public const int Ways = 4;

    private readonly ulong[] _keys;
    private readonly long[] _lastSeen;
    private readonly int _setMask;

    public ContextMemory(int capacity)
    {
        if (capacity < Ways || (capacity & (capacity - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "Capacity must be a power of two of at least the number of ways.");
        }

        _keys = new ulong[capacity];
        _lastSeen = new long[capacity];
        _setMask = (capacity / Ways) - 1;
    }

    public int Capacity => _keys.Length;

    /// <summary>Whether <paramref name="key"/> is known; either way it is (re)stamped as seen at <paramref name="now"/>.</summary>
    public bool SeenBeforeThenTouch(ulong key, long now)
    {
        int set = (int)(key >> 32) & _setMask;
        int start = set * Ways;
        int victim = start;
        for (int s = start; s < start + Ways; s++)
        {
            if (_keys[s] == key)
            {
                _lastSeen[s] = now;
                return true;
            }

            if (_lastSeen[s] < _lastSeen[victim])
            {
                victim = s;
            }
        }

        _keys[victim] = key;
        _lastSeen[victim] = now;
        return false;
    }

    /// <summary>Whether <paramref name="key"/> is known, without changing anything.</summary>
    public bool Contains(ulong key)
    {
        int start = ((int)(key >> 32) & _setMask) * Ways;
        for (int s = start; s < start + Ways; s++)
        {
            if (_keys[s] == key)
            {
                return true;
            }
        }

        return false;
    }

    public void Write(ref StateBufferWriter writer)
    {
        writer.Write(_keys.Length);
        writer.WriteBlock(_keys);
        writer.WriteBlock(_lastSeen);
    }

    public void Read(ref StateBufferReader reader)
    {
        if (reader.ReadInt32() != _keys.Length)
        {
            throw new InvalidDataException("The saved context memory does not match the configured capacity.");
        }

        reader.ReadBlock(_keys);
        reader.ReadBlock(_lastSeen);
    }
}
