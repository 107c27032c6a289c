using System;
using System.Collections.Generic;
using System.Linq;

namespace DistriC.Runtime.Tests.Otlp;

/// <summary>The standard <c>OTEL_*</c> variables, read from a dictionary instead of the process environment.</summary>
public sealed class OtlpEnvironmentTests
{
    [Theory]
    [InlineData("http://collector:4318", "http://collector:4318/v1/traces")]
    [InlineData("http://collector:4318/", "http://collector:4318/v1/traces")]
    [InlineData("http://collector:4318/otlp", "http://collector:4318/otlp/v1/traces")]
    [InlineData("https://collector/otlp/", "https://collector/otlp/v1/traces")]
    public void The_base_endpoint_gets_the_signal_path_with_one_slash(string baseEndpoint, string expected)
    {
        OtlpExporterOptions options = Read(OtlpSignal.Traces, ("OTEL_EXPORTER_OTLP_ENDPOINT", baseEndpoint))!;
        Assert.Equal(expected, options.Endpoint!.ToString());
    }

    [Fact]
    public void Each_signal_appends_its_own_path()
    {
        (string, string) endpoint = ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318");
        Assert.Equal("http://c:4318/v1/logs", Read(OtlpSignal.Logs, endpoint)!.Endpoint!.ToString());
        Assert.Equal("http://c:4318/v1/metrics", Read(OtlpSignal.Metrics, endpoint)!.Endpoint!.ToString());
    }

    [Fact]
    public void A_signal_endpoint_is_used_as_it_is_and_wins_over_the_base()
    {
        OtlpExporterOptions options = Read(OtlpSignal.Traces,
            ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://base:4318"),
            ("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://traces:9999/custom/path"))!;
        Assert.Equal("http://traces:9999/custom/path", options.Endpoint!.ToString());
    }

    [Fact]
    public void No_endpoint_means_no_export()
    {
        Assert.Null(Read(OtlpSignal.Traces, ("OTEL_EXPORTER_OTLP_LOGS_ENDPOINT", "http://logs:4318/v1/logs")));
        Assert.Null(Read(OtlpSignal.Traces, ("OTEL_EXPORTER_OTLP_ENDPOINT", "  ")));
    }

    [Fact]
    public void Defaults_are_protobuf_ten_seconds_no_compression_no_headers()
    {
        OtlpExporterOptions options = Read(OtlpSignal.Traces, ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318"))!;
        Assert.Equal(OtlpProtocol.HttpProtobuf, options.Protocol);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Timeout);
        Assert.Equal(OtlpCompression.None, options.Compression);
        Assert.Empty(options.Headers);
    }

    [Fact]
    public void Signal_settings_win_over_general_ones()
    {
        OtlpExporterOptions options = Read(OtlpSignal.Traces,
            ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318"),
            ("OTEL_EXPORTER_OTLP_TIMEOUT", "2500"),
            ("OTEL_EXPORTER_OTLP_TRACES_TIMEOUT", "750"),
            ("OTEL_EXPORTER_OTLP_COMPRESSION", "none"),
            ("OTEL_EXPORTER_OTLP_TRACES_COMPRESSION", "gzip"),
            ("OTEL_EXPORTER_OTLP_HEADERS", "general=1"),
            ("OTEL_EXPORTER_OTLP_TRACES_HEADERS", "api-key=secret%20value, tenant = a%2Cb ,=skipped,noequals"))!;
        Assert.Equal(TimeSpan.FromMilliseconds(750), options.Timeout);
        Assert.Equal(OtlpCompression.Gzip, options.Compression);
        Assert.Equal(["api-key=secret value", "tenant=a,b"], options.Headers.Select(h => $"{h.Key}={h.Value}"));
    }

