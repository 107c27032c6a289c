using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Reflection;
using DistriC.Otlp.Json;
using DistriC.Otlp.Protobuf;

namespace DistriC;

/// <summary>
/// The OTLP resource: the attributes that say which process sent the telemetry (<c>service.name</c>,
/// <c>service.version</c>, <c>service.instance.id</c>, <c>telemetry.sdk.*</c> and the user's own). Encoded once, then
/// copied into every request.
/// </summary>
public sealed class OtlpResource
{
    private const int ResourceAttributes = 1;

    private readonly KeyValuePair<string, string>[] _attributes;

    private OtlpResource(KeyValuePair<string, string>[] attributes)
    {
        _attributes = attributes;
        using var buffer = new ProtoBuffer(1024);
        foreach (KeyValuePair<string, string> attribute in attributes)
        {
            OtlpCommon.WriteStringAttribute(buffer, ResourceAttributes, attribute.Key, attribute.Value);
        }

        EncodedAttributes = buffer.WrittenSpan.ToArray();
        JsonAttributes = OtlpJsonCommon.EncodeResourceAttributes(attributes);
    }

    /// <summary>The SDK name written as <c>telemetry.sdk.name</c>.</summary>
    public const string SdkName = "distric";

    /// <summary>
    /// The <c>service.instance.id</c> of every resource this process creates without one of its own: a random ID chosen
    /// once per process, so the traces and metrics of one process are attributed to the same instance.
    /// </summary>
    public static string ProcessInstanceId { get; } = Guid.NewGuid().ToString();

    /// <summary>The resource's attributes in the order they are sent (later duplicates of a key were dropped).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Attributes => _attributes;

    /// <summary>The value of <c>service.name</c>.</summary>
    public string ServiceName => Find("service.name") ?? string.Empty;

    /// <summary>The <c>Resource</c> message's attribute fields, protobuf-encoded once.</summary>
    internal byte[] EncodedAttributes { get; }

    /// <summary>The <c>Resource</c> message's <c>"attributes":[..]</c> member in the OTLP JSON encoding, encoded once.</summary>
    internal byte[] JsonAttributes { get; }

    /// <summary>
    /// Creates a resource. <c>telemetry.sdk.name</c> (<see cref="SdkName"/>), <c>telemetry.sdk.language</c>
    /// (<c>dotnet</c>) and <c>telemetry.sdk.version</c> are added; <c>service.instance.id</c> is
    /// <see cref="ProcessInstanceId"/> unless <paramref name="attributes"/> names one.
    /// </summary>
    /// <param name="serviceName">The <c>service.name</c>, e.g. <c>checkout</c>.</param>
    /// <param name="serviceVersion">The <c>service.version</c>, or null to leave it out.</param>
    /// <param name="attributes">Further attributes, e.g. <c>deployment.environment.name</c>; the explicit arguments win over a key repeated here.</param>
    /// <returns>The resource.</returns>
    public static OtlpResource Create(string serviceName, string? serviceVersion = null, IEnumerable<KeyValuePair<string, string>>? attributes = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceName);
        var list = new List<KeyValuePair<string, string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Add(list, seen, "service.name", serviceName);
        if (serviceVersion is not null)
        {
            Add(list, seen, "service.version", serviceVersion);
        }

        foreach (KeyValuePair<string, string> attribute in attributes ?? [])
        {
            Add(list, seen, attribute.Key, attribute.Value);
        }

        Add(list, seen, "service.instance.id", ProcessInstanceId);
        Add(list, seen, "telemetry.sdk.name", SdkName);
        Add(list, seen, "telemetry.sdk.language", "dotnet");
        Add(list, seen, "telemetry.sdk.version", SdkVersion);
        return new OtlpResource([.. list]);
    }

    /// <summary>
    /// Creates the resource the environment describes: <c>OTEL_SERVICE_NAME</c>, else <c>service.name</c> from
    /// <c>OTEL_RESOURCE_ATTRIBUTES</c> (<c>key=value,key=value</c>, values percent-decoded), else
    /// <c>unknown_service:&lt;process name&gt;</c> as the specification asks; <c>service.version</c> from the entry
    /// assembly's informational version unless the attributes name one.
    /// </summary>
    /// <param name="getVariable">Reads a variable; null reads the process environment.</param>
    /// <returns>The resource.</returns>
    public static OtlpResource FromEnvironment(Func<string, string?>? getVariable = null)
    {
        getVariable ??= Environment.GetEnvironmentVariable;
        List<KeyValuePair<string, string>> attributes = OtlpEnvironment.ParseList(getVariable("OTEL_RESOURCE_ATTRIBUTES"));
        string? serviceName = NonEmpty(getVariable("OTEL_SERVICE_NAME")) ?? FindIn(attributes, "service.name");
        string? version = FindIn(attributes, "service.version") ?? EntryVersion();
        return Create(serviceName ?? "unknown_service:" + ProcessName(), version, attributes);
    }

    internal static string SdkVersion { get; } =
        typeof(OtlpResource).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private string? Find(string key) => FindIn(_attributes, key);

    private static string? FindIn(IEnumerable<KeyValuePair<string, string>> attributes, string key)
    {
        foreach (KeyValuePair<string, string> attribute in attributes)
        {
            if (attribute.Key == key)
            {
                return attribute.Value;
            }
        }

        return null;
    }

    private static void Add(List<KeyValuePair<string, string>> list, HashSet<string> seen, string key, string value)
    {
        if (!string.IsNullOrEmpty(key) && seen.Add(key))
        {
            list.Add(new(key, value ?? string.Empty));
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? EntryVersion() =>
        Assembly.GetEntryAssembly()?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0];

    private static string ProcessName()
    {
        using Process process = Process.GetCurrentProcess();
        return process.ProcessName;
    }
}
