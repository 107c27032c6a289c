using System;

namespace DistriC.Runtime.Tests.Tracing;

public sealed class TraceContextTests
{
    private const string ValidTraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    private const string ValidSpanId = "00f067aa0ba902b7";

    [Fact]
    public void Inject_writes_w3c_version_00_with_sampled_flag()
    {
        var context = new TraceContext(new TraceId(0x4bf92f3577b34da6, 0xa3ce929d0e0e4736), new SpanId(0x00f067aa0ba902b7), IsSampled: true);
        Span<char> buffer = stackalloc char[64];

        Assert.Equal(DistricStatus.Ok, context.Inject(buffer, out int written));

        Assert.Equal($"00-{ValidTraceId}-{ValidSpanId}-01", buffer[..written].ToString());
        Assert.Equal($"00-{ValidTraceId}-{ValidSpanId}-00", (context with { IsSampled = false }).ToString());
    }

    [Theory]
    [InlineData(false, false, "00")]
    [InlineData(true, false, "01")]
    [InlineData(false, true, "02")] // Level 2: random trace id, not sampled
    [InlineData(true, true, "03")]
    public void Inject_writes_the_sampled_and_random_trace_id_bits(bool sampled, bool random, string flags)
    {
        var context = new TraceContext(new TraceId(0x4bf92f3577b34da6, 0xa3ce929d0e0e4736), new SpanId(0x00f067aa0ba902b7), sampled)
        {
            IsTraceIdRandom = random,
        };
        Span<char> buffer = stackalloc char[TraceContext.TraceParentLength];

        Assert.Equal(DistricStatus.Ok, context.Inject(buffer, out int written));

        Assert.Equal($"00-{ValidTraceId}-{ValidSpanId}-{flags}", buffer[..written].ToString());
    }

    [Fact]
    public void Inject_reports_small_buffer_and_invalid_context_without_writing()
    {
        var context = new TraceContext(TraceId.CreateRandom(), SpanId.CreateRandom(), true);
        char[] small = new char[TraceContext.TraceParentLength - 1];

        Assert.Equal(DistricStatus.BufferOverflow, context.Inject(small, out int written));
        Assert.Equal(0, written);
        Assert.All(small, c => Assert.Equal('\0', c));
        Assert.Equal(DistricStatus.InvalidState, default(TraceContext).Inject(new char[64], out written));
        Assert.Equal(0, written);
        Assert.Equal(string.Empty, default(TraceContext).ToString());
    }

    [Fact]
    public void Extract_round_trips_injected_context()
    {
        for (int i = 0; i < 100; i++)
        {
            var original = new TraceContext(TraceId.CreateRandom(), SpanId.CreateRandom(), IsSampled: i % 2 == 0)
            {
                IsTraceIdRandom = i % 4 < 2,
            };

            Assert.Equal(DistricStatus.Ok, TraceContext.Extract(original.ToString(), out TraceContext parsed));

            Assert.Equal(original, parsed);
        }
    }

    [Theory]
    [InlineData("00-" + ValidTraceId + "-" + ValidSpanId + "-01", true, false)]
    [InlineData("00-" + ValidTraceId + "-" + ValidSpanId + "-00", false, false)]
    [InlineData("00-" + ValidTraceId + "-" + ValidSpanId + "-02", false, true)]  // Level 2 random trace id flag
    [InlineData("00-" + ValidTraceId + "-" + ValidSpanId + "-03", true, true)]
    [InlineData("00-" + ValidTraceId + "-" + ValidSpanId + "-09", true, false)]  // the spec's example: 01 with 08 set
    [InlineData("00-" + ValidTraceId + "-" + ValidSpanId + "-ff", true, true)]   // reserved bits are masked off
    [InlineData("00-" + ValidTraceId + "-" + ValidSpanId + "-fc", false, false)]
    [InlineData("01-" + ValidTraceId + "-" + ValidSpanId + "-01", true, false)]  // future version, exact length
    [InlineData("01-" + ValidTraceId + "-" + ValidSpanId + "-03-extra", true, true)] // future version may append fields
    public void Extract_accepts_w3c_forms(string header, bool sampled, bool random)
    {
        Assert.Equal(DistricStatus.Ok, TraceContext.Extract(header, out TraceContext context));

        Assert.Equal(ValidTraceId, context.TraceId.ToString());
        Assert.Equal(ValidSpanId, context.SpanId.ToString());
        Assert.Equal(sampled, context.IsSampled);
        Assert.Equal(random, context.IsTraceIdRandom);
    }

