using System;
using System.Diagnostics;

namespace DistriC;

/// <summary>
/// Declares a log event on a <c>partial</c> method; the DistriC generator writes its body, which formats the
/// line with the constant part (level, component, message, field names) encoded at compile time.
/// </summary>
/// <remarks>
/// <para>Two shapes are supported: a static extension method, <c>static partial void M(this JsonLogger logger, ...)</c>
/// (the logger may also be any parameter of type <see cref="JsonLogger"/>), and an instance (or static) method of a
/// partial class that declares exactly one field or property of type <see cref="JsonLogger"/> (static members only
/// for static methods). The method returns <c>void</c> or <see cref="DistricStatus"/>.</para>
/// <para>Every other parameter becomes a field named after it, in order. Supported types: string, char, bool, all
/// integer types, float, double, decimal, enums (names encoded at compile time), Guid, DateTime, DateTimeOffset
/// (ISO 8601), TimeSpan, their nullable forms, and Exception (a nested object with type, message, stack_trace).</para>
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
[Conditional("DISTRIC_KEEP_ATTRIBUTES")]
public sealed class LogEventAttribute : Attribute
{
    /// <summary>Declares a log event.</summary>
    /// <param name="level">Severity of every entry of this event.</param>
    /// <param name="component">Subsystem name written as <c>component</c>; not empty.</param>
    /// <param name="message">Constant message written as <c>message</c>; not empty.</param>
    public LogEventAttribute(LogLevel level, string component, string message)
    {
        Level = level;
        Component = component;
        Message = message;
    }

    /// <summary>Severity of every entry of this event.</summary>
    public LogLevel Level { get; }

    /// <summary>Subsystem name.</summary>
    public string Component { get; }

    /// <summary>Constant message.</summary>
    public string Message { get; }
}
