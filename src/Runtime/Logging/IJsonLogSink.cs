using System;

namespace DistriC;

/// <summary>
/// A destination of a <see cref="JsonLogger"/>'s encoded lines: the logger's output stream is one (the default), an
/// <see cref="OtlpLogExporter"/> another; a logger feeds each accepted line to every sink it was given
/// (<see cref="JsonLoggerOptions.Sinks"/>), in order.
/// </summary>
/// <remarks>
/// <para>Both methods are called by one thread at a time: the logger's writer thread in async mode (never a producer),
/// or the logging thread under the logger's lock in sync mode. They should return quickly: while a sink works, the queue
/// fills and, once full, producers drop (or wait, in <see cref="LogFullMode.Wait"/>). A sink that sends over a network
/// hands the lines to a thread of its own, as <see cref="OtlpLogExporter"/> does.</para>
/// <para>An exception thrown by a sink is caught and counted (<see cref="JsonLogger.WriteFailureCount"/>,
/// <see cref="JsonLogger.IsWriterHealthy"/>); it reaches neither the producers nor the other sinks.</para>
/// </remarks>
public interface IJsonLogSink
{
    /// <summary>
    /// Takes one or more complete lines, each a UTF-8 JSON object ending in <c>'\n'</c> (a line never contains another
    /// raw newline: JSON escapes them), in the order they were accepted.
    /// </summary>
    /// <param name="lines">The lines; borrowed for the call only (the logger reuses the buffer).</param>
    /// <param name="lineCount">How many lines <paramref name="lines"/> holds.</param>
    void Write(ReadOnlySpan<byte> lines, int lineCount);

    /// <summary>Called when the queue has been drained (and before the logger's disposal completes): push buffered lines on.</summary>
    void Flush();
}
