using System;

namespace DistriC.Hosting.Tests.Support;

/// <summary>A clock fixed at 2024-01-01T00:00:00Z (1704067200000 ms), so log timestamps are exact.</summary>
public sealed class FixedClock : TimeProvider
{
    public const long UnixMilliseconds = 1704067200000;

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.FromUnixTimeMilliseconds(UnixMilliseconds);
}
