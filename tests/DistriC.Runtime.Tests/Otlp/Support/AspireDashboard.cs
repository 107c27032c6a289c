using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace DistriC.Runtime.Tests.Otlp.Support;

/// <summary>
/// The Aspire dashboard (NuGet <c>Aspire.Dashboard.Sdk.linux-x64</c>, restored with the test project and run from its
/// <c>tools/Aspire.Dashboard</c>) as a real OTLP receiver on loopback ports: OTLP/HTTP in, its telemetry API out.
/// </summary>
internal sealed class AspireDashboard : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly StringBuilder _output = new();
    private Process? _process;

    private AspireDashboard(string executable, int apiPort, int otlpPort, int grpcPort)
    {
        Executable = executable;
        ApiPort = apiPort;
        OtlpPort = otlpPort;
        GrpcPort = grpcPort;
        Api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{apiPort}"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public string Executable { get; }

    public int ApiPort { get; }

    public int OtlpPort { get; }

    public int GrpcPort { get; }

    public HttpClient Api { get; }

    /// <summary>The OTLP/HTTP base endpoint (what <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> would hold).</summary>
    public Uri OtlpBase => new($"http://127.0.0.1:{OtlpPort}");

    public string Output
    {
        get { lock (_output) { return _output.ToString(); } }
    }

    /// <summary>The executable in the restored package, or null when the package is missing.</summary>
    public static string? Find()
    {
        string? package = typeof(AspireDashboard).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "AspireDashboardPackage")?.Value;
        string? path = string.IsNullOrEmpty(package) ? null : Path.Combine(package, "tools", "Aspire.Dashboard");
        return path is not null && File.Exists(path) ? path : null;
    }

    public static async Task<AspireDashboard> StartAsync()
    {
        string executable = Find() ?? throw new InvalidOperationException(
            "The Aspire dashboard package (Aspire.Dashboard.Sdk.linux-x64) was not restored; run dotnet restore on the test project.");
        var dashboard = new AspireDashboard(executable, FreePort(), FreePort(), FreePort());
        await dashboard.StartProcessAsync();
        return dashboard;
    }

    /// <summary>Kills the process (and waits for it to exit); its ports close.</summary>
    public void Kill()
    {
        Process? process = Interlocked.Exchange(ref _process, null);
        if (process is not null)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            process.Dispose();
        }
    }

    /// <summary>Starts it again on the same ports (storage starts empty) and waits until both listeners are up.</summary>
    public Task RestartAsync() => StartProcessAsync();

    /// <summary>GETs an API path and parses the JSON.</summary>
    public async Task<JsonElement> GetAsync(string pathAndQuery)
    {
        string json = await Api.GetStringAsync(pathAndQuery);
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    public void Dispose()
    {
        Kill();
        Api.Dispose();
    }

    private async Task StartProcessAsync()
    {
        var info = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(Executable)!,
        };
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{ApiPort}";
        info.Environment["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] = $"http://127.0.0.1:{OtlpPort}";
        info.Environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://127.0.0.1:{GrpcPort}";
        info.Environment["ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS"] = "true";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        void OnLine(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(e.Data);
                string text = _output.ToString();
                if (text.Contains($"OTLP/HTTP listening on: http://127.0.0.1:{OtlpPort}", StringComparison.Ordinal)
                    && text.Contains($"Now listening on: http://127.0.0.1:{ApiPort}", StringComparison.Ordinal))
                {
                    ready.TrySetResult();
                }
            }
        }

        process.OutputDataReceived += OnLine;
        process.ErrorDataReceived += OnLine;
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("The Aspire dashboard exited:\n" + Output));
        lock (_output)
        {
            _output.Clear();
        }

        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        try
        {
            await ready.Task.WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            Kill();
            throw new TimeoutException("The Aspire dashboard did not start listening within 60 s:\n" + Output);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
