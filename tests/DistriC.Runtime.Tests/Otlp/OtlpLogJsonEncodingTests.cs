using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using DistriC.Infrastructure;
using DistriC.Runtime.Tests.Otlp.Support;
using DistriC.Runtime.Tests.Tracing;
using DistriC.Tests.Support;

namespace DistriC.Runtime.Tests.Otlp;

/// <summary>
/// Logs over OTLP/HTTP JSON: one logger feeds a protobuf exporter and a JSON exporter at once, and every record the JSON
/// receiver gets (parsed with System.Text.Json against the OTLP JSON mapping) says exactly what the protobuf receiver's
/// record says (read with the test's own protobuf decoder): times, severity, body, typed attributes, IDs.
/// </summary>
public sealed class OtlpLogJsonEncodingTests
{
    private static readonly OtlpResource Resource = OtlpResource.Create("log-json-test", "3.0.0");

    [Fact]
    public async Task Json_records_carry_the_same_fields_values_and_types_as_the_protobuf_records()
    {
        await using LoopbackReceiver protobuf = await LoopbackReceiver.StartAsync((_, c) => LoopbackReceiver.Ok(c));
        await using LoopbackReceiver json = await LoopbackReceiver.StartAsync((_, c) => LoopbackReceiver.Ok(c));
        using var spans = new CollectingExporter();
        using Tracer tracer = TestTracers.Manual(spans);
        TraceContext.Extract("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", out TraceContext remote);
        TraceSpan span = tracer.StartSpanFromContext(remote, "GET /orders");

        using (var protobufExporter = new OtlpLogExporter(Options(protobuf, OtlpProtocol.HttpProtobuf)))
        using (var jsonExporter = new OtlpLogExporter(Options(json, OtlpProtocol.HttpJson)))
        using (var logger = new JsonLogger(Stream.Null, new JsonLoggerOptions { TimeProvider = new FixedClock(), Sinks = { protobufExporter, jsonExporter } }))
        {
            using (span.Activate())
            {
                Assert.True(LogEntryWriter.TryBegin(logger, LogLevel.Warn, ",\"level\":\"WARN\",\"component\":\"orders\",\"message\":\"Order stored\""u8, out LogEntryWriter w));
                w.AppendString(",\"customer\":"u8, "c-17");
                w.AppendNumber(",\"items\":"u8, 3);
                w.AppendNumber(",\"negative\":"u8, -42L);
                w.AppendNumber(",\"big\":"u8, ulong.MaxValue);
                w.AppendDouble(",\"ratio\":"u8, 0.25);
                w.AppendDouble(",\"nan\":"u8, double.NaN);
                w.AppendBoolean(",\"paid\":"u8, false);
                w.AppendNull(",\"coupon\":"u8);
                w.AppendException(",\"error\":"u8, new InvalidOperationException("boom \"quoted\"\n"));
                w.AppendRaw(",\"tags\":[1,\"a\",true,2.5]"u8);
                Assert.Equal(DistricStatus.Ok, w.Commit());
            }

            Assert.Equal(DistricStatus.Ok, logger.Write(
                LogLevel.Error, "hostile \"component\"", "line1\nline2\t\"q\" back\\slash \u0001\u001f\u007f lone \ud800 ✓ é",
                new KeyValuePair<string, string?>("key \"x\"\n\\", "\u0000 pair \ud83d\ude00 </script>")));
            for (int i = 0; i < 600; i++)
            {
                Assert.Equal(DistricStatus.Ok, logger.Write(LogLevel.Info, "bulk", "line " + i.ToString(CultureInfo.InvariantCulture)));
            }

            logger.Dispose();
            protobufExporter.Dispose();
            jsonExporter.Dispose();
            Assert.Equal(logger.WrittenCount, jsonExporter.GetStats().Exported);
        }

        List<ProtoMessage> expected = LogRecords.Of(protobuf.Requests.Select(r => r.Body));
        Assert.Equal(602, expected.Count);
        Assert.All(json.Requests, r => Assert.Equal("application/json", r.Headers["Content-Type"]));
        Assert.All(json.Requests, r => Assert.Equal("/v1/logs", r.Path));
        var actual = new List<JsonElement>();
        foreach (ReceivedRequest request in json.Requests)
        {
            JsonElement root = JsonDocument.Parse(request.Body).RootElement;
            JsonElement resourceLogs = Assert.Single(root.GetProperty("resourceLogs").EnumerateArray());
            Assert.Contains(resourceLogs.GetProperty("resource").GetProperty("attributes").EnumerateArray(),
                a => a.GetProperty("key").GetString() == "service.name" && a.GetProperty("value").GetProperty("stringValue").GetString() == "log-json-test");
            JsonElement scopeLogs = Assert.Single(resourceLogs.GetProperty("scopeLogs").EnumerateArray());
            Assert.Equal("DistriC.JsonLogger", scopeLogs.GetProperty("scope").GetProperty("name").GetString());
            actual.AddRange(scopeLogs.GetProperty("logRecords").EnumerateArray());
        }

        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(RenderProtobuf(expected[i]), RenderJson(actual[i]));
        }

