using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DistriC.Tests.Support;

namespace DistriC.Hosting.Tests.Monitoring;

/// <summary>
/// A real Prometheus on a free loopback port, scraping one target every second and evaluating a rules file every second,
/// with a temporary config and storage; killed (by its own process id) on dispose. Its instant-query API answers
/// <see cref="QueryAsync"/>.
/// </summary>
internal sealed class PrometheusWithRules : IDisposable
{
    private readonly Process _process;
    private readonly string _directory;
    private readonly StringBuilder _output = new();
    private readonly HttpClient _api;

    private PrometheusWithRules(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        _api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(5) };
    }

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

    public static PrometheusWithRules Start(string binary, int targetPort, string rulesFile)
    {
        string directory = Directory.CreateTempSubdirectory("distric-prometheus-rules-").FullName;
        string config = Path.Combine(directory, "prometheus.yml");
        File.WriteAllText(config, $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
              evaluation_interval: 1s
            rule_files:
              - '{rulesFile}'
            scrape_configs:
              - job_name: distric-sample
                static_configs:
                  - targets: ['127.0.0.1:{targetPort}']
            """);
        int port = FreePort();
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        start.ArgumentList.Add("--config.file=" + config);
        start.ArgumentList.Add("--storage.tsdb.path=" + Path.Combine(directory, "data"));
        start.ArgumentList.Add($"--web.listen-address=127.0.0.1:{port}");
        var process = new Process { StartInfo = start };
        var running = new PrometheusWithRules(process, directory, port);
        process.OutputDataReceived += (_, e) => running.Append(e.Data);
        process.ErrorDataReceived += (_, e) => running.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return running;
    }

    /// <summary>The instant vector of <paramref name="query"/> as label set → value; null while Prometheus is not answering yet.</summary>
    public async Task<Dictionary<string, double>?> QueryAsync(string query, CancellationToken cancellationToken)
    {
        try
        {
            using HttpResponseMessage response = await _api.GetAsync("/api/v1/query?query=" + Uri.EscapeDataString(query), cancellationToken);
            string json = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                throw new Xunit.Sdk.XunitException($"Prometheus rejected '{query}': {json}");
            }

            return response.IsSuccessStatusCode ? ParseVector(json) : null;
        }
        catch (HttpRequestException)
        {
            return null; // still starting
        }
    }

    public void Dispose()
    {
        _api.Dispose();
        ChildProcess.Stop(_process, _directory);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Dictionary<string, double> ParseVector(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (JsonElement sample in document.RootElement.GetProperty("data").GetProperty("result").EnumerateArray())
        {
            string labels = string.Join(",", sample.GetProperty("metric").EnumerateObject()
                .OrderBy(l => l.Name, StringComparer.Ordinal)
                .Select(l => l.Name + "=" + l.Value.GetString()));
            result[labels] = double.Parse(sample.GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
        }

        return result;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
