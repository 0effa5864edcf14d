using System.Globalization;

namespace AnomalyHunter.Lakehouse.Ingest;

/// <summary>Parses value fields (invariant culture) and recognises the common spellings of NaN and infinity.</summary>
internal static class ValueParser
{
    private static readonly double[] PowersOf10 =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

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

        if (TryParseShortDecimal(s, out value))
        {
            return ValueStatus.Ok;
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

    /// <summary>Clinger's fast path: up to 15 significant digits and 22 decimals are exact doubles, so one division rounds correctly.</summary>
    private static bool TryParseShortDecimal(ReadOnlySpan<byte> s, out double value)
    {
        value = 0;
        int pos = 0;
        bool negative = false;
        if (s[0] == '-')
        {
            negative = true;
            pos = 1;
        }

        ulong mantissa = 0;
        int digits = 0;
        int decimals = -1;
        for (; pos < s.Length; pos++)
        {
            uint d = (uint)(s[pos] - '0');
            if (d <= 9)
            {
                mantissa = (mantissa * 10) + d;
                digits++;
                decimals += decimals >= 0 ? 1 : 0;
            }
            else if (s[pos] == '.' && decimals < 0)
            {
                decimals = 0;
            }
            else
            {
                return false;
            }
        }

        if (digits is 0 or > 15 || decimals > 22)
        {
            return false;
        }

        double result = decimals > 0 ? mantissa / PowersOf10[decimals] : mantissa;
        value = negative ? -result : result;
        return true;
    }

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
