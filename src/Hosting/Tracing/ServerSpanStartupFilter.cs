using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DistriC.Hosting.Tracing;

/// <summary>
/// Puts <see cref="ServerSpanMiddleware"/> in front of the app's whole pipeline (before routing, exception handlers and
/// the app's own middleware), so the span covers the request from the first middleware to the last byte written.
/// </summary>
internal sealed class ServerSpanStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        var tracer = app.ApplicationServices.GetRequiredService<Tracer>();
        app.Use(inner => new ServerSpanMiddleware(inner, tracer).InvokeAsync);
        next(app);
    };
}
