using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace DistriC.Benchmarks;

/// <summary>An HTTP stack without a network for the OTLP export benchmarks: the body is copied into a reused stream and 200 comes back.</summary>
internal sealed class InMemoryOtlpHandler : HttpMessageHandler
{
    private readonly MemoryStream _sink = new();

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _sink.SetLength(0);
        request.Content?.CopyTo(_sink, null, cancellationToken);
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([]) };
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(Send(request, cancellationToken));

    protected override void Dispose(bool disposing)
    {
        _sink.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>A span exporter that accepts every batch (tracers the benchmarks build only to make spans).</summary>
internal sealed class NoopSpanExporter : ISpanExporter
{
    public bool Export(ReadOnlySpan<FinishedSpan> batch) => true;
}
