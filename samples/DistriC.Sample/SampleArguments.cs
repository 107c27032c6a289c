using System;
using System.Globalization;

namespace DistriC.Sample;

/// <summary>Command line of the sample: <c>[--port N] [--once]</c>; the port may also come from <c>DISTRIC_SAMPLE_PORT</c>.</summary>
internal sealed record SampleArguments(int Port, bool Once, bool Help = false)
{
    public const int DefaultPort = 8080;
    public const string PortVariable = "DISTRIC_SAMPLE_PORT";

    /// <summary>Prefix of every line the sample writes on stderr about a mistake, so a user sees who is talking.</summary>
    public const string ErrorPrefix = "distric-sample: ";

    /// <summary>Simulated requests handled by <c>--once</c> before it scrapes itself.</summary>
    public const int OnceRequests = 100;

    /// <summary>The one line printed after an argument error.</summary>
    public const string UsageLine =
        "usage: DistriC.Sample [--port N] [--once] [--help]  (N from 0 to 65535, 0 picks a free port; or DISTRIC_SAMPLE_PORT=N)";

    /// <summary>The full help, printed by <c>--help</c>.</summary>
    public const string Usage = """
        Usage: DistriC.Sample [--port N] [--once] [--help]
          --port N   port to listen on (0 = any free port; default 8080, or the DISTRIC_SAMPLE_PORT environment variable)
          --once     start, handle 100 simulated requests, scrape /metrics once, then print the JSON log lines
                     followed by the exposition, and exit
          --help     print this text and exit
        """;

    private const string PortRange = "expected a whole number from 0 to 65535 (0 picks a free port)";

    /// <summary>Parses the arguments without printing anything.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="portVariable">The value of <see cref="PortVariable"/>, or null when it is not set.</param>
    /// <param name="error">Why the arguments are invalid (one line, without <see cref="ErrorPrefix"/>), else null.</param>
    /// <returns>The arguments, or null when <paramref name="error"/> is set.</returns>
    public static SampleArguments? Parse(string[] args, string? portVariable, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        int port = DefaultPort;
        if (!string.IsNullOrEmpty(portVariable) && (error = CheckPort(PortVariable + "=", portVariable, out port)) is not null)
        {
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
                case "--help" or "-h":
                    error = null;
                    return new SampleArguments(port, once, Help: true);
                case "--port" when i + 1 == args.Length:
                    error = $"--port needs a value (--port N); {PortRange}";
                    return null;
                case "--port":
                    i++;
                    if ((error = CheckPort("--port ", args[i], out port)) is not null)
                    {
                        return null;
                    }

                    break;
                default:
                    error = $"unknown argument '{args[i]}'";
                    return null;
            }
        }

        error = null;
        return new SampleArguments(port, once);
    }

    /// <summary>The line printed when the port is taken, naming both ways to choose another.</summary>
    public static string PortInUse(int port, System.Net.IPAddress address) =>
        $"{ErrorPrefix}port {port} on {address} is already in use; choose another with --port N or {PortVariable}=N (0 picks a free port)";

    /// <summary>Null when <paramref name="text"/> is a port, else what is wrong with it, after <paramref name="given"/>
    /// (<c>"--port "</c> or <c>"DISTRIC_SAMPLE_PORT="</c>) so the user sees where the bad value came from.</summary>
    private static string? CheckPort(string given, string text, out int port)
    {
        port = 0;
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
        {
            // Digits that do not even fit a long are a number out of range, not a typo.
            return IsInteger(text)
                ? $"{given}{text} is out of range; {PortRange}"
                : $"{given}'{text}' is not a port number; {PortRange}";
        }

        if (value is < 0 or > 65535)
        {
            return $"{given}{text} is out of range; {PortRange}";
        }

        port = (int)value;
        return null;
    }

    private static bool IsInteger(string text)
    {
        ReadOnlySpan<char> digits = text.StartsWith('-') ? text.AsSpan(1) : text.AsSpan();
        return !digits.IsEmpty && !digits.ContainsAnyExceptInRange('0', '9');
    }
}
