namespace DistriC;

/// <summary>
/// The role of a span in a trace, with the values and meaning of OpenTelemetry's span kind, so that exporters map it
/// one to one.
/// </summary>
public enum SpanKind
{
    /// <summary>An operation inside the process (the default).</summary>
    Internal = 0,

    /// <summary>The handling of a request from a remote client, e.g. an incoming HTTP request.</summary>
    Server = 1,

    /// <summary>A request to a remote service, e.g. an outgoing HttpClient call.</summary>
    Client = 2,

    /// <summary>The sending of a message that is processed later, e.g. enqueueing a job.</summary>
    Producer = 3,

    /// <summary>The processing of a message sent by a producer.</summary>
    Consumer = 4,
}
