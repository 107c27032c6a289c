using System;
using System.Collections.Generic;
using System.Globalization;

namespace DistriC;

/// <summary>Reads the standard <c>OTEL_EXPORTER_OTLP_*</c> variables into <see cref="OtlpExporterOptions"/>.</summary>
internal static class OtlpEnvironment
{
    private const string Prefix = "OTEL_EXPORTER_OTLP_";

    public static OtlpExporterOptions? Read(OtlpSignal signal, Func<string, string?> get)
    {
        string signalPrefix = Prefix + signal.ToString().ToUpperInvariant() + "_";
        string? signalEndpoint = Value(get, signalPrefix + "ENDPOINT");
        string? baseEndpoint = Value(get, Prefix + "ENDPOINT");
        Uri endpoint;
        if (signalEndpoint is not null)
        {
            endpoint = ParseUri(signalPrefix + "ENDPOINT", signalEndpoint);
        }
        else if (baseEndpoint is not null)
        {
            endpoint = OtlpExporterOptions.ForBaseEndpoint(ParseUri(Prefix + "ENDPOINT", baseEndpoint), signal);
        }
        else
        {
            return null;
        }

        string? Setting(string name) => Value(get, signalPrefix + name) ?? Value(get, Prefix + name);
        return new OtlpExporterOptions
        {
            Endpoint = endpoint,
            Protocol = ParseProtocol(Setting("PROTOCOL")),
            Headers = ParseList(Setting("HEADERS")),
            Timeout = ParseTimeout(Setting("TIMEOUT")),
            Compression = ParseCompression(Setting("COMPRESSION")),
            Resource = OtlpResource.FromEnvironment(get),
        };
    }

    /// <summary>Reads <c>OTEL_METRIC_EXPORT_INTERVAL</c> (milliseconds); 60 s when unset.</summary>
    public static TimeSpan MetricExportInterval(Func<string, string?> get)
    {
        string? value = Value(get, "OTEL_METRIC_EXPORT_INTERVAL");
        return value is null ? TimeSpan.FromSeconds(60) : TimeSpan.FromMilliseconds(ParsePositiveMilliseconds("OTEL_METRIC_EXPORT_INTERVAL", value));
    }

    /// <summary>
    /// Parses the W3C-baggage-like <c>key=value,key=value</c> lists of <c>OTEL_EXPORTER_OTLP_HEADERS</c> and
    /// <c>OTEL_RESOURCE_ATTRIBUTES</c>: whitespace around items trimmed, values percent-decoded, items without a key skipped.
    /// </summary>
    public static List<KeyValuePair<string, string>> ParseList(string? value)
    {
        var list = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrWhiteSpace(value))
        {
            return list;
        }

        foreach (string item in value.Split(','))
        {
            int equals = item.IndexOf('=', StringComparison.Ordinal);
            string key = equals < 0 ? string.Empty : item[..equals].Trim();
            if (key.Length == 0)
            {
                continue;
            }

            list.Add(new(Uri.UnescapeDataString(key), Uri.UnescapeDataString(item[(equals + 1)..].Trim())));
        }

        return list;
    }

    private static string? Value(Func<string, string?> get, string name)
    {
        string? value = get(name);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static Uri ParseUri(string name, string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new FormatException($"{name} must be an absolute http or https URL, not '{value}'.");

    private static OtlpProtocol ParseProtocol(string? value) => value?.ToLowerInvariant() switch
    {
        null or "http/protobuf" => OtlpProtocol.HttpProtobuf,
        "http/json" => OtlpProtocol.HttpJson,
        "grpc" => throw new FormatException(
            "OTEL_EXPORTER_OTLP_PROTOCOL=grpc is not supported by DistriC; use http/protobuf (port 4318 on a collector) or http/json."),
        _ => throw new FormatException($"OTEL_EXPORTER_OTLP_PROTOCOL must be http/protobuf or http/json, not '{value}'."),
    };

    private static OtlpCompression ParseCompression(string? value) => value?.ToLowerInvariant() switch
    {
        null or "none" => OtlpCompression.None,
        "gzip" => OtlpCompression.Gzip,
        _ => throw new FormatException($"OTEL_EXPORTER_OTLP_COMPRESSION must be gzip or none, not '{value}'."),
    };

    private static TimeSpan ParseTimeout(string? value) =>
        value is null ? OtlpExporterOptions.DefaultTimeout : TimeSpan.FromMilliseconds(ParsePositiveMilliseconds("OTEL_EXPORTER_OTLP_TIMEOUT", value));

    private static long ParsePositiveMilliseconds(string name, string value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long ms) && ms > 0
            ? ms
            : throw new FormatException($"{name} must be a positive number of milliseconds, not '{value}'.");
}
