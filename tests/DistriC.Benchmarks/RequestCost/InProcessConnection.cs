using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Pipelines;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Abstractions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace DistriC.Benchmarks.RequestCost;

/// <summary>
/// One kept-alive connection's worth of request state, reused for every request as Kestrel reuses its own: the feature
/// collection (request, response, body) and, through <see cref="IHostContextContainer{TContext}"/>, the hosting context and
/// its HttpContext. Responses go to a discarding writer, so what a request allocates is the pipeline's and the instrumentation's.
/// </summary>
internal sealed class InProcessConnection<TContext> : FeatureCollection, IHostContextContainer<TContext>,
    IHttpRequestFeature, IHttpResponseFeature, IHttpResponseBodyFeature, IHttpRequestIdentifierFeature
    where TContext : notnull
{
    private readonly IHttpApplication<TContext> _application;
    private readonly DiscardingPipeWriter _writer = new();
    private readonly List<(Func<object, Task> Callback, object State)> _onStarting = new();
    private readonly List<(Func<object, Task> Callback, object State)> _onCompleted = new();

    public InProcessConnection(IHttpApplication<TContext> application)
    {
        _application = application;
        Set<IHttpRequestFeature>(this);
        Set<IHttpResponseFeature>(this);
        Set<IHttpResponseBodyFeature>(this);
        Set<IHttpRequestIdentifierFeature>(this);
        Headers.Host = "127.0.0.1:5000";
    }

    public TContext? HostContext { get; set; }

    public string Protocol { get; set; } = "HTTP/1.1";

    public string Scheme { get; set; } = "http";

    public string Method { get; set; } = "GET";

    public string PathBase { get; set; } = string.Empty;

    public string Path { get; set; } = "/hello";

    public string QueryString { get; set; } = string.Empty;

    public string RawTarget { get; set; } = "/hello";

    public IHeaderDictionary Headers { get; set; } = new HeaderDictionary();

    Stream IHttpRequestFeature.Body { get; set; } = Stream.Null;

    public int StatusCode { get; set; } = 200;

    public string? ReasonPhrase { get; set; }

    IHeaderDictionary IHttpResponseFeature.Headers { get; set; } = new HeaderDictionary();

    Stream IHttpResponseFeature.Body { get; set; } = Stream.Null;

    public bool HasStarted { get; private set; }

    public Stream Stream => Stream.Null;

    public PipeWriter Writer => _writer;

    public string TraceIdentifier { get; set; } = "0HNBENCH:00000001";

    public async Task InvokeAsync()
    {
        Reset();
        TContext context = _application.CreateContext(this);
        Exception? failure = null;
        try
        {
            await _application.ProcessRequestAsync(context);
            await StartAsync();
        }
        catch (Exception exception)
        {
            failure = exception;
        }

        foreach ((Func<object, Task> callback, object state) in _onCompleted)
        {
            await callback(state);
        }

        _application.DisposeContext(context, failure);
        if (failure is not null || StatusCode != 200)
        {
            throw new InvalidOperationException($"The request failed: status {StatusCode}.", failure);
        }
    }

    public void OnStarting(Func<object, Task> callback, object state) => _onStarting.Add((callback, state));

    public void OnCompleted(Func<object, Task> callback, object state) => _onCompleted.Add((callback, state));

    public void DisableBuffering()
    {
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (HasStarted)
        {
            return;
        }

        HasStarted = true;
        for (int i = _onStarting.Count - 1; i >= 0; i--)
        {
            await _onStarting[i].Callback(_onStarting[i].State);
        }
    }

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task CompleteAsync() => StartAsync();

    private void Reset()
    {
        StatusCode = 200;
        ReasonPhrase = null;
        HasStarted = false;
        ((IHttpResponseFeature)this).Headers.Clear();
        _onStarting.Clear();
        _onCompleted.Clear();
        _writer.Owner = this;
    }

    /// <summary>Accepts the response body and drops it; writing starts the response, as Kestrel's writer does.</summary>
    private sealed class DiscardingPipeWriter : PipeWriter
    {
        private readonly byte[] _buffer = new byte[4096];

        public InProcessConnection<TContext>? Owner { get; set; }

        public override void Advance(int bytes)
        {
        }

        public override Memory<byte> GetMemory(int sizeHint = 0) => sizeHint <= _buffer.Length ? _buffer : new byte[sizeHint];

        public override Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            Task started = Owner!.StartAsync(cancellationToken);
            return started.IsCompletedSuccessfully ? default : AwaitStart(started);
        }

        public override void CancelPendingFlush()
        {
        }

        public override void Complete(Exception? exception = null)
        {
        }

        private static async ValueTask<FlushResult> AwaitStart(Task started)
        {
            await started;
            return default;
        }
    }
}
