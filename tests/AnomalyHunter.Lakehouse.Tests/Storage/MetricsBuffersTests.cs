using AnomalyHunter.Lakehouse.Storage;

namespace AnomalyHunter.Lakehouse.Tests.Storage;

public sealed class MetricsBuffersTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("metrics-buffers-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Reading_with_buffers_gives_the_rows_of_a_plain_read_and_handed_back_arrays_are_reused_once()
    {
        // why: 3,000 rows in row groups of 1,024, so the read concatenates row groups and the filter drops rows.
        var rows = Enumerable.Range(0, 3000).Select(i => (Series: 10L + (i / 300), Ts: 1_700_000_000_000L + ((i % 300) * 300_000L), Value: (i * 0.37) - 100.0)).ToArray();
        string path = Path.Combine(_dir, "day.parquet");
        await using (var stream = File.Create(path))
        {
            var block = new MetricsBlock([.. rows.Select(r => r.Series)], [.. rows.Select(r => r.Ts)], [.. rows.Select(r => r.Value)], rows.Length);
            await MetricsFileWriter.WriteAsync(stream, block, id => "s" + id, 1024, CancellationToken.None);
        }

        var filter = new MetricsFilter(new Dictionary<long, long> { [11] = long.MinValue, [12] = 1_700_000_000_000L + (150 * 300_000L), [18] = long.MinValue });
        var buffers = new MetricsBuffers();
        foreach (var f in new[] { null, filter })
        {
            var plain = await MetricsFileReader.ReadAsync(path, f, CancellationToken.None);
            var pooled = await MetricsFileReader.ReadAsync(path, f, buffers, CancellationToken.None);
            Assert.Equal(plain.Count, pooled.Count);
            Assert.Equal(plain.SeriesIds.AsSpan(0, plain.Count).ToArray(), pooled.SeriesIds.AsSpan(0, pooled.Count).ToArray());
            Assert.Equal(plain.TimestampsMs.AsSpan(0, plain.Count).ToArray(), pooled.TimestampsMs.AsSpan(0, pooled.Count).ToArray());
            Assert.Equal(plain.Values.AsSpan(0, plain.Count).ToArray(), pooled.Values.AsSpan(0, pooled.Count).ToArray());
            var handedBack = pooled.Values;
            buffers.Return(pooled);
            buffers.Return(pooled);
            Assert.Same(handedBack, buffers.RentDoubles(pooled.Count));
            Assert.NotSame(handedBack, buffers.RentDoubles(pooled.Count));
            var again = await MetricsFileReader.ReadAsync(path, f, buffers, CancellationToken.None);
            Assert.Equal(plain.Values.AsSpan(0, plain.Count).ToArray(), again.Values.AsSpan(0, again.Count).ToArray());
            buffers.Return(again);
        }

        Assert.Equal(rows.Count(r => r.Series is 11 or 18) + 150, (await MetricsFileReader.ReadAsync(path, filter, buffers, CancellationToken.None)).Count);
    }
}
