using System;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace DistriC.Hosting.Tracing;

/// <summary>
/// Reads one public property of DiagnosticListener payloads (anonymous or internal types), with the property looked up
/// once per payload type. System.Net.Http keeps its payloads' public properties for trimming.
/// </summary>
internal sealed class PayloadProperty
{
    private readonly string _name;
    private Cache? _cache;

    public PayloadProperty(string name) => _name = name;

    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "System.Net.Http preserves the public properties of its payloads.")]
    public object? Read(object? payload)
    {
        if (payload is null)
        {
            return null;
        }

        Type type = payload.GetType();
        Cache? cache = _cache;
        if (cache is null || cache.Type != type)
        {
            cache = new Cache(type, type.GetProperty(_name, BindingFlags.Public | BindingFlags.Instance));
            _cache = cache;
        }

        return cache.Property?.GetValue(payload);
    }

    private sealed record Cache(Type Type, PropertyInfo? Property);
}
