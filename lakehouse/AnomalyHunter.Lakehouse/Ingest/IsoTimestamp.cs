namespace AnomalyHunter.Lakehouse.Ingest;

/// <summary>Allocation-free parsing of ISO-8601 timestamps and epoch numbers from UTF-8 bytes.</summary>
internal static class IsoTimestamp
{
    private const long MsPerMinute = 60_000;
    private const long MsPerHour = 3_600_000;
    private const long MsPerDay = 86_400_000;

    /// <summary>Parses <c>YYYY-MM-DD</c>, optionally followed by <c>T</c> or a space, <c>HH:MM[:SS[.fff…]]</c> and <c>Z</c> or <c>±HH[:MM]</c>.</summary>
    /// <param name="s">The trimmed field.</param>
    /// <param name="ms">Epoch milliseconds of the wall-clock time (naive) or of the instant (with offset); fractions below a millisecond are truncated.</param>
    /// <param name="hasOffset">True when the text carries <c>Z</c> or an offset, so <paramref name="ms"/> is UTC.</param>
    public static bool TryParse(ReadOnlySpan<byte> s, out long ms, out bool hasOffset)
    {
        ms = 0;
        hasOffset = false;
        if (s.Length < 10 || s[4] != '-' || s[7] != '-')
        {
            return false;
        }

        if (!TryDigits4(s, 0, out int year) || !TryDigits2(s, 5, out int month) || !TryDigits2(s, 8, out int day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        long result = DaysFromCivil(year, month, day) * MsPerDay;
        int pos = 10;
        if (pos < s.Length && (s[pos] == 'T' || s[pos] == 't' || s[pos] == ' '))
        {
            // A time needs at least HH:MM after the separator.
            if (s.Length < pos + 6 || s[pos + 3] != ':' || !TryDigits2(s, pos + 1, out int hour) || !TryDigits2(s, pos + 4, out int minute)
                || hour > 23 || minute > 59)
            {
                return false;
            }

            result += (hour * MsPerHour) + (minute * MsPerMinute);
            pos += 6;
            if (pos < s.Length && s[pos] == ':')
            {
                if (!TryDigits2(s, pos + 1, out int second) || second > 59)
                {
                    return false;
                }

                result += second * 1000L;
                pos += 3;
                if (pos < s.Length && (s[pos] == '.' || s[pos] == ','))
                {
                    pos++;
                    int start = pos;
                    int fraction = 0;
                    while (pos < s.Length && IsDigit(s[pos]))
                    {
                        if (pos - start < 3)
                        {
                            fraction = (fraction * 10) + (s[pos] - '0');
                        }

                        pos++;
                    }

                    int digits = pos - start;
                    if (digits == 0)
                    {
                        return false;
                    }

                    for (int i = digits; i < 3; i++)
                    {
                        fraction *= 10;
                    }

                    result += fraction;
                }
            }
        }

        if (pos < s.Length && s[pos] == ' ')
        {
            pos++; // why: "2024-01-01 10:00:00 +02:00" and "… UTC" are common exports.
        }

        if (pos == s.Length)
        {
            ms = result;
            return true;
        }

        byte c = s[pos];
        if ((c == 'Z' || c == 'z') && pos + 1 == s.Length)
        {
            ms = result;
            hasOffset = true;
            return true;
        }

        if (s.Length - pos == 3 && (s[pos..].SequenceEqual("UTC"u8) || s[pos..].SequenceEqual("GMT"u8)))
        {
            ms = result;
            hasOffset = true;
            return true;
        }

        if (c is (byte)'+' or (byte)'-')
        {
            int sign = c == '+' ? 1 : -1;
            ReadOnlySpan<byte> offset = s[(pos + 1)..];
            int offsetHours;
            int offsetMinutes = 0;
            if (offset.Length == 2 && TryDigits2(offset, 0, out offsetHours))
            {
            }
            else if (offset.Length == 4 && TryDigits2(offset, 0, out offsetHours) && TryDigits2(offset, 2, out offsetMinutes))
            {
            }
            else if (offset.Length == 5 && offset[2] == ':' && TryDigits2(offset, 0, out offsetHours) && TryDigits2(offset, 3, out offsetMinutes))
            {
            }
            else
            {
                return false;
            }

            if (offsetHours > 18 || offsetMinutes > 59)
            {
                return false;
            }

            ms = result - (sign * ((offsetHours * MsPerHour) + (offsetMinutes * MsPerMinute)));
            hasOffset = true;
            return true;
        }

        return false;
    }

    /// <summary>Parses a decimal number of epoch units (optional sign, digits, optional fraction, optional exponent) and scales it to milliseconds.</summary>
    /// <param name="s">The trimmed field.</param>
    /// <param name="unitMs">1000 for seconds, 1 for milliseconds, 0 to choose by magnitude (below 10^11 seconds, otherwise milliseconds).</param>
    /// <param name="ms">Epoch milliseconds, truncated toward negative infinity.</param>
    public static bool TryParseEpoch(ReadOnlySpan<byte> s, int unitMs, out long ms)
    {
        ms = 0;
        if (s.IsEmpty)
        {
            return false;
        }

        int pos = 0;
        bool negative = false;
        if (s[0] is (byte)'+' or (byte)'-')
        {
            negative = s[0] == '-';
            pos++;
        }

        long whole = 0;
        int wholeDigits = 0;
        while (pos < s.Length && IsDigit(s[pos]))
        {
            if (wholeDigits == 16)
            {
                return false;
            }

            whole = (whole * 10) + (s[pos] - '0');
            wholeDigits++;
            pos++;
        }

        long fraction = 0;
        int fractionDigits = 0;
        if (pos < s.Length && s[pos] == '.')
        {
            pos++;
            while (pos < s.Length && IsDigit(s[pos]))
            {
                if (fractionDigits < 3)
                {
                    fraction = (fraction * 10) + (s[pos] - '0');
                    fractionDigits++;
                }

                pos++;
            }
        }

        if (pos != s.Length)
        {
            // why: exponent forms such as 1.7e9 are rare; let the general parser handle them.
            return TryParseEpochGeneral(s, unitMs, out ms);
        }

        if (wholeDigits == 0 && fractionDigits == 0)
        {
            return false;
        }

        for (int i = fractionDigits; i < 3; i++)
        {
            fraction *= 10;
        }

        if (unitMs == 0)
        {
            unitMs = whole < 100_000_000_000L ? 1000 : 1;
        }

        long result = unitMs == 1000 ? (whole * 1000) + fraction : whole;
        ms = negative ? -result : result;
        return true;
    }

    /// <summary>Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).</summary>
    public static long DaysFromCivil(int year, int month, int day)
    {
        int y = month <= 2 ? year - 1 : year;
        int era = (y >= 0 ? y : y - 399) / 400;
        int yoe = y - (era * 400);
        int doy = ((153 * (month + (month > 2 ? -3 : 9))) + 2) / 5 + day - 1;
        int doe = (yoe * 365) + (yoe / 4) - (yoe / 100) + doy;
        return (era * 146_097L) + doe - 719_468;
    }

    private static bool TryParseEpochGeneral(ReadOnlySpan<byte> s, int unitMs, out long ms)
    {
        ms = 0;
        if (!double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double number)
            || !double.IsFinite(number) || Math.Abs(number) > 1e16)
        {
            return false;
        }

        if (unitMs == 0)
        {
            unitMs = Math.Abs(number) < 1e11 ? 1000 : 1;
        }

        ms = (long)Math.Floor(number * unitMs);
        return true;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    private static bool TryDigits2(ReadOnlySpan<byte> s, int at, out int value)
    {
        value = 0;
        if (at + 2 > s.Length)
        {
            return false;
        }

        uint a = (uint)(s[at] - '0');
        uint b = (uint)(s[at + 1] - '0');
        if (a > 9 || b > 9)
        {
            return false;
        }

        value = (int)((a * 10) + b);
        return true;
    }

    private static bool TryDigits4(ReadOnlySpan<byte> s, int at, out int value)
    {
        value = 0;
        if (!TryDigits2(s, at, out int high) || !TryDigits2(s, at + 2, out int low))
        {
            return false;
        }

        value = (high * 100) + low;
        return true;
    }
}
