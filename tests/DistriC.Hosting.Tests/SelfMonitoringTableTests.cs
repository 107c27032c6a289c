using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;

namespace DistriC.Hosting.Tests;

/// <summary>
/// The README's "Self-monitoring metrics" table lists exactly the families that <c>AddDistric</c> puts into its registry
/// (registry, logger, tracer, OTLP exporters, HTTP endpoints, health), with their types and label keys, and the names keep the conventions
/// the table states.
/// </summary>
public sealed partial class SelfMonitoringTableTests
{
    [GeneratedRegex("^# TYPE (?<name>[a-z_]+) (?<type>[a-z]+)$", RegexOptions.Multiline)]
    private static partial Regex TypeLine();

    [GeneratedRegex("^(?<name>[a-z_]+)(?:\\{(?<labels>[^}]*)\\})? (?<value>\\S+)$", RegexOptions.Multiline)]
    private static partial Regex SampleLine();

    [GeneratedRegex("`(?<key>[a-z_]+)`:")]
    private static partial Regex LabelKey();

    [Fact]
    public void The_readme_table_lists_every_self_monitoring_family_with_its_type_and_label_keys()
    {
        string exposition = AddDistricExposition();
        // The framework and runtime families (process_*, dotnet_*) are documented in their own section.
        Dictionary<string, string> served = TypeLine().Matches(exposition)
            .Where(m => m.Groups["name"].Value.StartsWith("distric_", StringComparison.Ordinal))
            .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["type"].Value);
        Dictionary<string, TableRow> table = ReadmeTable();

        Assert.Equal(served.Keys.Order(StringComparer.Ordinal), table.Keys.Order(StringComparer.Ordinal));
        Assert.All(served, family => Assert.Equal(family.Value, table[family.Key].Type));
        Assert.All(table, row => Assert.Equal(row.Value.LabelKeys, LabelKeysServed(exposition, row.Key)));
    }

    [Fact]
    public void Only_counters_end_in_total_and_every_ratio_is_between_0_and_1()
    {
        string exposition = AddDistricExposition();
        foreach (Match family in TypeLine().Matches(exposition))
        {
            string name = family.Groups["name"].Value;
            Assert.True(name.EndsWith("_total", StringComparison.Ordinal) == (family.Groups["type"].Value == "counter"), name);
        }

        Match[] ratios = SampleLine().Matches(exposition).Where(m => m.Groups["name"].Value.EndsWith("_ratio", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["distric_internal_log_queue_fill_ratio", "distric_internal_tracer_sample_ratio"], ratios.Select(m => m.Groups["name"].Value));
        Assert.All(ratios, m => Assert.InRange(double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture), 0.0, 1.0));
    }

    private static string AddDistricExposition()
    {
        var services = new ServiceCollection();
        // With an OTLP traces endpoint configured, so the distric_internal_otlp_* families are there too (nothing is sent:
        // no span is finished).
        services.AddDistric(o => o.LogOutput = DistricLogOutput.Stream(new MemoryStream()))
            .AddOtlpExport(o =>
            {
                o.ReadEnvironment = false;
                o.Traces = new OtlpExporterOptions { Endpoint = new Uri("http://127.0.0.1:9/v1/traces"), Resource = OtlpResource.Create("table-test") };
            });
        using ServiceProvider provider = services.BuildServiceProvider();
        // What the host's start does: the meter bridge (with its self-monitoring) and the process metrics.
        provider.GetRequiredService<DistricFrameworkMetrics.FrameworkMetricsHandle>();
        return provider.GetRequiredService<MetricRegistry>().ExportText();
    }

    private static string[] LabelKeysServed(string exposition, string family) => SampleLine().Matches(exposition)
        .Where(m => m.Groups["name"].Value == family && m.Groups["labels"].Success)
        .SelectMany(m => m.Groups["labels"].Value.Split(',').Select(pair => pair[..pair.IndexOf('=', StringComparison.Ordinal)]))
        .Distinct()
        .ToArray();

    /// <summary>The rows of the README section, by metric name.</summary>
    private static Dictionary<string, TableRow> ReadmeTable()
    {
        string[] lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "README.md"));
        int start = Array.IndexOf(lines, "## Self-monitoring metrics");
        Assert.True(start >= 0, "README.md has no \"## Self-monitoring metrics\" section");
        return lines.Skip(start + 1)
            .TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))
            .Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .Select(l => l.Split('|').Select(c => c.Trim()).ToArray())
            .ToDictionary(c => c[1].Trim('`'), c => new TableRow(c[2], LabelKey().Matches(c[3]).Select(m => m.Groups["key"].Value).ToArray()));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DistriC.Generated.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No DistriC.Generated.sln above {AppContext.BaseDirectory}.");
    }

    private sealed record TableRow(string Type, string[] LabelKeys);
}
