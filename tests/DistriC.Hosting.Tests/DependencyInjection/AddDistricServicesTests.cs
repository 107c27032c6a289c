using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using DistriC.Hosting.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using DistriC.Tests.Support;

namespace DistriC.Hosting.Tests.DependencyInjection;

public sealed class AddDistricServicesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("distric-di-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Logger_and_tracer_are_singletons_whose_self_monitoring_is_in_the_registry_from_the_start()
    {
        var output = new MemoryStream();
        var services = new ServiceCollection();
        services.AddDistric(o => o.LogOutput = DistricLogOutput.Stream(output));
        using ServiceProvider provider = services.BuildServiceProvider();

        // Only the registry is resolved: the scrape must already show the logger's and the tracer's series.
        string before = provider.GetRequiredService<MetricRegistry>().ExportText();
        Assert.Contains("\ndistric_internal_log_entries_dropped_total 0\n", before, StringComparison.Ordinal);
        Assert.Contains("\ndistric_internal_log_writer_healthy 1\n", before, StringComparison.Ordinal);
        Assert.Contains("\ndistric_internal_tracer_spans_created_total 0\n", before, StringComparison.Ordinal);

        var tracer = provider.GetRequiredService<Tracer>();
        Assert.Same(tracer, provider.GetRequiredService<Tracer>());
        Assert.Same(provider.GetRequiredService<JsonLogger>(), provider.GetRequiredService<JsonLogger>());
        tracer.StartSpan("one").Finish();
        tracer.StartSpan("two").Finish();
        Assert.Contains("\ndistric_internal_tracer_spans_created_total 2\n", provider.GetRequiredService<MetricRegistry>().ExportText(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_overall_health_is_a_gauge_in_the_registry_read_at_scrape_time()
    {
        var services = new ServiceCollection();
        services.AddDistric(o => o.LogOutput = DistricLogOutput.Stream(new MemoryStream()));
        using ServiceProvider provider = services.BuildServiceProvider();
        var registry = provider.GetRequiredService<MetricRegistry>();
        HealthComponent database = provider.GetRequiredService<HealthRegistry>().Register("database");

        Assert.Contains("\ndistric_health_status 0\n", registry.ExportText(), StringComparison.Ordinal);
        database.Update(HealthStatus.Down, "connection refused");
        Assert.Contains("\ndistric_health_status 2\n", registry.ExportText(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_log_output_is_standard_output_opened_and_closed_by_distric()
    {
        DistricLogOutput output = new DistricOptions().LogOutput;
        Assert.Same(DistricLogOutput.StandardOutput, output);
        Assert.True(output.OwnedByDistric);
        Assert.False(DistricLogOutput.Stream(new MemoryStream()).OwnedByDistric);
    }

    [Fact]
    public void Disposing_the_container_flushes_every_entry_and_leaves_a_caller_owned_stream_open()
    {
        var output = new MemoryStream();
        var services = new ServiceCollection();
        services.AddDistric(o => { o.LogOutput = DistricLogOutput.Stream(output); o.Logging.TimeProvider = new FixedClock(); });
        ServiceProvider provider = services.BuildServiceProvider();
        var logger = provider.GetRequiredService<JsonLogger>();
        for (int i = 0; i < 2000; i++)
        {
            Assert.Equal(DistricStatus.Ok, logger.Write(LogLevel.Info, "di", "entry", new KeyValuePair<string, string?>("i", i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }

        provider.Dispose();

        Assert.True(output.CanWrite);
        IReadOnlyList<JsonElement> lines = JsonLines.Parse(output.ToArray());
        Assert.Equal(Enumerable.Range(0, 2000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), lines.Select(l => JsonLines.Text(l, "i")));
        Assert.Equal(DistricStatus.Shutdown, logger.Write(LogLevel.Info, "di", "after dispose"));
    }

    [Fact]
    public void A_log_file_opened_by_distric_is_closed_only_after_the_loggers_final_flush()
    {
        string path = Path.Combine(_directory, "app.log");
        File.WriteAllText(path, "{\"existing\":true}\n"); // Appended to, never truncated.
        var services = new ServiceCollection();
        services.AddDistric(o => o.LogOutput = DistricLogOutput.File(path));
        ServiceProvider provider = services.BuildServiceProvider();
        var logger = provider.GetRequiredService<JsonLogger>();
        for (int i = 0; i < 5000; i++)
        {
            logger.Write(LogLevel.Warn, "file", "entry");
        }

        long accepted = 5000 - logger.DroppedCount;
        provider.Dispose();

        // Closed: nobody holds the file any more, so it can be opened exclusively.
        using (new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
        }

        IReadOnlyList<JsonElement> lines = JsonLines.Parse(File.ReadAllBytes(path));
        Assert.True(lines[0].GetProperty("existing").GetBoolean());
        Assert.Equal(accepted, lines.Count - 1);
        Assert.Equal(0, logger.WriteFailureCount);
    }

    [Fact]
    public void A_logger_and_tracer_registered_first_are_kept_and_monitored()
    {
        var output = new MemoryStream();
        var exporter = new RecordingExporter();
        using var ownLogger = new JsonLogger(output);
        using var ownTracer = new Tracer(new TracerOptions { Exporter = exporter });
        var services = new ServiceCollection();
        services.AddSingleton(ownLogger);
        services.AddSingleton(ownTracer);
        services.AddDistric();
        using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Same(ownLogger, provider.GetRequiredService<JsonLogger>());
        Assert.Same(ownTracer, provider.GetRequiredService<Tracer>());
        string text = provider.GetRequiredService<MetricRegistry>().ExportText();
        Assert.Contains("\ndistric_internal_log_writer_healthy 1\n", text, StringComparison.Ordinal);
        Assert.Contains("\ndistric_internal_tracer_queue_capacity 2048\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_supplied_registry_that_already_monitors_the_logger_keeps_its_families()
    {
        using var ownLogger = new JsonLogger(new MemoryStream());
        var registry = new MetricRegistry();
        ownLogger.RegisterMetrics(registry);
        var services = new ServiceCollection();
        services.AddSingleton(ownLogger);
        services.AddDistric(o => o.Metrics = registry);
        using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Same(registry, provider.GetRequiredService<MetricRegistry>());
        string text = registry.ExportText();
        Assert.Single(text.Split('\n'), l => l == "# TYPE distric_internal_log_entries_dropped_total counter");
        Assert.Contains("\ndistric_internal_tracer_spans_created_total 0\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_tracing_options_the_tracer_exports_to_the_registered_exporter_and_flushes_on_dispose()
    {
        var exporter = new RecordingExporter();
        var services = new ServiceCollection();
        services.AddSingleton<ISpanExporter>(exporter);
        services.AddDistric(o => o.LogOutput = DistricLogOutput.Stream(new MemoryStream()));
        ServiceProvider provider = services.BuildServiceProvider();
        var tracer = provider.GetRequiredService<Tracer>();
        Assert.Equal(TimeSpan.FromSeconds(5), tracer.Options.ExportInterval);

        using (TraceSpan span = tracer.StartSpan("handle"))
        {
            span.SetTag("k", "v");
        }

        provider.Dispose(); // the tracer's final export, well before its 5 s interval

        Assert.Equal(["handle"], exporter.Names);
    }

    [Fact]
    public void Tracing_options_are_used_as_given_and_must_name_an_exporter()
    {
        var exporter = new RecordingExporter();
        var services = new ServiceCollection();
        services.AddDistric(o =>
        {
            o.LogOutput = DistricLogOutput.Stream(new MemoryStream());
            o.Tracing = new TracerOptions { Exporter = exporter, BufferCapacity = 64 };
        });
        using (ServiceProvider provider = services.BuildServiceProvider())
        {
            Assert.Same(exporter, provider.GetRequiredService<Tracer>().Options.Exporter);
            Assert.Contains("\ndistric_internal_tracer_queue_capacity 64\n", provider.GetRequiredService<MetricRegistry>().ExportText(), StringComparison.Ordinal);
        }

        ArgumentException error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddDistric(o => o.Tracing = new TracerOptions()));
        Assert.Contains("Exporter", error.Message, StringComparison.Ordinal);
    }

    private sealed class RecordingExporter : ISpanExporter
    {
        private readonly List<string> _names = [];

        public string[] Names
        {
            get
            {
                lock (_names)
                {
                    return [.. _names];
                }
            }
        }

        public bool Export(ReadOnlySpan<FinishedSpan> batch)
        {
            lock (_names)
            {
                foreach (FinishedSpan span in batch)
                {
                    _names.Add(span.Name);
                }
            }

            return true;
        }
    }
}
