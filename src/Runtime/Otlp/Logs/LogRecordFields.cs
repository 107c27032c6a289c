namespace DistriC.Otlp.Logs;

/// <summary>
/// Field numbers of <c>LogRecord</c> (<c>opentelemetry/proto/logs/v1/logs.proto</c>) and of the <c>KeyValue</c>,
/// <c>AnyValue</c>, <c>ArrayValue</c> and <c>KeyValueList</c> messages it uses (<c>common/v1/common.proto</c>): one list
/// for the encoder that writes records and the JSON serializer that reads them back.
/// </summary>
internal static class LogRecordFields
{
    public const int RecordTime = 1;
    public const int RecordSeverityNumber = 2;
    public const int RecordSeverityText = 3;
    public const int RecordBody = 5;
    public const int RecordAttributes = 6;
    public const int RecordDroppedAttributes = 7;
    public const int RecordFlags = 8;
    public const int RecordTraceId = 9;
    public const int RecordSpanId = 10;
    public const int RecordObservedTime = 11;
    public const int RecordEventName = 12;

    public const int KeyValueKey = 1;
    public const int KeyValueValue = 2;

    public const int AnyString = 1;
    public const int AnyBool = 2;
    public const int AnyInt = 3;
    public const int AnyDouble = 4;
    public const int AnyArray = 5;
    public const int AnyKeyValueList = 6;
    public const int AnyBytes = 7;

    /// <summary><c>ArrayValue.values</c> and <c>KeyValueList.values</c>.</summary>
    public const int ListValues = 1;
}
