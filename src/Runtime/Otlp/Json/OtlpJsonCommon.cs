using System;
using System.Collections.Generic;

namespace DistriC.Otlp.Json;

/// <summary>
/// The shared messages of <c>common.proto</c> in the OTLP JSON encoding (<c>KeyValue</c> with its typed <c>AnyValue</c>,
/// <c>InstrumentationScope</c>, the resource), for the trace and metric encoders and any later signal's.
/// </summary>
internal static class OtlpJsonCommon
{
    /// <summary>
    /// Starts a request of one resource and one scope, up to the opening of the items array: for traces
    /// <c>{"resourceSpans":[{"resource":{..},"scopeSpans":[{"scope":{..},"spans":[</c> (logs: <c>resourceLogs</c>,
    /// <c>scopeLogs</c>, <c>logRecords</c>). Resets the buffer first; close with <see cref="EndRequest"/>.
    /// </summary>
    public static void BeginRequest(
        OtlpJsonBuffer json, ReadOnlySpan<byte> resourceItems, ReadOnlySpan<byte> scopeItems, ReadOnlySpan<byte> items, OtlpResource resource, string scopeName)
    {
        json.Reset();
        json.StartObject();
        json.Name(resourceItems);
        json.StartArray();
        json.StartObject();
        WriteResource(json, resource);
        json.Name(scopeItems);
        json.StartArray();
        json.StartObject();
        WriteScope(json, scopeName, OtlpResource.SdkVersion);
        json.Name(items);
        json.StartArray();
    }

    /// <summary>Closes what <see cref="BeginRequest"/> opened.</summary>
    public static void EndRequest(OtlpJsonBuffer json)
    {
        json.EndArray();
        json.EndObject();
        json.EndArray();
        json.EndObject();
        json.EndArray();
        json.EndObject();
    }

    /// <summary><c>"attributes":[{"key":..,"value":{..}},..]</c>; nothing when there are none (the mapping omits empty repeated fields).</summary>
    public static void WriteAttributes(OtlpJsonBuffer json, ReadOnlySpan<SpanTag> attributes)
    {
        if (attributes.IsEmpty)
        {
            return;
        }

        json.Name("\"attributes\""u8);
        json.StartArray();
        foreach (ref readonly SpanTag attribute in attributes)
        {
            WriteKeyValue(json, attribute);
        }

        json.EndArray();
    }

    /// <summary>String attributes from parallel name and value lists (metric labels).</summary>
    public static void WriteAttributes(OtlpJsonBuffer json, ReadOnlySpan<string> names, ReadOnlySpan<string> values)
    {
        if (names.IsEmpty)
        {
            return;
        }

        json.Name("\"attributes\""u8);
        json.StartArray();
        for (int i = 0; i < names.Length; i++)
        {
            WriteKeyValue(json, new SpanTag(names[i], values[i]));
        }

        json.EndArray();
    }

    /// <summary>One <c>KeyValue</c>: <c>{"key":"k","value":{"stringValue":"v"}}</c>, <c>intValue</c> as a decimal string, <c>doubleValue</c>, <c>boolValue</c>; a null string as an empty value.</summary>
    public static void WriteKeyValue(OtlpJsonBuffer json, in SpanTag tag)
    {
        // Most attributes repeat span after span: the whole encoded object is then one copy.
        ReadOnlySpan<byte> cached = json.Strings.FindAttribute(tag, out int pairSlot);
        if (!cached.IsEmpty)
        {
            json.Raw(cached);
            return;
        }

        int start = json.BeginValue();
        json.StartObject();
        json.Name("\"key\""u8);
        json.String(tag.Key);
        json.Name("\"value\""u8);
        json.StartObject();
        switch (tag.Type)
        {
            case SpanTagType.Long:
                json.Name("\"intValue\""u8);
                json.Int64String(tag.LongValue);
                break;
            case SpanTagType.Double:
                json.Name("\"doubleValue\""u8);
                json.Double(tag.DoubleValue);
                break;
            case SpanTagType.Bool:
                json.Name("\"boolValue\""u8);
                json.Bool(tag.BoolValue);
                break;
            default:
                if (tag.StringValue is { } text)
                {
                    json.Name("\"stringValue\""u8);
                    json.String(text);
                }

                break;
        }

        json.EndObject();
        json.EndObject();
        json.Strings.StoreAttribute(tag, pairSlot, json.WrittenSpan[start..]);
    }

    /// <summary><c>"scope":{"name":..,"version":..}</c>.</summary>
    public static void WriteScope(OtlpJsonBuffer json, string name, string version)
    {
        json.Name("\"scope\""u8);
        json.StartObject();
        json.Name("\"name\""u8);
        json.String(name);
        json.Name("\"version\""u8);
        json.String(version);
        json.EndObject();
    }

    /// <summary><c>"resource":{"attributes":[..]}</c>, from the resource's attributes encoded once.</summary>
    public static void WriteResource(OtlpJsonBuffer json, OtlpResource resource)
    {
        json.Name("\"resource\""u8);
        json.StartObject();
        json.Raw(resource.JsonAttributes);
        json.EndObject();
    }

    /// <summary>Encodes resource attributes as the <c>"attributes":[..]</c> member (done once per resource).</summary>
    public static byte[] EncodeResourceAttributes(IReadOnlyList<KeyValuePair<string, string>> attributes)
    {
        using var json = new OtlpJsonBuffer(1024);
        json.Name("\"attributes\""u8);
        json.StartArray();
        foreach (KeyValuePair<string, string> attribute in attributes)
        {
            WriteKeyValue(json, new SpanTag(attribute.Key, attribute.Value));
        }

        json.EndArray();
        return json.WrittenSpan.ToArray();
    }
}
