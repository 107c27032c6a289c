using System;
using System.Linq;

namespace DistriC.Runtime.Tests.Tracing;

/// <summary>tracestate as W3C Trace Context Level 1 defines it: kept whole when valid, dropped whole when not.</summary>
public sealed class TraceStateTests
{
    private const string TraceParent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    [Theory]
    [InlineData("congo=t61rcWkgMzE")]
    [InlineData("rojo=00f067aa0ba902b7,congo=t61rcWkgMzE")]
    [InlineData("rojo=1 , \tcongo=2 ")]           // spaces and tabs around members (so a trailing space is OWS)
    [InlineData("a=1,,b=2")]                       // empty members are allowed
    [InlineData("tenant@system=x")]                // multi-tenant key
    [InlineData("0tenant@s-y_s*t/m=x")]            // a tenant may start with a digit
    [InlineData("k*_-/9=v a l!~")]                 // key characters; inner spaces in the value
    public void Valid_values_are_accepted(string value) => Assert.True(TraceContext.IsValidTraceState(value), value);

    [Theory]
    [InlineData("Congo=1")]                        // upper case key
    [InlineData("9key=1")]                         // a simple key starts with a letter
    [InlineData("key")]                            // no '='
    [InlineData("=1")]                             // empty key
    [InlineData("key=")]                           // empty value
    [InlineData("key=a,b")]                        // ',' ends a member: "b" has no '='
    [InlineData("key=a=b")]                        // '=' in the value
    [InlineData("key=a\u0001b")]                   // control character in the value
    [InlineData("key=é")]                          // non-ASCII value
    [InlineData("a=1,a=2")]                        // duplicate key
    [InlineData("t@=1")]                           // empty system id
    [InlineData("@s=1")]                           // empty tenant id
    [InlineData("t@9s=1")]                         // system id starts with a letter
    [InlineData("t@systemtoolong12=1")]            // system id of 15 characters
    public void Invalid_values_are_rejected(string value) => Assert.False(TraceContext.IsValidTraceState(value), value);

    [Fact]
    public void Member_count_and_key_length_limits_are_exact()
    {
        string members(int n) => string.Join(",", Enumerable.Range(0, n).Select(i => $"k{i}=v"));
        Assert.True(TraceContext.IsValidTraceState(members(32)));
        Assert.False(TraceContext.IsValidTraceState(members(33)));
        Assert.True(TraceContext.IsValidTraceState(members(32) + ",,"));

        Assert.True(TraceContext.IsValidTraceState(new string('k', 256) + "=v"));
        Assert.False(TraceContext.IsValidTraceState(new string('k', 257) + "=v"));
        Assert.True(TraceContext.IsValidTraceState(new string('t', 241) + "@" + new string('s', 14) + "=v"));
        Assert.False(TraceContext.IsValidTraceState(new string('t', 242) + "@s=v"));
        Assert.True(TraceContext.IsValidTraceState("k=" + new string('v', 256)));
        Assert.False(TraceContext.IsValidTraceState("k=" + new string('v', 257)));
    }

    [Fact]
    public void Extract_keeps_a_valid_tracestate_trimmed_and_drops_an_invalid_one_whole()
    {
        Assert.Equal(DistricStatus.Ok, TraceContext.Extract(TraceParent, " rojo=1,congo=2\t", out TraceContext kept));
        Assert.Equal("rojo=1,congo=2", kept.TraceState);

        Assert.Equal(DistricStatus.Ok, TraceContext.Extract(TraceParent, "rojo=1,Bad=2", out TraceContext dropped));
        Assert.Null(dropped.TraceState);
        Assert.True(dropped.IsValid);

        Assert.Equal(DistricStatus.Ok, TraceContext.Extract(TraceParent, "", out TraceContext none));
        Assert.Null(none.TraceState);

        Assert.Equal(DistricStatus.InvalidFormat, TraceContext.Extract("garbage", "rojo=1", out TraceContext rejected));
        Assert.Equal(default, rejected);
    }

    [Fact]
    public void Spans_continuing_a_context_keep_its_tracestate_and_an_invalid_one_cannot_be_set()
    {
        using var exporter = new CollectingExporter();
        using Tracer tracer = TestTracers.Manual(exporter);
        TraceContext.Extract(TraceParent, "rojo=1", out TraceContext remote);

        TraceSpan server = tracer.StartSpanFromContext(remote, "server", SpanKind.Server);
        TraceSpan child = server.StartChild("child");

        Assert.Equal("rojo=1", server.Context.TraceState);
        Assert.Equal("rojo=1", child.Context.TraceState);
        Assert.Equal(server.SpanId, child.ParentSpanId);
        Assert.Throws<ArgumentException>(() => remote with { TraceState = "a=1,a=2" });
    }
}
