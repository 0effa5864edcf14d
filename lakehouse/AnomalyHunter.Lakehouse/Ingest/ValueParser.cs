using System.Globalization;

namespace AnomalyHunter.Lakehouse.Ingest;

/// <summary>Parses value fields (invariant culture) and recognises the common spellings of NaN and infinity.</summary>
internal static class ValueParser
{
    private static readonly byte[][] NonFiniteWords =
    [
        "nan"u8.ToArray(), "+nan"u8.ToArray(), "-nan"u8.ToArray(), "inf"u8.ToArray(), "+inf"u8.ToArray(), "-inf"u8.ToArray(),
        "infinity"u8.ToArray(), "+infinity"u8.ToArray(), "-infinity"u8.ToArray(), "1.#inf"u8.ToArray(), "-1.#inf"u8.ToArray(),
        "1.#qnan"u8.ToArray(), "-1.#qnan"u8.ToArray(), "1.#ind"u8.ToArray(), "-1.#ind"u8.ToArray(), "nan(ind)"u8.ToArray(),
    ];

    /// <summary>Parses a UTF-8 field into a finite double.</summary>
    public static ValueStatus Parse(ReadOnlySpan<byte> field, out double value)
    {
        ReadOnlySpan<byte> s = field.Trim(" \t"u8);
        if (s.IsEmpty)
        {
            value = 0;
            return ValueStatus.Empty;
        }

        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return double.IsFinite(value) ? ValueStatus.Ok : ValueStatus.NonFinite;
        }

        return IsNonFiniteWord(s) ? ValueStatus.NonFinite : ValueStatus.Unparseable;
    }

    /// <summary>Parses a text value (e.g. from a Parquet string column).</summary>
    public static ValueStatus Parse(string? text, out double value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return ValueStatus.Empty;
        }

        if (text.Length > 256)
        {
            return ValueStatus.Unparseable;
        }

        Span<byte> utf8 = stackalloc byte[256 * 3];
        int n = System.Text.Encoding.UTF8.GetBytes(text, utf8);
        return Parse(utf8[..n], out value);
    }

    /// <summary>Classifies a finite-or-not double read from a typed column.</summary>
    public static ValueStatus Classify(double? value) => value switch
    {
        null => ValueStatus.Empty,
        double v when double.IsFinite(v) => ValueStatus.Ok,
        _ => ValueStatus.NonFinite,
    };

    private static bool IsNonFiniteWord(ReadOnlySpan<byte> s)
    {
        if (s.Length > 9)
        {
            return false;
        }

        Span<byte> lower = stackalloc byte[9];
        for (int i = 0; i < s.Length; i++)
        {
            byte b = s[i];
            lower[i] = b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b | 0x20) : b;
        }

        ReadOnlySpan<byte> word = lower[..s.Length];
        foreach (byte[] candidate in NonFiniteWords)
        {
            if (word.SequenceEqual(candidate))
            {
                return true;
            }
        }

        return false;
    }
}
