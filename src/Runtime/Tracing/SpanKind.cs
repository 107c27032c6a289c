namespace DistriC;

/// <summary>
/// The role of a span in its trace (OpenTelemetry's span kinds): whether it serves a remote call, makes one, or is
/// in-process work. Backends use it to draw service maps and to pair client and server spans.
/// </summary>
public enum SpanKind
{
    /// <summary>In-process work with no remote side (the default).</summary>
    Internal = 0,
    /// <summary>Handling of a synchronous remote request, e.g. an incoming HTTP request.</summary>
    Server = 1,
    /// <summary>A synchronous request to a remote service, e.g. an outgoing HTTP call.</summary>
    Client = 2,
    /// <summary>Sending a message that is processed later (a queue or topic publish).</summary>
    Producer = 3,
    /// <summary>Processing a message sent by a producer.</summary>
    Consumer = 4,
}
