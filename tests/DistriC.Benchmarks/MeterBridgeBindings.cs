namespace DistriC.Benchmarks;

/// <summary>The bench's counter bound by declaration: the 3 tags it records, each with its values and a catch-all.</summary>
[MeterInstrument(MeterBridgeBenchmarks.DeclaredMeter, "requests", MetricKind.Counter, Unit = "{request}")]
[MeterTag("http.request.method", "GET", "POST", "PUT", CatchAll = "_OTHER")]
[MeterTag("http.response.status_code", "200", "201", "404", "500", CatchAll = "_OTHER")]
[MeterTag("http.route", "/orders/{id}", CatchAll = "_OTHER")]
public sealed partial class BenchRequests;

/// <summary>The bench's histogram bound by declaration, with the same tags.</summary>
[MeterInstrument(MeterBridgeBenchmarks.DeclaredMeter, "request.duration", MetricKind.Histogram, Unit = "s")]
[MeterTag("http.request.method", "GET", "POST", "PUT", CatchAll = "_OTHER")]
[MeterTag("http.response.status_code", "200", "201", "404", "500", CatchAll = "_OTHER")]
[MeterTag("http.route", "/orders/{id}", CatchAll = "_OTHER")]
public sealed partial class BenchRequestDuration;
