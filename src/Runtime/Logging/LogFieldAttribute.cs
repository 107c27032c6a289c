using System;
using System.Diagnostics;

namespace DistriC;

/// <summary>
/// Sets the JSON field name of a <c>[LogEvent]</c> method parameter (default: the parameter name), e.g.
/// <c>[LogField("http.method")] string method</c>. The name may not be empty, reserved
/// (<c>timestamp</c>, <c>level</c>, <c>component</c>, <c>message</c>) or used twice in one event.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
[Conditional("DISTRIC_KEEP_ATTRIBUTES")]
public sealed class LogFieldAttribute : Attribute
{
    /// <summary>Names the field.</summary>
    /// <param name="name">JSON field name (any text; escaped at compile time).</param>
    public LogFieldAttribute(string name) => Name = name;

    /// <summary>JSON field name.</summary>
    public string Name { get; }
}
