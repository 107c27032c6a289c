using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace DistriC.Benchmarks.RequestCost;

/// <summary>
/// The request-cost comparison (docs/benchmarks.md): <c>dotnet run -c Release --project tests/DistriC.Benchmarks --
/// --request-cost [requests [passes]]</c>. Runs each configuration of <see cref="RequestCostApps"/> in a child process: warm-up, then
/// three measured rounds of the same fixed request count from 4 concurrent connections; prints the medians and the cost per
/// request above the bare app. Load generator and server share the process, so their costs are in every figure alike
/// and cancel out in the differences.
/// </summary>
internal static class RequestCostRun
{
    public const string Argument = "--request-cost";
    private const string ChildArgument = "--request-cost-child";
    private const int Workers = 4;
    private const int Rounds = 3;

    public static bool TryRun(string[] args)
    {
        if (args.Length >= 1 && args[0] == ChildArgument)
        {
            RunChildAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture)).GetAwaiter().GetResult();
            return true;
        }

        if (args.Length >= 1 && args[0] == Argument)
        {
            int requests = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50_000;
            int passes = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
            RunAll(requests, passes);
            return true;
        }

        return false;
    }

    private static void RunAll(int requests, int passes)
    {
        // Passes interleave the configurations (bare, distric, ..., opentelemetry, bare, ...), so a slow minute of a shared
        // VM lands on all of them alike instead of on whichever ran then; each figure is the median over the passes.
        var results = RequestCostApps.All.ToDictionary(c => c, _ => new List<JsonElement>());
        for (int pass = 0; pass < passes; pass++)
        {
            foreach (string configuration in RequestCostApps.All)
            {
                JsonElement line = RunChild(configuration, requests);
                results[configuration].Add(line);
                Console.Error.WriteLine($"pass {pass + 1}, {configuration}: {line}");
            }
        }

        double bareRps = Median(results[RequestCostApps.Bare], "rps");
        double bareCpu = Median(results[RequestCostApps.Bare], "cpu_us");
        double bareBytes = Median(results[RequestCostApps.Bare], "bytes");
        Console.WriteLine($"{requests} requests per round, {Rounds} rounds (medians) per process, {passes} interleaved passes (medians), {Workers} concurrent connections, {Environment.ProcessorCount} cores");
        Console.WriteLine("| Configuration | Requests/s | Wall us/request above bare | CPU us/request | CPU us/request above bare | Bytes allocated/request | Bytes/request above bare | Notes |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|");
        foreach ((string name, List<JsonElement> runs) in results)
        {
            double rps = Median(runs, "rps");
            double cpu = Median(runs, "cpu_us");
            double bytes = Median(runs, "bytes");
            double wallAbove = (1e6 / rps) - (1e6 / bareRps);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {rps:F0} | {wallAbove:F1} | {cpu:F1} | {cpu - bareCpu:F1} | {bytes:F0} | {bytes - bareBytes:F0} | {runs[^1].GetProperty("notes").GetString()} |"));
        }
    }

    private static double Median(List<JsonElement> runs, string property) =>
        Median(runs.Select(r => r.GetProperty(property).GetDouble()));

    private static JsonElement RunChild(string configuration, int requests)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(RequestCostRun).Assembly.Location);
        }

        start.ArgumentList.Add(ChildArgument);
        start.ArgumentList.Add(configuration);
        start.ArgumentList.Add(requests.ToString(CultureInfo.InvariantCulture));
        using Process child = Process.Start(start)!;
        string output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        string line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last();
        return JsonDocument.Parse(line).RootElement.Clone();
    }

    private static async Task RunChildAsync(string configuration, int requests)
    {
        var otelSpans = new List<Activity>();
        await using WebApplication app = RequestCostApps.Build(configuration, otelSpans);
        await app.StartAsync();
        var target = new Uri(app.Urls.First() + "/hello");
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Workers });
        await LoopbackLoad.RunAsync(client, target, Math.Max(5_000, requests / 5), Workers); // warm-up: JIT, tiering, pools

        var rounds = new List<RoundResult>();
        for (int round = 0; round < Rounds; round++)
        {
            lock (otelSpans)
            {
                otelSpans.Clear(); // the in-memory exporter's list: kept from growing across rounds
            }

            rounds.Add(await LoopbackLoad.RunAsync(client, target, requests, Workers));
        }

        string notes = configuration switch
        {
            RequestCostApps.Distric or RequestCostApps.DistricNoMetrics or RequestCostApps.DistricSpansOnly or RequestCostApps.DistricLogOnly => Notes(app),
            RequestCostApps.OpenTelemetry => "prometheus endpoint bytes " + (await client.GetStringAsync(new Uri(app.Urls.First() + "/metrics"))).Length,
            _ => string.Empty,
        };
        await app.StopAsync();
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["rps"] = Median(rounds.Select(r => r.RequestsPerSecond)),
            ["cpu_us"] = Median(rounds.Select(r => r.CpuMicrosecondsPerRequest)),
            ["bytes"] = Median(rounds.Select(r => r.BytesPerRequest)),
            ["notes"] = notes,
        }));
    }

    private static string Notes(WebApplication app)
    {
        TracerStats stats = app.Services.GetRequiredService<Tracer>().GetStats();
        return string.Create(CultureInfo.InvariantCulture,
            $"spans created {stats.SpansCreated}, sampled out {stats.SpansSampledOut}, dropped {stats.SpansDropped}, exported {RequestCostApps.DistricSpansExported}");
    }

    private static double Median(IEnumerable<double> values)
    {
        double[] sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
