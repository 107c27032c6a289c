using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using DistriC.Otlp.Logs;
using DistriC.Otlp.Protobuf;
using DistriC.Runtime.Tests.Otlp.Support;

namespace DistriC.Runtime.Tests.Otlp;

/// <summary>
/// The encoder's fast path for lines of the logger's own shape (and its reuse of the previous line's encoding) gives
/// the records the general path gives, field by field, read back with the test's own decoder: for every number form,
/// literal, fixed field of an odd shape and repeated field, and for lines that repeat, half-repeat or change shape.
/// </summary>
public sealed class OtlpLogFlatPathTests
{
    private static readonly string[] Lines =
    [
        "{\"timestamp\":1796189036588,\"level\":\"INFO\",\"component\":\"http\",\"message\":\"Request received\",\"trace_id\":\"30876628e417b70e0bf1903895c19f5a\",\"span_id\":\"7e81ecb61f03efeb\",\"method\":\"GET\",\"status\":200,\"duration_ms\":12.5}",
        "{\"timestamp\":1796189036589,\"level\":\"INFO\",\"component\":\"http\",\"message\":\"Request received\",\"trace_id\":\"40876628E417B70E0BF1903895C19F5A\",\"span_id\":\"8e81ecb61f03efeb\",\"method\":\"GET\",\"status\":200,\"duration_ms\":12.5}",
        "{\"timestamp\":1796189036589,\"level\":\"INFO\",\"component\":\"http\",\"message\":\"Request received\",\"trace_id\":\"40876628E417B70E0BF1903895C19F5A\",\"span_id\":\"8e81ecb61f03efeb\",\"method\":\"GET\",\"status\":200,\"duration_ms\":12.5}",
        "{\"timestamp\":1796189036590,\"level\":\"INFO\",\"component\":\"http\",\"message\":\"Request received\",\"method\":\"POST\",\"status\":201,\"duration_ms\":0.25,\"extra\":true}",
        "{\"timestamp\":1796189036590,\"level\":\"INFO\",\"level\":\"INFO\",\"component\":\"http\",\"message\":\"Request received\"}",
        "{\"level\":\"INFO\",\"component\":\"http\",\"message\":\"Request received\",\"message\":\"again\",\"timestamp\":1}",
        "{\"timestamp\":\"not a number\",\"level\":7,\"message\":null,\"trace_id\":\"00000000000000000000000000000000\",\"span_id\":\"xyz\"}",
        "{\"timestamp\":18446744073709551615,\"span_id\":\"0000000000000000\",\"trace_id\":\"30876628e417b70e0bf1903895c19f5\"}",
        "{\"trace_id\":\"g0876628e417b70e0bf1903895c19f5a\",\"span_id\":\"123456\",\"x\":\"1234567\",\"span_id\":\"7E81ECB61F03EFEB\"}",
        "{\"timestamp\":-5,\"level\":\"TRACE\",\"message\":\"\"}",
        "{\"timestamp\":1.5,\"level\":\"WARN\"}",
        "{\"a\":0,\"b\":-0,\"c\":-9223372036854775808,\"d\":9223372036854775807,\"e\":9223372036854775808,\"f\":18446744073709551616,\"g\":-99999999999999999999}",
        "{\"a\":0.1,\"b\":-3.25,\"c\":123456789012.345,\"d\":1234567890123.4567,\"e\":1e5,\"f\":1.5E-3,\"g\":-0.0,\"h\":00.5,\"i\":1e400,\"j\":2.2250738585072014e-308}",
        "{\"a\":true,\"b\":false,\"c\":null,\"d\":\"\",\"\":\"empty name\",\"é€\":\"ünïcode 😀\"}",
        "{\"a\":true,\"b\":false,\"c\":null,\"d\":\"\",\"\":\"empty name\",\"é€\":\"ünïcode 😀\"}",
        "{\"a\":true,\"b\":false,\"c\":null,\"d\":\"x\",\"\":\"empty name\",\"é€\":\"ünïcode 😀\"}",
        "{\"exception\":{\"type\":\"E\",\"frames\":[1,2]},\"message\":\"nested\"}",
        "{\"message\":\"with \\\"escapes\\\" and \\\\ backslash\",\"k\":1}",
        "{\"message\":\"a long value that goes on beyond the short search of a few bytes and on, past sixty-four bytes, past one hundred and twenty-eight bytes so that its length takes two varint bytes on the wire\"}",
        "{\"k\":1,\"k\":1}",
        "{\"k\":1 }",
        "{\"k\" :1}",
        "{\"k\":tru}",
        "{\"k\":1}x",
        "{}",
        "{\"k\":1,}",
        "{\"k\":1",
        "{\"k\":--5,\"m\":1}",
    ];

    [Fact]
    public void Every_line_encodes_as_the_general_path_encodes_it_whatever_line_came_before()
    {
        using var fast = new OtlpLogRecordEncoder();
        using var general = new OtlpLogRecordEncoder(flatPath: false);
        using var fastBuffer = new ProtoBuffer();
        using var generalBuffer = new ProtoBuffer();

        // Forwards, backwards and interleaved, so each line follows lines of its own shape and of others.
        int[] order = [.. Enumerable.Range(0, Lines.Length), .. Enumerable.Range(0, Lines.Length).Reverse(), .. Enumerable.Range(0, Lines.Length).Select(i => (i * 7) % Lines.Length)];
        foreach (int index in order)
        {
            byte[] line = Encoding.UTF8.GetBytes(Lines[index]);
            fastBuffer.Reset();
            generalBuffer.Reset();
            fast.Write(fastBuffer, 2, line);
            general.Write(generalBuffer, 2, line);

            string expected = Describe(Assert.Single(ProtoMessage.Parse(generalBuffer.WrittenSpan).All(2)).Message);
            string actual = Describe(Assert.Single(ProtoMessage.Parse(fastBuffer.WrittenSpan).All(2)).Message);
            Assert.True(expected == actual, $"line {index}: {Lines[index]}\nexpected {expected}\nactual   {actual}");
        }
    }

    /// <summary>Every field of a record, messages decoded (their length encoding aside), doubles by their bits.</summary>
    private static string Describe(ProtoMessage record) => string.Join(" | ", record.Fields.Select(f => f.Number switch
    {
        LogRecords.Body => "body=" + Render(TypedValue.Of(f.Message)),
        LogRecords.Attributes => "attribute " + f.Message.One(1, 2).Text + "=" + Render(TypedValue.Of(f.Message.One(2, 2).Message)),
        _ => $"{f.Number}/{f.WireType}={f.Scalar}/{Convert.ToHexString(f.Bytes)}",
    }));

    private static string Render(TypedValue value) => value.Value switch
    {
        List<TypedValue> items => "[" + string.Join(",", items.Select(Render)) + "]",
        List<(string Key, TypedValue Value)> pairs => "{" + string.Join(",", pairs.Select(p => p.Key + ":" + Render(p.Value))) + "}",
        double d => "double:" + BitConverter.DoubleToInt64Bits(d),
        _ => value.Type + ":" + value.Value,
    };
}
