using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DistriC.Hosting;

/// <summary>Configures the OTLP export that <c>AddDistric</c> turns on from the environment.</summary>
public static class DistricOtlpBuilderExtensions
{
    /// <summary>
    /// Sets the OTLP options of <c>AddDistric</c>'s tracer (and, with them, which signals are exported): options in code
    /// for a signal win over its <c>OTEL_EXPORTER_OTLP_*</c> variables; <see cref="DistricOtlpOptions.ReadEnvironment"/>
    /// false ignores the variables. Calling it again replaces the earlier options. Takes effect when the tracer is first resolved.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddDistric</c>.</param>
    /// <param name="configure">Adjusts the options.</param>
    /// <returns>The same builder.</returns>
    public static DistricBuilder AddOtlpExport(this DistricBuilder builder, Action<DistricOtlpOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new DistricOtlpOptions();
        configure(options);
        builder.Services.Replace(ServiceDescriptor.Singleton(options));
        return builder;
    }
}
