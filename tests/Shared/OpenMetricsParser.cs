using System;
using System.IO;
using System.Threading.Tasks;

namespace DistriC.Tests.Support;

/// <summary>
/// The strict OpenMetrics parser of the Python client (<c>prometheus_client.openmetrics.parser</c>, Debian package
/// <c>python3-prometheus-client</c>): it rejects what the specification forbids (a missing <c># EOF</c>, an exemplar
/// on a gauge, label sets over 128 characters, <c>_created</c> on the wrong type, an info value other than 1).
/// </summary>
internal static class OpenMetricsParser
{
    /// <summary>The system interpreter that the Debian package installs into (not a virtual environment's).</summary>
    public const string Python = "/usr/bin/python3";

    // Prints one line per sample: family type name labels value exemplar, so tests can check what was parsed.
    private const string Script = """
        import sys
        from prometheus_client.openmetrics.parser import text_string_to_metric_families
        try:
            for family in text_string_to_metric_families(sys.stdin.read()):
                for s in family.samples:
                    labels = ",".join(k + "=" + v for k, v in sorted(s.labels.items()))
                    ex = "" if s.exemplar is None else " # " + ",".join(k + "=" + v for k, v in sorted(s.exemplar.labels.items())) + " " + repr(s.exemplar.value) + " " + repr(s.exemplar.timestamp)
                    print(family.type, family.name, s.name + "{" + labels + "}", repr(s.value) + ex)
        except Exception as e:
            print("REJECTED: " + str(e))
            sys.exit(1)
        """;

    /// <summary>True when the interpreter and the module are installed.</summary>
    public static bool IsInstalled =>
        File.Exists(Python) && File.Exists("/usr/lib/python3/dist-packages/prometheus_client/openmetrics/parser.py");

    /// <summary>Parses <paramref name="exposition"/>; returns the exit code (0: accepted) and the parsed samples or the rejection.</summary>
    public static async Task<(int ExitCode, string Output)> ParseAsync(string exposition)
    {
        string script = Path.Combine(Path.GetTempPath(), "distric-openmetrics-parse-" + Guid.NewGuid().ToString("N") + ".py");
        await File.WriteAllTextAsync(script, Script);
        try
        {
            return await ExternalTool.RunAsync(Python, script, exposition, TimeSpan.FromSeconds(30));
        }
        finally
        {
            File.Delete(script);
        }
    }
}

/// <summary>
/// A fact that needs the Python OpenMetrics parser: skipped with a visible reason when it is missing, unless
/// <c>CI=true</c> or <see cref="ToolFactAttribute.RequireVariable"/> is 1 (then it runs and fails).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class OpenMetricsParserFactAttribute : FactAttribute
{
    public OpenMetricsParserFactAttribute()
    {
        if (!OpenMetricsParser.IsInstalled
            && Environment.GetEnvironmentVariable("CI") != "true"
            && Environment.GetEnvironmentVariable(ToolFactAttribute.RequireVariable) != "1")
        {
            Skip = "the Python OpenMetrics parser is not installed (apt-get install -y python3-prometheus-client); set CI=true to fail instead of skipping";
        }
    }
}
