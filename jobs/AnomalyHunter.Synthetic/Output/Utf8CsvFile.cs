using System.Globalization;
using System.Text;

namespace AnomalyHunter.Synthetic.Output;

/// <summary>A CSV file written as UTF-8 through a large buffer, to a temporary name that is renamed on completion.</summary>
internal sealed class Utf8CsvFile : IAsyncDisposable
{
    private const int BufferSize = 1 << 20;

    /// <summary>Room kept for one row, so that rows are formatted without bounds checks on every field.</summary>
    private const int RowReserve = 4096;

    private readonly string _path;
    private readonly string _temporaryPath;
    private readonly FileStream _stream;
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _used;
    private long _lastDay = long.MinValue;
    private readonly byte[] _datePrefix = new byte[11];
    private bool _completed;

    public Utf8CsvFile(string path)
    {
        _path = path;
        _temporaryPath = path + ".tmp";
        _stream = new FileStream(_temporaryPath, FileMode.Create, FileAccess.Write, FileShare.None, 1, useAsync: true);
    }

    /// <summary>Rows written so far, header excluded.</summary>
    public long Rows { get; private set; }

    /// <summary>Bytes written so far.</summary>
    public long Bytes { get; private set; }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_buffer.AsSpan(_used));
        _used += bytes.Length;
    }

    public void Append(byte b) => _buffer[_used++] = b;

    /// <summary>Writes a UTC epoch-millisecond time as <c>yyyy-MM-ddTHH:mm:ssZ</c> (whole seconds).</summary>
    public void AppendTimestamp(long ms)
    {
        long day = Math.DivRem(ms, 86_400_000L, out long msOfDay);
        if (day != _lastDay)
        {
            _lastDay = day;
            string date = DateTimeOffset.FromUnixTimeMilliseconds(day * 86_400_000L).UtcDateTime.ToString("yyyy-MM-dd'T'", CultureInfo.InvariantCulture);
            Encoding.ASCII.GetBytes(date, _datePrefix);
        }

        Append(_datePrefix);
        int seconds = (int)(msOfDay / 1000);
        Span<byte> time = _buffer.AsSpan(_used, 9);
        WriteTwoDigits(time, seconds / 3600);
        time[2] = (byte)':';
        WriteTwoDigits(time[3..], seconds / 60 % 60);
        time[5] = (byte)':';
        WriteTwoDigits(time[6..], seconds % 60);
        time[8] = (byte)'Z';
        _used += 9;
    }

    /// <summary>Writes a value with the invariant culture's shortest round-trippable form.</summary>
    public void AppendValue(double value)
    {
        if (!value.TryFormat(_buffer.AsSpan(_used), out int written, default, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("The CSV row buffer is too small for a value.");
        }

        _used += written;
    }

    /// <summary>Counts one finished row and writes the buffer out when it is nearly full.</summary>
    public ValueTask EndRowAsync(CancellationToken cancellationToken)
    {
        Rows++;
        return _used > BufferSize - RowReserve ? FlushAsync(cancellationToken) : ValueTask.CompletedTask;
    }

    /// <summary>Writes the rest, closes the file and renames it to its final name.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        await _stream.FlushAsync(cancellationToken);
        await _stream.DisposeAsync();
        File.Move(_temporaryPath, _path, overwrite: true);
        _completed = true;
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        if (!_completed && File.Exists(_temporaryPath))
        {
            File.Delete(_temporaryPath);
        }
    }

    private async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_used == 0)
        {
            return;
        }

        await _stream.WriteAsync(_buffer.AsMemory(0, _used), cancellationToken);
        Bytes += _used;
        _used = 0;
    }

    private static void WriteTwoDigits(Span<byte> destination, int value)
    {
        destination[0] = (byte)('0' + (value / 10));
        destination[1] = (byte)('0' + (value % 10));
    }
}
