using System;

namespace DistriC.Tests.Support;

/// <summary>
/// A fact that needs an external tool. When the tool is not on PATH the test is skipped with a visible reason, unless the
/// environment variable named by <see cref="RequireVariable"/> is <c>1</c> (as <c>.ci/run</c> sets it): then the test runs
/// and fails, so CI cannot pass by silently skipping. xunit 2 has no dynamic skip, so the decision is made when the
/// attribute is constructed, at discovery time.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class ToolFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute for <paramref name="tool"/>.</summary>
    /// <param name="tool">Executable name looked up on PATH, e.g. <c>prometheus</c> or <c>promtool</c>.</param>
    public ToolFactAttribute(string tool)
    {
        Tool = tool;
        if (ExternalTool.Find(tool) is null && Environment.GetEnvironmentVariable(RequireVariable) != "1")
        {
            Skip = $"'{tool}' is not on PATH (install: apt-get install -y prometheus); set {RequireVariable}=1 to fail instead of skipping";
        }
    }

    /// <summary>The environment variable that turns a missing tool from a skip into a failure.</summary>
    public static string RequireVariable => "DISTRIC_REQUIRE_PROMETHEUS";

    /// <summary>The tool the test needs.</summary>
    public string Tool { get; }
}
