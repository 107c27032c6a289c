using System;
using System.Collections.Generic;
using System.Linq;

namespace DistriC.Runtime.Tests.Otlp.Support;

/// <summary>
/// The LogRecords of OTLP <c>ExportLogsServiceRequest</c> bodies, read with the test's own <see cref="ProtoMessage"/>
/// decoder (field numbers from <c>opentelemetry/proto/logs/v1/logs.proto</c>).
/// </summary>
internal static class LogRecords
{
    public const int TimeUnixNano = 1;
    public const int SeverityNumber = 2;
    public const int SeverityText = 3;
    public const int Body = 5;
    public const int Attributes = 6;
    public const int TraceId = 9;
    public const int SpanId = 10;
    public const int ObservedTimeUnixNano = 11;

    /// <summary>Every record of every request body, in order: request → resource_logs (1) → scope_logs (2) → log_records (2).</summary>
    public static List<ProtoMessage> Of(IEnumerable<byte[]> bodies) =>
        bodies.SelectMany(body => ProtoMessage.Parse(body).All(1))
            .SelectMany(resourceLogs => resourceLogs.Message.All(2))
            .SelectMany(scopeLogs => scopeLogs.Message.All(2))
            .Select(record => record.Message)
            .ToList();

    /// <summary>The scope names of a request body's <c>ScopeLogs</c>.</summary>
    public static IEnumerable<string> ScopeNames(byte[] body) =>
        ProtoMessage.Parse(body).All(1).SelectMany(r => r.Message.All(2)).Select(s => s.Message.One(1).Message.One(1).Text);

    /// <summary>The record's attributes with their types.</summary>
    public static List<(string Key, TypedValue Value)> AttributesOf(ProtoMessage record) => TypedValue.Attributes(record, Attributes);

    /// <summary>The record's body with its type.</summary>
    public static TypedValue BodyOf(ProtoMessage record) => TypedValue.Of(record.One(Body, 2).Message);

    /// <summary>The lower-case hex of a bytes field, or null when the record has none.</summary>
    public static string? Hex(ProtoMessage record, int field) =>
        record.Optional(field) is { } id ? Convert.ToHexString(id.Bytes).ToLowerInvariant() : null;
}
