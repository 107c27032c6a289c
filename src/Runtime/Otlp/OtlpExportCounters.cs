using System.Threading;
using DistriC.Otlp.Transport;

namespace DistriC.Otlp;

/// <summary>The counters one exporter keeps (written by its export thread, read by stats and scrapes).</summary>
internal sealed class OtlpExportCounters
{
    internal long Delivered;
    internal long Rejected;
    internal long RetriesExhausted;
    internal long Dropped;
    internal long Requests;
    internal long Retries;
    internal long Timeouts;
    internal long ConnectionFailures;
    internal long ConsecutiveFailures;
    internal long Batches;
    internal int LastStatusCode;

    /// <summary>Counts <paramref name="items"/> (spans, log records or data points) under the batch's outcome.</summary>
    public void Count(OtlpDelivery delivery, long items)
    {
        Interlocked.Increment(ref Batches);
        switch (delivery)
        {
            case OtlpDelivery.Delivered:
                Interlocked.Add(ref Delivered, items);
                Interlocked.Exchange(ref ConsecutiveFailures, 0);
                break;
            case OtlpDelivery.Rejected:
                Interlocked.Add(ref Rejected, items);
                Interlocked.Increment(ref ConsecutiveFailures);
                break;
            default:
                Interlocked.Add(ref RetriesExhausted, items);
                Interlocked.Increment(ref ConsecutiveFailures);
                break;
        }
    }

    public OtlpExporterStats Snapshot() => new()
    {
        Exported = Interlocked.Read(ref Delivered),
        Rejected = Interlocked.Read(ref Rejected),
        RetriesExhausted = Interlocked.Read(ref RetriesExhausted),
        Dropped = Interlocked.Read(ref Dropped),
        Batches = Interlocked.Read(ref Batches),
        Requests = Interlocked.Read(ref Requests),
        Retries = Interlocked.Read(ref Retries),
        Timeouts = Interlocked.Read(ref Timeouts),
        ConnectionFailures = Interlocked.Read(ref ConnectionFailures),
        ConsecutiveFailedBatches = Interlocked.Read(ref ConsecutiveFailures),
        LastStatusCode = Volatile.Read(ref LastStatusCode),
    };
}
