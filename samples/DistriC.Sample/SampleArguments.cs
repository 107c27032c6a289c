using System;
using System.Globalization;

namespace DistriC.Sample;

/// <summary>Command line of the sample: <c>[--port N] [--once]</c>; the port may also come from <c>DISTRIC_SAMPLE_PORT</c>.</summary>
internal sealed record SampleArguments(int Port, bool Once)
{
    public const int DefaultPort = 8080;
    public const string PortVariable = "DISTRIC_SAMPLE_PORT";

    /// <summary>Simulated requests handled by <c>--once</c> before it scrapes itself.</summary>
    public const int OnceRequests = 100;

    public const string Usage = """
        Usage: DistriC.Sample [--port N] [--once]
          --port N   port to listen on (0 = any free port; default 8080, or the DISTRIC_SAMPLE_PORT environment variable)
          --once     start, handle 100 simulated requests, scrape /metrics once, then print the JSON log lines
                     followed by the exposition, and exit
        """;

    /// <summary>Parses the arguments; returns null (after printing why) when they are invalid.</summary>
    public static SampleArguments? Parse(string[] args, string? portVariable)
    {
        int port = DefaultPort;
        if (!string.IsNullOrEmpty(portVariable) && !TryParsePort(portVariable, out port))
        {
            Console.Error.WriteLine($"{PortVariable}='{portVariable}' is not a port number (0-65535).");
            return null;
        }

        bool once = false;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--once":
                    once = true;
                    break;
                case "--port" when i + 1 < args.Length && TryParsePort(args[i + 1], out port):
                    i++;
                    break;
                default:
                    Console.Error.WriteLine($"Unexpected argument '{args[i]}'.");
                    Console.Error.WriteLine(Usage);
                    return null;
            }
        }

        return new SampleArguments(port, once);
    }

    private static bool TryParsePort(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65535;
}
