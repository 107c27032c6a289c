using System;
using System.IO;

namespace DistriC.Hosting;

/// <summary>
/// Where the <see cref="JsonLogger"/> registered by <see cref="DistricServiceCollectionExtensions.AddDistric"/> writes, and who
/// owns that stream. Choose one of <see cref="StandardOutput"/> (the default), <see cref="StandardError"/>,
/// <see cref="File(string)"/> or <see cref="Stream(System.IO.Stream)"/>.
/// </summary>
/// <remarks>
/// Ownership, so that no line is lost and no stream is closed under someone else:
/// <list type="bullet">
/// <item><see cref="StandardOutput"/>, <see cref="StandardError"/> and <see cref="File(string)"/> are opened by DistriC when
/// the logger is first resolved, and closed by the container after the logger has written and flushed its last entry (the
/// container disposes the logger first because it was created last). For the standard streams DistriC closes only its own
/// stream object (over a duplicate of the handle on Unix): the process's standard output stays open for everyone else.</item>
/// <item><see cref="Stream(System.IO.Stream)"/> belongs to the caller: DistriC never disposes it; dispose it after the service
/// provider.</item>
/// </list>
/// </remarks>
public sealed class DistricLogOutput
{
    private readonly Func<Stream> _open;

    private DistricLogOutput(string description, bool ownedByDistric, Func<Stream> open)
    {
        Description = description;
        OwnedByDistric = ownedByDistric;
        _open = open;
    }

    /// <summary>The process's standard output (the default): visible in a console, collected by container runtimes.</summary>
    public static DistricLogOutput StandardOutput { get; } = new("stdout", ownedByDistric: true, Console.OpenStandardOutput);

    /// <summary>The process's standard error, e.g. when standard output carries the program's own data.</summary>
    public static DistricLogOutput StandardError { get; } = new("stderr", ownedByDistric: true, Console.OpenStandardError);

    /// <summary>What the output is, e.g. <c>stdout</c> or <c>file:/var/log/app.log</c>.</summary>
    public string Description { get; }

    /// <summary>True when DistriC opens and closes the stream itself (every choice but <see cref="Stream(System.IO.Stream)"/>).</summary>
    public bool OwnedByDistric { get; }

    /// <summary>
    /// A file, opened for appending (created if missing, readable by others while open) when the logger is first resolved,
    /// and closed by the container after the logger's final flush.
    /// </summary>
    /// <param name="path">The file's path; its directory must exist.</param>
    /// <returns>The output choice.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    public static DistricLogOutput File(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new DistricLogOutput("file:" + path, ownedByDistric: true, () => new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read));
    }

    /// <summary>A stream the caller owns: DistriC writes and flushes it but never disposes it.</summary>
    /// <param name="stream">A writable stream; dispose it yourself after disposing the service provider.</param>
    /// <returns>The output choice.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> is not writable.</exception>
    public static DistricLogOutput Stream(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanWrite)
        {
            throw new ArgumentException("The log output stream must be writable.", nameof(stream));
        }

        return new DistricLogOutput("stream:" + stream.GetType().Name, ownedByDistric: false, () => stream);
    }

    /// <inheritdoc />
    public override string ToString() => Description;

    internal Stream Open() => _open();
}