    [Fact]
    public void General_settings_apply_when_the_signal_has_none()
    {
        OtlpExporterOptions options = Read(OtlpSignal.Metrics,
            ("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "http://m:4318/v1/metrics"),
            ("OTEL_EXPORTER_OTLP_TIMEOUT", "2500"),
            ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
            ("OTEL_EXPORTER_OTLP_HEADERS", "x=y"))!;
        Assert.Equal(TimeSpan.FromMilliseconds(2500), options.Timeout);
        Assert.Equal("x=y", options.Headers.Select(h => $"{h.Key}={h.Value}").Single());
    }

    [Fact]
    public void Http_json_is_chosen_in_general_or_per_signal()
    {
        Assert.Equal(OtlpProtocol.HttpJson, Read(OtlpSignal.Traces,
            ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318"), ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json"))!.Protocol);
        (string, string)[] perSignal =
        [
            ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4318"),
            ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
            ("OTEL_EXPORTER_OTLP_METRICS_PROTOCOL", "HTTP/JSON"),
        ];
        Assert.Equal(OtlpProtocol.HttpJson, Read(OtlpSignal.Metrics, perSignal)!.Protocol);
        Assert.Equal(OtlpProtocol.HttpProtobuf, Read(OtlpSignal.Traces, perSignal)!.Protocol);
    }

    [Theory]
    [InlineData("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc", "not supported")]
    [InlineData("OTEL_EXPORTER_OTLP_PROTOCOL", "thrift", "must be http/protobuf")]
    [InlineData("OTEL_EXPORTER_OTLP_TIMEOUT", "10s", "milliseconds")]
    [InlineData("OTEL_EXPORTER_OTLP_TIMEOUT", "0", "milliseconds")]
    [InlineData("OTEL_EXPORTER_OTLP_COMPRESSION", "zstd", "gzip or none")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4318", "absolute http or https")]
    public void Invalid_values_fail_with_a_message_naming_the_fix(string name, string value, string fragment)
    {
        var variables = new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://c:4318", [name] = value };
        var error = Assert.Throws<FormatException>(() => OtlpExporterOptions.FromEnvironment(OtlpSignal.Traces, n => variables.GetValueOrDefault(n)));
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_service_name_comes_from_OTEL_SERVICE_NAME_first_then_the_resource_attributes()
    {
        OtlpResource named = OtlpResource.FromEnvironment(Lookup(
            ("OTEL_SERVICE_NAME", "orders"),
            ("OTEL_RESOURCE_ATTRIBUTES", "service.name=ignored,service.version=2.0,deployment.environment.name=prod%2Feu")));
        Assert.Equal("orders", named.ServiceName);
        var attributes = named.Attributes.ToDictionary(a => a.Key, a => a.Value);
        Assert.Equal("2.0", attributes["service.version"]);
        Assert.Equal("prod/eu", attributes["deployment.environment.name"]);
        Assert.Equal("distric", attributes["telemetry.sdk.name"]);
        Assert.Equal("dotnet", attributes["telemetry.sdk.language"]);
        Assert.Single(named.Attributes, a => a.Key == "service.name");

        Assert.Equal("billing", OtlpResource.FromEnvironment(Lookup(("OTEL_RESOURCE_ATTRIBUTES", "service.name=billing"))).ServiceName);
        Assert.StartsWith("unknown_service:", OtlpResource.FromEnvironment(Lookup()).ServiceName, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_resource_of_the_process_shares_one_random_instance_id_unless_one_is_given()
    {
        string Id(OtlpResource r) => r.Attributes.Single(a => a.Key == "service.instance.id").Value;
        Assert.Equal(Id(OtlpResource.Create("a")), Id(OtlpResource.FromEnvironment(_ => null)));
        Assert.Equal(OtlpResource.ProcessInstanceId, Id(OtlpResource.Create("b")));
        Assert.True(Guid.TryParse(OtlpResource.ProcessInstanceId, out _));
        Assert.Equal("pod-7", Id(OtlpResource.Create("a", attributes: [new("service.instance.id", "pod-7")])));
    }

    private static OtlpExporterOptions? Read(OtlpSignal signal, params (string Name, string Value)[] variables) =>
        OtlpExporterOptions.FromEnvironment(signal, Lookup(variables));

    private static Func<string, string?> Lookup(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => (string?)v.Value);
        return name => map.GetValueOrDefault(name);
    }
}
