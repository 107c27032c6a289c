using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using DistriC.Tests.Support;

namespace DistriC.Runtime.Tests.Logging;

/// <summary>Base of the test streams: write-only, every write funnelled into the span overload.</summary>
internal abstract class WriteOnlyTestStream : Stream
{
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public abstract override void Write(ReadOnlySpan<byte> buffer);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}

/// <summary>A stream whose Write blocks until the test opens the gate: a stalled writer under our control.</summary>
internal sealed class GatedStream : WriteOnlyTestStream
{
    private readonly MemoryStream _inner = new();
    private readonly ManualResetEventSlim _gate = new(false);

    public ManualResetEventSlim WriteEntered { get; } = new(false);

    public void Open() => _gate.Set();

    public byte[] ToArray()
    {
        lock (_inner)
        {
            return _inner.ToArray();
        }
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        WriteEntered.Set();
        Assert.True(_gate.Wait(TimeSpan.FromSeconds(10)), "the test never opened the gate");
        lock (_inner)
        {
            _inner.Write(buffer);
        }
    }


    public override void Flush()
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gate.Dispose();
            WriteEntered.Dispose();
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>A stream whose every write and flush throws, like a full disk or a closed pipe.</summary>
internal sealed class FailingStream : WriteOnlyTestStream
{
    public int WriteAttempts;

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Interlocked.Increment(ref WriteAttempts);
        throw new IOException("disk full");
    }


    public override void Flush() => throw new IOException("disk full");
}

/// <summary>Splits logger output into lines and parses every one with System.Text.Json.</summary>
internal static class LogLines
{
    public static List<string> Split(byte[] output)
    {
        string text = Encoding.UTF8.GetString(output);
        Assert.True(text.Length == 0 || text.EndsWith('\n'), "output must end with a newline");
        var lines = new List<string>(text.Split('\n'));
        lines.RemoveAt(lines.Count - 1);
        return lines;
    }

    /// <summary>Parses each line as one JSON object (strictly: no trailing data) and checks the fixed leading fields.</summary>
    public static List<JsonElement> Parse(byte[] output)
    {
        var result = new List<JsonElement>();
        foreach (string line in Split(output))
        {
            using JsonDocument doc = JsonDocument.Parse(line);
            JsonElement root = doc.RootElement.Clone();
            Assert.Equal(JsonValueKind.Object, root.ValueKind);
            using JsonElement.ObjectEnumerator properties = root.EnumerateObject();
            string[] leading = { "timestamp", "level", "component", "message" };
            foreach (string name in leading)
            {
                Assert.True(properties.MoveNext(), line);
                Assert.Equal(name, properties.Current.Name);
            }

            Assert.Equal(JsonValueKind.Number, root.GetProperty("timestamp").ValueKind);
            result.Add(root);
        }

        return result;
    }
}

/// <summary>A clock that moves only when the test says so (both wall time and timestamps).</summary>
internal sealed class ManualClock : TimeProvider
{
    private long _ticks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => FixedClock.Instant.AddTicks(Interlocked.Read(ref _ticks));

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);
}
