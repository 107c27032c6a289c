using System.Buffers;
using System.IO;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace DistriC.Benchmarks;

/// <summary>
/// One scrape of 100 counters × 12 series (1 200 samples) into a reused buffer, DistriC vs
/// prometheus-net 8.2.1. Allocation beyond the output buffer is what the MemoryDiagnoser shows.
/// </summary>
[MemoryDiagnoser]
public class MetricExportBenchmarks
{
    private const int Families = 100;
    private static readonly string[] Methods = { "GET", "POST", "PUT", "DELETE" };
    private static readonly string[] Statuses = { "2xx", "4xx", "5xx" };

    private MetricRegistry _registry = null!;
    private ArrayBufferWriter<byte> _buffer = null!;
    private Prometheus.CollectorRegistry _promRegistry = null!;
    private MemoryStream _promStream = null!;

    [GlobalSetup]
    public void Setup()
    {
        _registry = new MetricRegistry();
        _promRegistry = Prometheus.Metrics.NewCustomRegistry();
        Prometheus.MetricFactory prom = Prometheus.Metrics.WithCustomRegistry(_promRegistry);
        for (int f = 0; f < Families; f++)
        {
            string name = $"service_operation_{f}_total";
            DistriC.Counter counter = _registry.CreateCounter(name, "Operations of kind " + f,
                new LabelDefinition("method", Methods), new LabelDefinition("status", Statuses));
            Prometheus.Counter promCounter = prom.CreateCounter(name, "Operations of kind " + f, "method", "status");
            for (int m = 0; m < Methods.Length; m++)
            {
                for (int s = 0; s < Statuses.Length; s++)
                {
                    counter.Add((f * 31) + (m * 7) + s, Methods[m], Statuses[s]);
                    promCounter.WithLabels(Methods[m], Statuses[s]).Inc((f * 31) + (m * 7) + s);
                }
            }
        }

        _buffer = new ArrayBufferWriter<byte>(256 * 1024);
        _promStream = new MemoryStream(256 * 1024);
    }

    [Benchmark(Baseline = true, Description = "prometheus-net CollectAndExportAsTextAsync (100 × 12)")]
    public async Task<long> PrometheusNetExport()
    {
        _promStream.Position = 0;
        await _promRegistry.CollectAndExportAsTextAsync(_promStream);
        return _promStream.Position;
    }

    [Benchmark(Description = "DistriC WriteTo Prometheus (100 × 12)")]
    public int DistricExport()
    {
        _buffer.ResetWrittenCount();
        _registry.WriteTo(_buffer, ExpositionFormat.Prometheus);
        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "DistriC WriteTo OpenMetrics (100 × 12)")]
    public int DistricExportOpenMetrics()
    {
        _buffer.ResetWrittenCount();
        _registry.WriteTo(_buffer, ExpositionFormat.OpenMetrics);
        return _buffer.WrittenCount;
    }
}
