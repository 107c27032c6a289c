namespace DistriC.Otlp.Protobuf;

/// <summary>
/// The messages of <c>opentelemetry/proto/common/v1/common.proto</c> that every signal shares: <c>KeyValue</c> with its
/// <c>AnyValue</c>, and <c>InstrumentationScope</c>. Field numbers are the spec's.
/// </summary>
internal static class OtlpCommon
{
    private const int KeyValueKey = 1;
    private const int KeyValueValue = 2;
    private const int AnyValueString = 1;
    private const int AnyValueBool = 2;
    private const int AnyValueInt = 3;
    private const int AnyValueDouble = 4;
    private const int ScopeName = 1;
    private const int ScopeVersion = 2;

    /// <summary>A string attribute; a null value is written as an empty <c>AnyValue</c> (OTLP's "no value").</summary>
    public static void WriteStringAttribute(ProtoBuffer buffer, int field, string key, string? value)
    {
        int keyValue = buffer.BeginMessage(field);
        buffer.WriteStringField(KeyValueKey, key);
        int any = buffer.BeginMessage(KeyValueValue);
        if (value is not null)
        {
            buffer.WriteStringField(AnyValueString, value);
        }

        buffer.EndMessage(any);
        buffer.EndMessage(keyValue);
    }

    /// <summary>A 64-bit integer attribute.</summary>
    public static void WriteIntAttribute(ProtoBuffer buffer, int field, string key, long value)
    {
        int keyValue = buffer.BeginMessage(field);
        buffer.WriteStringField(KeyValueKey, key);
        int any = buffer.BeginMessage(KeyValueValue);
        buffer.WriteVarintField(AnyValueInt, unchecked((ulong)value));
        buffer.EndMessage(any);
        buffer.EndMessage(keyValue);
    }

    /// <summary>A double attribute.</summary>
    public static void WriteDoubleAttribute(ProtoBuffer buffer, int field, string key, double value)
    {
        int keyValue = buffer.BeginMessage(field);
        buffer.WriteStringField(KeyValueKey, key);
        int any = buffer.BeginMessage(KeyValueValue);
        buffer.WriteDoubleField(AnyValueDouble, value);
        buffer.EndMessage(any);
        buffer.EndMessage(keyValue);
    }

    /// <summary>A boolean attribute.</summary>
    public static void WriteBoolAttribute(ProtoBuffer buffer, int field, string key, bool value)
    {
        int keyValue = buffer.BeginMessage(field);
        buffer.WriteStringField(KeyValueKey, key);
        int any = buffer.BeginMessage(KeyValueValue);
        // proto3 oneof: a set member is written even when it holds the default, so false stays a bool.
        buffer.WriteVarintField(AnyValueBool, value ? 1UL : 0UL);
        buffer.EndMessage(any);
        buffer.EndMessage(keyValue);
    }

    /// <summary>An <c>InstrumentationScope</c> message as field <paramref name="field"/>.</summary>
    public static void WriteScope(ProtoBuffer buffer, int field, string name, string version)
    {
        int scope = buffer.BeginMessage(field);
        buffer.WriteStringField(ScopeName, name);
        buffer.WriteStringField(ScopeVersion, version);
        buffer.EndMessage(scope);
    }
}
