using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DistriC.MetricDocs;
using DistriC.Tests.Support;

namespace DistriC.Hosting.Tests.Monitoring;

/// <summary>
/// The running sample service, scraped by a real Prometheus that evaluates the generated rules file: every query of the
/// rules file and of the dashboard returns data, every recorded series exists, and no absent() alert fires.
/// </summary>
public sealed class SampleUnderScrapeTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [ToolFact("prometheus")]
    public async Task Every_rule_and_panel_query_returns_data_from_Prometheus_scraping_the_sample()
    {
        string binary = ExternalTool.Require("prometheus");
        MetricArtifacts artifacts = SampleArtifacts.Generate();
        int port = PrometheusWithRules.FreePort();
        using SampleProcess sample = SampleProcess.Start(port);
        using PrometheusWithRules prometheus = PrometheusWithRules.Start(binary, port, SampleArtifacts.Rules);
        using var deadline = new CancellationTokenSource(Deadline);
        string Context() => $"\nPrometheus output:\n{prometheus.Output}\nSample output:\n{sample.Output}";

        // Queries that compute something (rates, ratios, quantiles) and the series the rules record.
        IEnumerable<string> computed = artifacts.RuleList.Where(r => r.Record is not null).SelectMany(r => new[] { r.Expr, r.Record! })
            .Concat(artifacts.Panels.Select(p => p.Expr));
        foreach (string query in computed)
        {
            Dictionary<string, double> result = await PollAsync(prometheus, query, r => r.Values.Any(double.IsFinite), Context, deadline.Token);
            Assert.NotEmpty(result);
        }

        // An absent() alert returns data only when its family is missing: here the family returns data, the alert nothing.
        foreach (PrometheusRule alert in artifacts.RuleList.Where(r => r.Alert is not null))
        {
            string family = alert.Expr["absent(".Length..^1];
            Assert.NotEmpty(await PollAsync(prometheus, family, r => r.Count > 0, Context, deadline.Token));
            Assert.Empty((await prometheus.QueryAsync(alert.Expr, deadline.Token))!);
        }

        Assert.Empty((await prometheus.QueryAsync("ALERTS{alertstate=\"firing\"}", deadline.Token))!);
    }

    private static async Task<Dictionary<string, double>> PollAsync(
        PrometheusWithRules prometheus, string query, Func<Dictionary<string, double>, bool> done, Func<string> context, CancellationToken deadline)
    {
        Dictionary<string, double>? last = null;
        while (!deadline.IsCancellationRequested)
        {
            try
            {
                last = await prometheus.QueryAsync(query, deadline) ?? last;
                if (last is not null && done(last))
                {
                    return last;
                }

                await Task.Delay(250, deadline);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                break;
            }
        }

        throw new Xunit.Sdk.XunitException(
            $"'{query}' returned no data within {Deadline}; last: {string.Join("; ", (last ?? []).Select(kv => kv.Key + "=" + kv.Value))}{context()}");
    }

    /// <summary>The built sample serving on <c>--port</c>; killed (by its process id) on dispose.</summary>
    private sealed class SampleProcess : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();

        private SampleProcess(Process process) => _process = process;

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public static SampleProcess Start(int port)
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(SampleArtifacts.Assembly);
            start.ArgumentList.Add("--port");
            start.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            start.Environment.Remove("DISTRIC_SAMPLE_PORT");
            var process = new Process { StartInfo = start };
            var running = new SampleProcess(process);
            // Drain both streams (the JSON log goes to stdout), keeping only the last lines for failure messages.
            process.OutputDataReceived += (_, e) => running.Append(e.Data);
            process.ErrorDataReceived += (_, e) => running.Append(e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return running;
        }

        public void Dispose()
        {
            ChildProcess.Stop(_process);
        }

        private void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_output)
            {
                if (_output.Length > 16_000)
                {
                    _output.Remove(0, 8_000);
                }

                _output.AppendLine(line);
            }
        }
    }
}
