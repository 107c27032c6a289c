using System;

namespace DistriC.Hosting;

/// <summary>
/// The framework and runtime metrics <c>AddDistric</c> brings into the registry (<see cref="DistricOptions.FrameworkMetrics"/>):
/// each preset is on by default and can be switched off; <see cref="Configure"/> adds meters, drops tags or instruments,
/// or changes the series cap.
/// </summary>
public sealed class DistricFrameworkMetricsOptions
{
    /// <summary>ASP.NET Core hosting, Kestrel, routing and diagnostics meters (<see cref="MeterBridgePresets.AddAspNetCore"/>). Default true.</summary>
    public bool AspNetCore { get; set; } = true;

    /// <summary><c>System.Net.Http</c> and <c>System.Net.NameResolution</c> (<see cref="MeterBridgePresets.AddHttpClient"/>). Default true.</summary>
    public bool HttpClient { get; set; } = true;

    /// <summary><c>System.Runtime</c>, or its .NET 8 stand-in (<see cref="MeterBridgePresets.AddRuntime"/>). Default true.</summary>
    public bool Runtime { get; set; } = true;

    /// <summary><c>process_*</c> (<see cref="ProcessMetrics"/>). Default true.</summary>
    public bool Process { get; set; } = true;

    /// <summary>
    /// The registry's metrics published as the <see cref="MetricMeterPublisher.DefaultMeterName"/> meter, for
    /// <c>dotnet-counters</c>, an OpenTelemetry MeterProvider or the Aspire dashboard (<see cref="MetricMeterPublisher"/>). Default true.
    /// </summary>
    public bool PublishAsMeter { get; set; } = true;

    /// <summary>Further settings of the bridge, applied after the presets: other meters, dropped tags or instruments, the cap.</summary>
    public Action<MeterBridgeOptions>? Configure { get; set; }
}