        // The first record spelled out, so the comparison above cannot pass by rendering both sides wrongly alike.
        JsonElement first = actual[0];
        Assert.Equal((FixedClock.UnixMilliseconds * 1_000_000).ToString(CultureInfo.InvariantCulture), first.GetProperty("timeUnixNano").GetString());
        Assert.Equal(13, first.GetProperty("severityNumber").GetInt32());
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", first.GetProperty("traceId").GetString());
        Assert.Equal(span.SpanId.ToString(), first.GetProperty("spanId").GetString());
        Assert.Equal("Order stored", first.GetProperty("body").GetProperty("stringValue").GetString());
        JsonElement items = first.GetProperty("attributes").EnumerateArray().Single(a => a.GetProperty("key").GetString() == "items");
        Assert.Equal("3", items.GetProperty("value").GetProperty("intValue").GetString());
        JsonElement hostile = actual[1].GetProperty("attributes").EnumerateArray().Single(a => a.GetProperty("key").GetString() == "key \"x\"\n\\");
        Assert.Equal("\u0000 pair \ud83d\ude00 </script>", hostile.GetProperty("value").GetProperty("stringValue").GetString());
    }

    private static OtlpExporterOptions Options(LoopbackReceiver receiver, OtlpProtocol protocol) => new()
    {
        Endpoint = new Uri($"http://127.0.0.1:{receiver.Port}/v1/logs"),
        Resource = Resource,
        Protocol = protocol,
    };

    private static string RenderProtobuf(ProtoMessage record)
    {
        var text = new StringBuilder();
        text.Append("time=").Append(record.One(LogRecords.TimeUnixNano, 1).Scalar)
            .Append(" observed=").Append(record.One(LogRecords.ObservedTimeUnixNano, 1).Scalar)
            .Append(" severity=").Append(record.One(LogRecords.SeverityNumber, 0).Scalar)
            .Append(" text=").Append(record.One(LogRecords.SeverityText, 2).Text)
            .Append(" trace=").Append(LogRecords.Hex(record, LogRecords.TraceId))
            .Append(" span=").Append(LogRecords.Hex(record, LogRecords.SpanId))
            .Append(" body=").Append(Render(LogRecords.BodyOf(record)));
        foreach ((string key, TypedValue value) in LogRecords.AttributesOf(record))
        {
            text.Append(" [").Append(key).Append(']').Append(Render(value));
        }

        return text.ToString();
    }

    private static string RenderJson(JsonElement record)
    {
        var text = new StringBuilder();
        text.Append("time=").Append(ulong.Parse(record.GetProperty("timeUnixNano").GetString()!, CultureInfo.InvariantCulture))
            .Append(" observed=").Append(ulong.Parse(record.GetProperty("observedTimeUnixNano").GetString()!, CultureInfo.InvariantCulture))
            .Append(" severity=").Append(record.GetProperty("severityNumber").GetInt32())
            .Append(" text=").Append(record.GetProperty("severityText").GetString())
            .Append(" trace=").Append(record.TryGetProperty("traceId", out JsonElement trace) ? trace.GetString() : null)
            .Append(" span=").Append(record.TryGetProperty("spanId", out JsonElement spanId) ? spanId.GetString() : null)
            .Append(" body=").Append(Render(FromJson(record.GetProperty("body"))));
        if (record.TryGetProperty("attributes", out JsonElement attributes))
        {
            foreach (JsonElement attribute in attributes.EnumerateArray())
            {
                text.Append(" [").Append(attribute.GetProperty("key").GetString()).Append(']').Append(Render(FromJson(attribute.GetProperty("value"))));
            }
        }

        return text.ToString();
    }

    // The OTLP JSON mapping of AnyValue, read independently of the encoder: int64 as a decimal string, the rest native.
    private static TypedValue FromJson(JsonElement value)
    {
        if (!value.EnumerateObject().Any())
        {
            return new TypedValue("empty", null);
        }

        JsonProperty member = Assert.Single(value.EnumerateObject());
        return member.Name switch
        {
            "stringValue" => new TypedValue("string", member.Value.GetString()),
            "boolValue" => new TypedValue("bool", member.Value.GetBoolean()),
            "intValue" => new TypedValue("int", long.Parse(member.Value.GetString()!, CultureInfo.InvariantCulture)),
            "doubleValue" => new TypedValue("double", member.Value.ValueKind == JsonValueKind.String
                ? double.Parse(member.Value.GetString()!, CultureInfo.InvariantCulture) : member.Value.GetDouble()),
            "arrayValue" => new TypedValue("array", member.Value.GetProperty("values").EnumerateArray().Select(FromJson).ToList()),
            "kvlistValue" => new TypedValue("kvlist", member.Value.GetProperty("values").EnumerateArray()
                .Select(kv => (kv.GetProperty("key").GetString()!, FromJson(kv.GetProperty("value")))).ToList()),
            _ => new TypedValue("other:" + member.Name, null),
        };
    }

    private static string Render(TypedValue value) => value.Value switch
    {
        List<TypedValue> items => value.Type + "[" + string.Join(",", items.Select(Render)) + "]",
        List<(string Key, TypedValue Value)> pairs => value.Type + "{" + string.Join(",", pairs.Select(p => p.Key + "=" + Render(p.Value))) + "}",
        double d => value.Type + ":" + d.ToString("R", CultureInfo.InvariantCulture),
        _ => value.Type + ":" + Convert.ToString(value.Value, CultureInfo.InvariantCulture),
    };
}
