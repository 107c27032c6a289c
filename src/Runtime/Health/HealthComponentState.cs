using System;

namespace DistriC;

/// <summary>One consistent reading of a <see cref="HealthComponent"/>: status, message and time of the last update, taken together.</summary>
/// <param name="Status">The reported status.</param>
/// <param name="Message">The last message given (an update without a message keeps the previous one); null if none was ever given.</param>
/// <param name="LastUpdated">When the component was registered or last updated, by the registry's clock.</param>
public sealed record HealthComponentState(HealthStatus Status, string? Message, DateTimeOffset LastUpdated);
