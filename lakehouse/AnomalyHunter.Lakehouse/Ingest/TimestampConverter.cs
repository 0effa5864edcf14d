using System.Globalization;
using System.Text;

namespace AnomalyHunter.Lakehouse.Ingest;

/// <summary>Turns timestamp fields into UTC epoch milliseconds according to the ingest options, and checks their range.</summary>
/// <remarks>Naive times are read in the naive time zone; an ambiguous time (the repeated hour when clocks go back) takes the zone's standard offset.</remarks>
internal sealed class TimestampConverter
{
    private const long EpochTicks = 621_355_968_000_000_000L;
    private readonly TimestampFormat _format;
    private readonly TimeZoneInfo _zone;
    private readonly bool _zoneIsUtc;
    private readonly long _maxMs;
    private long _cachedMinute = long.MinValue;
    private long _cachedOffsetMs;

    public TimestampConverter(IngestOptions options, TimeZoneInfo zone, DateTimeOffset now)
    {
        _format = options.TimestampFormat;
        _zone = zone;
        _zoneIsUtc = ReferenceEquals(zone, TimeZoneInfo.Utc) || (zone.BaseUtcOffset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime);
        _maxMs = now.ToUnixTimeMilliseconds() + (long)options.MaxFutureSkew.TotalMilliseconds;
        MaxAllowed = now + options.MaxFutureSkew;
    }

    /// <summary>The latest accepted instant (now plus the allowed future skew).</summary>
    public DateTimeOffset MaxAllowed { get; }

    /// <summary>Converts a text field (UTF-8) and checks its range.</summary>
    public TimestampStatus Convert(ReadOnlySpan<byte> field, out long utcMs)
    {
        utcMs = 0;
        ReadOnlySpan<byte> s = field.Trim(" \t"u8);
        if (s.IsEmpty)
        {
            return TimestampStatus.Empty;
        }

        bool looksIso = s.Length >= 10 && s[4] == '-';
        switch (_format)
        {
            case TimestampFormat.Auto when !looksIso:
                return TryEpoch(s, 0, out utcMs);
            case TimestampFormat.EpochSeconds:
                return TryEpoch(s, 1000, out utcMs);
            case TimestampFormat.EpochMilliseconds:
                return TryEpoch(s, 1, out utcMs);
            default:
                if (!IsoTimestamp.TryParse(s, out long ms, out bool hasOffset))
                {
                    return TimestampStatus.Unparseable;
                }

                if (hasOffset)
                {
                    utcMs = ms;
                    return CheckRange(utcMs);
                }

                return FromWallClock(ms, out utcMs);
        }
    }

    /// <summary>Converts a text field given as UTF-16 (e.g. a Parquet string column).</summary>
    public TimestampStatus Convert(string? field, out long utcMs)
    {
        utcMs = 0;
        if (string.IsNullOrEmpty(field))
        {
            return TimestampStatus.Empty;
        }

        if (field.Length > 128)
        {
            return TimestampStatus.Unparseable;
        }

        Span<byte> utf8 = stackalloc byte[128 * 3];
        int n = Encoding.UTF8.GetBytes(field, utf8);
        return Convert(utf8[..n], out utcMs);
    }

    /// <summary>Converts a wall-clock time (epoch milliseconds as if UTC) of the naive zone to UTC, and checks its range.</summary>
    public TimestampStatus FromWallClock(long wallMs, out long utcMs)
    {
        utcMs = wallMs;
        if (_zoneIsUtc)
        {
            return CheckRange(utcMs);
        }

        long minute = Math.DivRem(wallMs, 60_000L, out long rem);
        if (rem < 0)
        {
            minute--;
        }

        if (minute != _cachedMinute)
        {
            if (wallMs < -62_135_596_800_000L + 86_400_000L || wallMs > 253_402_300_799_000L - 86_400_000L)
            {
                return TimestampStatus.OutOfRange;
            }

            var local = new DateTime(EpochTicks + (wallMs * TimeSpan.TicksPerMillisecond), DateTimeKind.Unspecified);
            if (_zone.IsInvalidTime(local))
            {
                return TimestampStatus.NonexistentLocalTime;
            }

            _cachedOffsetMs = (long)_zone.GetUtcOffset(local).TotalMilliseconds;
            _cachedMinute = minute;
        }

        utcMs = wallMs - _cachedOffsetMs;
        return CheckRange(utcMs);
    }

    /// <summary>Converts epoch milliseconds that are already UTC, checking only the range.</summary>
    public TimestampStatus CheckRange(long utcMs) => utcMs < 0 || utcMs > _maxMs ? TimestampStatus.OutOfRange : TimestampStatus.Ok;

    /// <summary>Converts an integer epoch (Parquet INT64/INT32) using the configured unit or the magnitude rule.</summary>
    public TimestampStatus FromEpochNumber(double number, out long utcMs)
    {
        utcMs = 0;
        if (!double.IsFinite(number) || Math.Abs(number) > 1e16)
        {
            return TimestampStatus.Unparseable;
        }

        double unit = _format switch
        {
            TimestampFormat.EpochSeconds => 1000,
            TimestampFormat.EpochMilliseconds => 1,
            _ => Math.Abs(number) < 1e11 ? 1000 : 1,
        };
        utcMs = (long)Math.Floor(number * unit);
        return CheckRange(utcMs);
    }

    /// <summary>Describes why a field was rejected, naming the field text and the accepted forms.</summary>
    public string Describe(TimestampStatus status, string column, string text, long utcMs) => status switch
    {
        TimestampStatus.Empty => $"timestamp column '{column}' is empty",
        TimestampStatus.NonexistentLocalTime => $"timestamp '{text}' in column '{column}' does not exist in time zone {_zone.Id} (skipped by a daylight-saving change)",
        TimestampStatus.OutOfRange when utcMs < 0 => $"timestamp '{text}' in column '{column}' is before 1970-01-01",
        TimestampStatus.OutOfRange => string.Create(CultureInfo.InvariantCulture, $"timestamp '{text}' in column '{column}' is later than now plus Ingest:MaxFutureSkew ({MaxAllowed:yyyy-MM-ddTHH:mm:ssZ})"),
        _ => $"timestamp '{text}' in column '{column}' is not {FormatName()}",
    };

    private string FormatName() => _format switch
    {
        TimestampFormat.Iso => "an ISO-8601 date/time",
        TimestampFormat.EpochSeconds => "epoch seconds",
        TimestampFormat.EpochMilliseconds => "epoch milliseconds",
        _ => "an ISO-8601 date/time or epoch seconds/milliseconds",
    };

    private TimestampStatus TryEpoch(ReadOnlySpan<byte> s, int unitMs, out long utcMs)
    {
        if (!IsoTimestamp.TryParseEpoch(s, unitMs, out utcMs))
        {
            return TimestampStatus.Unparseable;
        }

        return CheckRange(utcMs);
    }
}
