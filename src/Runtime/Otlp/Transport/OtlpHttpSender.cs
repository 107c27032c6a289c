using System;
using System.IO;
using System.IO.Compression;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;

namespace DistriC.Otlp.Transport;

/// <summary>
/// Posts encoded OTLP requests to one endpoint over HTTP, synchronously on the calling export thread (never on a
/// producer's), with the timeout, headers, optional gzip and bounded retries of <see cref="OtlpExporterOptions"/>.
/// </summary>
internal sealed class OtlpHttpSender : IDisposable
{
    private readonly OtlpExporterOptions _options;
    private readonly HttpClient _client;
    private readonly MediaTypeHeaderValue _contentType;
    private readonly CancellationTokenSource _stopping = new();
    private readonly MemoryStream _compressed = new();
    private readonly OtlpExportCounters _counters;

    /// <param name="options">Endpoint, headers, timeout, compression, retry budget.</param>
    /// <param name="counters">Where attempts, retries and failures are counted.</param>
    /// <param name="handler">The HTTP stack; null for sockets (benchmarks pass an in-memory one).</param>
    public OtlpHttpSender(OtlpExporterOptions options, OtlpExportCounters counters, HttpMessageHandler? handler = null)
    {
        _options = options;
        _counters = counters;
        _client = new HttpClient(handler ?? new SocketsHttpHandler
        {
            ConnectTimeout = options.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            AutomaticDecompression = DecompressionMethods.None,
        })
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
        _contentType = new MediaTypeHeaderValue(options.Protocol == OtlpProtocol.HttpJson ? "application/json" : "application/x-protobuf");
    }

    /// <summary>Called with each wait before a retry (tests observe the backoff through it without a clock).</summary>
    internal Action<TimeSpan>? RetryWaitObserved { get; set; }

    /// <summary>Sends one request body, retrying within the budget; returns how it ended.</summary>
    public OtlpDelivery Send(ArraySegment<byte> body)
    {
        ArraySegment<byte> payload = _options.Compression == OtlpCompression.Gzip ? Compress(body) : body;
        for (int attempt = 1; ; attempt++)
        {
            Interlocked.Increment(ref _counters.Requests);
            AttemptOutcome outcome = Attempt(payload, out TimeSpan? retryAfter);
            if (outcome != AttemptOutcome.Retryable)
            {
                return outcome == AttemptOutcome.Success ? OtlpDelivery.Delivered : OtlpDelivery.Rejected;
            }

            TimeSpan wait = retryAfter ?? OtlpRetryPolicy.Backoff(attempt, _options.InitialBackoff, _options.MaxBackoff, Random.Shared.NextDouble());
            if (attempt >= _options.MaxAttempts || wait > _options.MaxBackoff || _stopping.IsCancellationRequested)
            {
                return OtlpDelivery.RetriesExhausted;
            }

            Interlocked.Increment(ref _counters.Retries);
            RetryWaitObserved?.Invoke(wait);
            if (_stopping.Token.WaitHandle.WaitOne(wait))
            {
                return OtlpDelivery.RetriesExhausted;
            }
        }
    }

    /// <summary>Cuts short a retry wait in progress (shutdown); later sends make a single attempt.</summary>
    public void Stop() => _stopping.Cancel();

    public void Dispose()
    {
        _stopping.Cancel();
        _client.Dispose();
        _compressed.Dispose();
        _stopping.Dispose();
    }

    private AttemptOutcome Attempt(ArraySegment<byte> payload, out TimeSpan? retryAfter)
    {
        retryAfter = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, _options.Endpoint);
        foreach (var header in _options.Headers)
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        request.Content = new ByteArrayContent(payload.Array!, payload.Offset, payload.Count);
        request.Content.Headers.ContentType = _contentType;
        if (_options.Compression == OtlpCompression.Gzip)
        {
            request.Content.Headers.ContentEncoding.Add("gzip");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            using HttpResponseMessage response = _client.Send(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            Volatile.Write(ref _counters.LastStatusCode, (int)response.StatusCode);
            if (response.IsSuccessStatusCode)
            {
                return AttemptOutcome.Success;
            }

            if (!OtlpRetryPolicy.IsRetryable(response.StatusCode))
            {
                return AttemptOutcome.Rejected;
            }

            retryAfter = OtlpRetryPolicy.RetryAfter(response.Headers.RetryAfter, DateTimeOffset.UtcNow);
            return AttemptOutcome.Retryable;
        }
        catch (OperationCanceledException)
        {
            // Our timeout (or shutdown) ended the attempt: a receiver too slow to answer is worth another try.
            Volatile.Write(ref _counters.LastStatusCode, 0);
            Interlocked.Increment(ref _counters.Timeouts);
            return AttemptOutcome.Retryable;
        }
        catch (HttpRequestException)
        {
            // Connection refused or reset, DNS failure: the receiver may be restarting.
            Volatile.Write(ref _counters.LastStatusCode, 0);
            Interlocked.Increment(ref _counters.ConnectionFailures);
            return AttemptOutcome.Retryable;
        }
    }

    private ArraySegment<byte> Compress(ArraySegment<byte> body)
    {
        _compressed.SetLength(0);
        using (var gzip = new GZipStream(_compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(body.AsSpan());
        }

        return new ArraySegment<byte>(_compressed.GetBuffer(), 0, (int)_compressed.Length);
    }

    private enum AttemptOutcome
    {
        Success,
        Rejected,
        Retryable,
    }
}
