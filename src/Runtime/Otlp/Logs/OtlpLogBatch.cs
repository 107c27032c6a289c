using System;
using DistriC.Otlp.Protobuf;

namespace DistriC.Otlp.Logs;

/// <summary>
/// Encoded LogRecords waiting to be sent together: filled by the logger's writer, sent by the export thread, then
/// reset and reused, so steady-state export allocates nothing per record.
/// </summary>
internal sealed class OtlpLogBatch : IDisposable
{
    public ProtoBuffer Records { get; } = new();

    public int Count { get; set; }

    public void Clear()
    {
        Records.Reset();
        Count = 0;
    }

    public void Dispose() => Records.Dispose();
}