    [Theory]
    [InlineData("00", "00")]
    [InlineData("01", "01")]
    [InlineData("02", "02")]
    [InlineData("03", "03")]
    [InlineData("04", "00")] // "reserved for future use. Vendors MUST set those to zero"
    [InlineData("0b", "03")]
    [InlineData("f5", "01")]
    [InlineData("fe", "02")]
    public void Only_the_sampled_and_random_bits_are_passed_on(string incoming, string outgoing)
    {
        Assert.Equal(DistricStatus.Ok, TraceContext.Extract($"00-{ValidTraceId}-{ValidSpanId}-{incoming}", out TraceContext context));

        Assert.Equal($"00-{ValidTraceId}-{ValidSpanId}-{outgoing}", context.ToString());
    }

    // The W3C test suite's OWS cases (test_traceparent_ows_handling), plus longer runs and the legacy form.
    [Theory]
    [InlineData(" 00-" + ValidTraceId + "-" + ValidSpanId + "-01")]
    [InlineData("\t00-" + ValidTraceId + "-" + ValidSpanId + "-01")]
    [InlineData("00-" + ValidTraceId + "-" + ValidSpanId + "-01 ")]
    [InlineData("00-" + ValidTraceId + "-" + ValidSpanId + "-01\t")]
    [InlineData("\t 00-" + ValidTraceId + "-" + ValidSpanId + "-01 \t")]
    [InlineData("   00-" + ValidTraceId + "-" + ValidSpanId + "-01\t\t\t")]
    [InlineData(" 01-" + ValidTraceId + "-" + ValidSpanId + "-01-extra ")]
    [InlineData(" " + ValidTraceId + "-" + ValidSpanId + "\t")]
    public void Extract_ignores_spaces_and_tabs_around_the_value(string header)
    {
        Assert.Equal(DistricStatus.Ok, TraceContext.Extract(header, out TraceContext context));

        Assert.Equal(ValidTraceId, context.TraceId.ToString());
        Assert.Equal(ValidSpanId, context.SpanId.ToString());
        Assert.True(context.IsSampled);
        Assert.Equal($"00-{ValidTraceId}-{ValidSpanId}-01", context.ToString());
    }

