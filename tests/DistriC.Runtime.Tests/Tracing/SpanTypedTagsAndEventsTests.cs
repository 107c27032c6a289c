using System;
using System.Collections.Generic;
using System.Linq;

namespace DistriC.Runtime.Tests.Tracing;

/// <summary>Typed tags (long, double, bool) and span events: stored as given, bounded with dropped counts, allocation-free.</summary>
public sealed class SpanTypedTagsAndEventsTests
{
    [Fact]
    public void Typed_tags_keep_their_type_and_value_beside_string_tags()
    {
        var exporter = new EventExporter();
        using Tracer tracer = Create(exporter);
        TraceSpan span = tracer.StartSpan("op");
        span.SetTag("http.response.status_code", 503);
        span.SetTag("ratio", 0.25);
        span.SetTag("retried", true);
        span.SetTag("cached", false);
        span.SetTag("http.route", "/orders/{id}");
        span.SetTag("big", long.MinValue);
        span.Finish();
        tracer.ExportPending();

        SpanTag[] tags = exporter.Spans.Single().Tags;
        Assert.Equal(
            [SpanTagType.Long, SpanTagType.Double, SpanTagType.Bool, SpanTagType.Bool, SpanTagType.String, SpanTagType.Long],
            tags.Select(t => t.Type));
        Assert.Equal(503, tags[0].LongValue);
        Assert.Equal(0.25, tags[1].DoubleValue);
        Assert.True(tags[2].BoolValue);
        Assert.False(tags[3].BoolValue);
        Assert.Equal("/orders/{id}", tags[4].Value);
        Assert.Equal(long.MinValue, tags[5].LongValue);
        // Value reads every tag as text, for exporters written before typed tags.
        Assert.Equal(["503", "0.25", "true", "false", "/orders/{id}", "-9223372036854775808"], tags.Select(t => t.Value));
        Assert.Equal(new SpanTag("http.response.status_code", 503), tags[0]);
        Assert.NotEqual(new SpanTag("http.response.status_code", "503"), tags[0]);
        Assert.Equal(0, tags[4].LongValue);
    }

    [Fact]
    public void Events_are_stamped_by_the_tracer_clock_and_keep_typed_attributes_in_order()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var exporter = new EventExporter();
        using Tracer tracer = Create(exporter, clock);
        TraceSpan span = tracer.StartSpan("op");
        clock.Advance(TimeSpan.FromMilliseconds(3));
        Assert.Equal(DistricStatus.Ok, span.AddEvent("cache miss"));
        clock.Advance(TimeSpan.FromMilliseconds(4));
        Assert.Equal(DistricStatus.Ok, span.AddEvent("retry", [new("attempt", 2), new("reason", "timeout"), new("backoff.s", 1.5), new("final", false)]));
        span.Finish();
        tracer.ExportPending();

