using System.Diagnostics;

namespace AnomalyHunter.Benchmarks;

/// <summary>Samples the process's resident set every few milliseconds and keeps the peak since the last reset.</summary>
internal sealed class PeakMemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peak;

    public PeakMemorySampler()
    {
        _loop = Task.Run(async () =>
        {
            using var process = Process.GetCurrentProcess();
            while (!_stop.IsCancellationRequested)
            {
                process.Refresh();
                long rss = process.WorkingSet64;
                long seen;
                do
                {
                    seen = Interlocked.Read(ref _peak);
                }
                while (rss > seen && Interlocked.CompareExchange(ref _peak, rss, seen) != seen);

                try
                {
                    await Task.Delay(10, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });
    }

    /// <summary>Peak resident bytes since the last <see cref="Reset"/>.</summary>
    public long Peak => Interlocked.Read(ref _peak);

    /// <summary>Collects garbage and starts a new peak from the current resident size.</summary>
    public void Reset()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        Interlocked.Exchange(ref _peak, process.WorkingSet64);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
#pragma warning disable VSTHRD003 // why: the loop was started by this object and is awaited once, at disposal.
        await _loop;
#pragma warning restore VSTHRD003
        _stop.Dispose();
    }
}
