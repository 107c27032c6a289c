using System;
using System.IO;

namespace DistriC.Logging;

/// <summary>The sink of a logger created with a stream: writes the lines to it as they are, and flushes it.</summary>
internal sealed class StreamLogSink : IJsonLogSink
{
    private readonly Stream _output;

    public StreamLogSink(Stream output) => _output = output;

    public void Write(ReadOnlySpan<byte> lines, int lineCount) => _output.Write(lines);

    public void Flush() => _output.Flush();
}