        CopiedSpan copied = exporter.Spans.Single();
        Assert.Equal(["cache miss", "retry"], copied.Events.Select(e => e.Name));
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, 3, TimeSpan.Zero), copied.Events[0].Timestamp);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, 7, TimeSpan.Zero), copied.Events[1].Timestamp);
        Assert.Empty(copied.Events[0].Attributes);
        Assert.Equal([new("attempt", 2), new("reason", "timeout"), new("backoff.s", 1.5), new SpanTag("final", false)], copied.Events[1].Attributes);
        Assert.Equal(0, copied.DroppedEventCount);
    }

    [Fact]
    public void Events_and_tags_over_the_limits_are_dropped_and_counted_per_span_and_in_the_stats()
    {
        var exporter = new EventExporter();
        using Tracer tracer = Create(exporter, maxTags: 2, maxEvents: 2, maxEventAttributes: 1);
        TraceSpan span = tracer.StartSpan("op");
        span.SetTag("a", 1);
        span.SetTag("b", 2);
        Assert.Equal(DistricStatus.BufferOverflow, span.SetTag("c", 3));
        Assert.Equal(DistricStatus.InvalidArgument, span.SetTag("", true));
        Assert.Equal(DistricStatus.Ok, span.AddEvent("first", [new("kept", 1), new("over the limit", 2)]));
        Assert.Equal(DistricStatus.Ok, span.AddEvent("second", [new("", "empty key"), new("kept", "yes")]));
        Assert.Equal(DistricStatus.BufferOverflow, span.AddEvent("third"));
        Assert.Equal(DistricStatus.BufferOverflow, span.AddEvent("fourth"));
        span.Finish();
        Assert.Equal(DistricStatus.InvalidState, span.AddEvent("after finish"));
        tracer.ExportPending();

        CopiedSpan copied = exporter.Spans.Single();
        Assert.Equal(2, copied.DroppedTagCount);
        Assert.Equal(2, copied.DroppedEventCount);
        Assert.Equal([1, 1], copied.Events.Select(e => e.DroppedAttributeCount));
        Assert.Equal([new("kept", 1)], copied.Events[0].Attributes);
        Assert.Equal([new("kept", "yes")], copied.Events[1].Attributes);
        TracerStats stats = tracer.GetStats();
        Assert.Equal(4, stats.TagsDropped);
        Assert.Equal(2, stats.EventsDropped);
    }

    [Fact]
    public void A_recycled_span_starts_without_the_previous_spans_events_and_dropped_counts()
    {
        var exporter = new EventExporter();
        using Tracer tracer = Create(exporter, maxTags: 1, maxEvents: 1);
        TraceSpan first = tracer.StartSpan("first");
        first.SetTag("a", 1);
        first.SetTag("b", 2);
        first.AddEvent("e1", [new("k", "v")]);
        first.AddEvent("e2");
        first.Finish();
        tracer.ExportPending();
        tracer.StartSpan("second").Finish();
        tracer.ExportPending();

        CopiedSpan second = exporter.Spans.Single(s => s.Name == "second");
        Assert.Empty(second.Events);
        Assert.Empty(second.Tags);
        Assert.Equal(0, second.DroppedTagCount);
        Assert.Equal(0, second.DroppedEventCount);
    }

    [Fact]
    public void A_span_that_is_not_recorded_accepts_typed_tags_and_events_as_no_ops()
    {
        TraceSpan span = default;
        Assert.Equal(DistricStatus.Ok, span.SetTag("n", 1));
        Assert.Equal(DistricStatus.Ok, span.SetTag("d", 1.0));
        Assert.Equal(DistricStatus.Ok, span.SetTag("b", true));
        Assert.Equal(DistricStatus.Ok, span.AddEvent("e", [new("k", 1)]));
    }

    [Fact]
    public void Typed_tags_and_events_allocate_nothing_in_steady_state()
    {
        var exporter = new CountingExporter();
        using Tracer tracer = TestTracers.Manual(exporter, TimeProvider.System, capacity: 1024, maxBatchSize: 256);
        Run(tracer, 5_000); // warm up: the pool's records get their event storage once

        long before = GC.GetAllocatedBytesForCurrentThread();
        Run(tracer, 5_000);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(10_000, exporter.Spans);

        static void Run(Tracer tracer, int count)
        {
            for (int i = 0; i < count; i++)
            {
                TraceSpan span = tracer.StartSpan("op");
                span.SetTag("http.response.status_code", 200);
                span.SetTag("ratio", 0.5);
                span.SetTag("ok", true);
                span.AddEvent("retry", [new("attempt", i), new("reason", "timeout")]);
                span.AddEvent("done");
                span.Finish();
                if ((i & 255) == 255)
                {
                    tracer.ExportPending();
                }
            }

            tracer.ExportPending();
        }
    }

    private static Tracer Create(ISpanExporter exporter, TimeProvider? time = null, int maxTags = 16, int maxEvents = 8, int maxEventAttributes = 4) =>
        new(new TracerOptions
        {
            Exporter = exporter,
            TimeProvider = time ?? new ManualTimeProvider(),
            BufferCapacity = 64,
            MaxBatchSize = 16,
            MaxTags = maxTags,
            MaxEvents = maxEvents,
            MaxEventAttributes = maxEventAttributes,
            ShutdownTimeout = TimeSpan.FromSeconds(1),
        }, startBackgroundWork: false);

    private sealed record CopiedEvent(string Name, DateTimeOffset Timestamp, SpanTag[] Attributes, int DroppedAttributeCount);

    private sealed record CopiedSpan(string Name, SpanTag[] Tags, int DroppedTagCount, CopiedEvent[] Events, int DroppedEventCount);

    private sealed class EventExporter : ISpanExporter
    {
        public List<CopiedSpan> Spans { get; } = [];

        public bool Export(ReadOnlySpan<FinishedSpan> batch)
        {
            foreach (FinishedSpan span in batch)
            {
                var events = new List<CopiedEvent>();
                foreach (SpanEvent spanEvent in span.Events)
                {
                    events.Add(new CopiedEvent(spanEvent.Name, spanEvent.Timestamp, spanEvent.Attributes.ToArray(), spanEvent.DroppedAttributeCount));
                }

                Spans.Add(new CopiedSpan(span.Name, span.Tags.ToArray(), span.DroppedTagCount, [.. events], span.DroppedEventCount));
            }

            return true;
        }
    }
}
