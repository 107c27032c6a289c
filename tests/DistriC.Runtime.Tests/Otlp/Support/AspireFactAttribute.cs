using System;

namespace DistriC.Runtime.Tests.Otlp.Support;

/// <summary>
/// A fact that needs the Aspire dashboard from the restored NuGet package. Locally a missing package skips the test
/// with the reason; with <c>CI=true</c> (or <c>DISTRIC_REQUIRE_PROMETHEUS=1</c>, which <c>.ci/run</c> sets) it runs and fails.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class AspireFactAttribute : FactAttribute
{
    public AspireFactAttribute()
    {
        bool required = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            || Environment.GetEnvironmentVariable("DISTRIC_REQUIRE_PROMETHEUS") == "1";
        if (AspireDashboard.Find() is null && !required)
        {
            Skip = "The Aspire dashboard package (Aspire.Dashboard.Sdk.linux-x64) is not restored; set CI=true to fail instead of skipping";
        }
    }
}
