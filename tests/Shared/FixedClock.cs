using System;

namespace DistriC.Tests.Support;

/// <summary>A clock fixed at 2024-01-01T00:00:00Z (1704067200000 ms), so log timestamps and output are byte-exact.</summary>
internal sealed class FixedClock : TimeProvider
{
    /// <summary>The fixed time in Unix milliseconds, as log lines write it.</summary>
    public const long UnixMilliseconds = 1704067200000;

    /// <summary>The fixed time.</summary>
    public static readonly DateTimeOffset Instant = DateTimeOffset.FromUnixTimeMilliseconds(UnixMilliseconds);

    public override DateTimeOffset GetUtcNow() => Instant;
}