    [Fact]
    public void Extract_and_inject_allocate_nothing_also_with_surrounding_whitespace()
    {
        const string header = " \t00-" + ValidTraceId + "-" + ValidSpanId + "-03\t ";
        Span<char> buffer = stackalloc char[TraceContext.TraceParentLength];
        TraceContext.Extract(header, out TraceContext context); // warm up (JIT)
        context.Inject(buffer, out _);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1_000; i++)
        {
            TraceContext.Extract(header, out context);
            context.Inject(buffer, out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal($"00-{ValidTraceId}-{ValidSpanId}-03", buffer.ToString());
    }

    [Theory]
    [InlineData(ValidTraceId + "-" + ValidSpanId)]
    [InlineData("4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7")] // sscanf in the seed was case-blind
    public void Extract_reads_the_seed_legacy_form_as_sampled(string header)
    {
        Assert.Equal(DistricStatus.Ok, TraceContext.Extract(header, out TraceContext context));

        Assert.Equal(ValidTraceId, context.TraceId.ToString());
        Assert.Equal(ValidSpanId, context.SpanId.ToString());
        Assert.True(context.IsSampled);
        Assert.False(context.IsTraceIdRandom); // the legacy form has no flags
    }

    public static TheoryData<string, string> MalformedHeaders() => new()
    {
        { "", "empty" },
        { "00", "truncated" },
        { "00-" + ValidTraceId + "-" + ValidSpanId + "-0", "one flag digit" },
        { "00-" + ValidTraceId + "-" + ValidSpanId + "-011", "trailing garbage after version 00" },
        { "00-" + ValidTraceId + "-" + ValidSpanId + "-01-", "extra field on version 00" },
        { " ", "space only" },
        { " \t ", "spaces and tabs only" },
        { "00- " + ValidTraceId + "-" + ValidSpanId + "-01", "space inside, after the version" },
        { "00-" + ValidTraceId + " -" + ValidSpanId + "-01", "space inside, after the trace id" },
        { "00-" + ValidTraceId + "-" + ValidSpanId + "-0 1", "space inside the flags" },
        { "00-" + ValidTraceId + "-" + ValidSpanId + "-\t01", "tab inside, before the flags" },
        { "00-" + ValidTraceId + "-" + ValidSpanId + "-01 -extra", "space before a field of version 00" },
        { "01-" + ValidTraceId + "-" + ValidSpanId + "-01 -extra", "space before a field of a future version" },
        { ValidTraceId + " -" + ValidSpanId, "space inside the legacy form" },
        { "00-" + ValidTraceId + "-" + ValidSpanId + "-01\r\n", "CR LF is not optional whitespace" },
        { "\n00-" + ValidTraceId + "-" + ValidSpanId + "-01", "LF is not optional whitespace" },
        { "\v00-" + ValidTraceId + "-" + ValidSpanId + "-01", "vertical tab is not optional whitespace" },
        { "\u00a000-" + ValidTraceId + "-" + ValidSpanId + "-01", "no-break space is not optional whitespace" },
        { "ff-" + ValidTraceId + "-" + ValidSpanId + "-01", "version ff" },
        { "0g-" + ValidTraceId + "-" + ValidSpanId + "-01", "non-hex version" },
        { "01-" + ValidTraceId + "-" + ValidSpanId + "-01x", "future version, garbage instead of '-'" },
        { "00-" + "00000000000000000000000000000000" + "-" + ValidSpanId + "-01", "all-zero trace id" },
        { "00-" + ValidTraceId + "-" + "0000000000000000" + "-01", "all-zero span id" },
        { "00-" + "4BF92F3577B34DA6A3CE929D0E0E4736" + "-" + ValidSpanId + "-01", "upper-case trace id" },
        { "00-" + ValidTraceId + "-" + "00F067AA0BA902B7" + "-01", "upper-case span id" },
        { "00-" + ValidTraceId + "-" + ValidSpanId + "-0G", "non-hex flags" },
        { "00-" + "4bf92f3577b34da6a3ce929d0e0e473z" + "-" + ValidSpanId + "-01", "non-hex trace id" },
        { "00-" + ValidTraceId + "-" + "00f067aa0ba902bz" + "-01", "non-hex span id" },
        { "00_" + ValidTraceId + "-" + ValidSpanId + "-01", "wrong separator 1" },
        { "00-" + ValidTraceId + "_" + ValidSpanId + "-01", "wrong separator 2" },
        { "00-" + ValidTraceId + "-" + ValidSpanId + "_01", "wrong separator 3" },
        { "00-" + ValidTraceId + "1-" + ValidSpanId + "01", "shifted separator" },
        { "00-" + "4bf92f3577b34da6a3ce929d0e0e47" + "-" + ValidSpanId + "-01", "short trace id" },
        { ValidTraceId + "-" + ValidSpanId + "0", "legacy form too long" },
        { ValidTraceId + "_" + ValidSpanId, "legacy form wrong separator" },
        { "00000000000000000000000000000000-" + ValidSpanId, "legacy all-zero trace id" },
        { ValidTraceId + "-0000000000000000", "legacy all-zero span id" },
        { ValidTraceId + "-00f067aa0ba902bg", "legacy non-hex" },
        { "-4bf92f3577b34da6a3ce929d0e0e4736" + ValidSpanId, "legacy separator first" },
    };

    [Theory]
    [MemberData(nameof(MalformedHeaders))]
    public void Extract_rejects_malformed_headers_without_partial_output(string header, string why)
    {
        DistricStatus status = TraceContext.Extract(header, out TraceContext context);

        Assert.True(status == DistricStatus.InvalidFormat, why);
        Assert.Equal(default, context);
        Assert.False(context.IsValid);
    }

    [Fact]
    public void Ids_are_random_and_never_zero()
    {
        var spanIds = new System.Collections.Generic.HashSet<SpanId>();
        var traceIds = new System.Collections.Generic.HashSet<TraceId>();
        for (int i = 0; i < 20_000; i++)
        {
            SpanId spanId = SpanId.CreateRandom();
            TraceId traceId = TraceId.CreateRandom();
            Assert.True(spanId.IsValid);
            Assert.True(traceId.IsValid);
            Assert.True(spanIds.Add(spanId));
            Assert.True(traceIds.Add(traceId));
        }
    }

    [Fact]
    public void Id_parse_and_format_round_trip()
    {
        Assert.Equal(DistricStatus.Ok, TraceId.Parse(ValidTraceId, out TraceId traceId));
        Assert.Equal(new TraceId(0x4bf92f3577b34da6, 0xa3ce929d0e0e4736), traceId);
        Assert.Equal(DistricStatus.Ok, SpanId.Parse(ValidSpanId, out SpanId spanId));
        Assert.Equal(ValidSpanId, spanId.ToString());
        Assert.Equal(DistricStatus.InvalidFormat, SpanId.Parse("0000000000000000", out spanId));
        Assert.Equal(default, spanId);
        Assert.False(traceId.TryFormat(new char[31], out int written));
        Assert.Equal(0, written);
    }
}
