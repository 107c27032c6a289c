using System;
using System.Collections.Generic;
using DistriC.Otlp.Json;
using DistriC.Otlp.Protobuf;
using DistriC.Otlp.Traces;

namespace DistriC.Runtime.Tests.Otlp.Support;

/// <summary>Serializes each batch as the OTLP exporter does (protobuf, or JSON) and keeps the bytes; measures what serializing allocated.</summary>
internal sealed class SerializingExporter : ISpanExporter, IDisposable
{
    private readonly OtlpResource _resource;
    private readonly ProtoBuffer _buffer = new(1024);
    private readonly OtlpJsonBuffer _json = new(1024);
    private readonly bool _useJson;

    public SerializingExporter(OtlpResource resource, bool json = false)
    {
        _resource = resource;
        _useJson = json;
    }

    public List<byte[]> Requests { get; } = [];

    public long LastAllocatedBytes { get; private set; }

    public bool Export(ReadOnlySpan<FinishedSpan> batch)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        ReadOnlySpan<byte> written;
        if (_useJson)
        {
            OtlpTraceJsonSerializer.Write(_json, _resource, batch);
            written = _json.WrittenSpan;
        }
        else
        {
            OtlpTraceSerializer.Write(_buffer, _resource, batch);
            written = _buffer.WrittenSpan;
        }

        LastAllocatedBytes = GC.GetAllocatedBytesForCurrentThread() - before;
        Requests.Add(written.ToArray());
        return true;
    }

    public void Dispose()
    {
        _buffer.Dispose();
        _json.Dispose();
    }
}
