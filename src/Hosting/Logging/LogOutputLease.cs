using System;
using System.IO;
using System.Threading.Tasks;

namespace DistriC.Hosting.Logging;

/// <summary>
/// The opened stream of a <see cref="DistricLogOutput"/>, as a container singleton. It is resolved inside the
/// <see cref="JsonLogger"/>'s factory, so it is created before the logger and the container (which disposes singletons in
/// reverse order of creation) disposes it after the logger has flushed its last entry. It closes only streams DistriC opened.
/// </summary>
internal sealed class LogOutputLease : IDisposable, IAsyncDisposable
{
    private readonly bool _owned;

    public LogOutputLease(DistricLogOutput output)
    {
        Stream = output.Open();
        _owned = output.OwnedByDistric;
    }

    public Stream Stream { get; }

    public void Dispose()
    {
        if (_owned)
        {
            Stream.Dispose();
        }
    }

    public ValueTask DisposeAsync() => _owned ? Stream.DisposeAsync() : ValueTask.CompletedTask;
}
