using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace DistriC.Hosting.Tests.Monitoring;

/// <summary>
/// A real Prometheus on a free loopback port, scraping one target every second and evaluating a rules file every second,
/// with a temporary config and storage; killed (by its own process id) on dispose. Its instant-query API answers
/// <see cref="QueryAsync"/>.
/// </summary>
internal sealed class PrometheusWithRules : IDisposable
{
    private readonly PrometheusScrapeTests.PrometheusProcess _prometheus;
    private readonly HttpClient _api;

    private PrometheusWithRules(PrometheusScrapeTests.PrometheusProcess prometheus)
    {
        _prometheus = prometheus;
        _api = new HttpClient { BaseAddress = prometheus.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
    }

    public string Output => _prometheus.Output;

    public static PrometheusWithRules Start(string binary, int targetPort, string rulesFile) =>
        new(PrometheusScrapeTests.PrometheusProcess.Launch(binary, "distric-sample", targetPort, rulesFile));

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
        _prometheus.Dispose();
    }

    public static int FreePort() => PrometheusScrapeTests.PrometheusProcess.FreePort();

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
}
