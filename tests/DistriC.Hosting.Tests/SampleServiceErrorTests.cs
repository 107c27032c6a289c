using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace DistriC.Hosting.Tests;

/// <summary>Mistakes a user makes when starting the sample: one line on stderr that says what to do, exit code 2, no crash.</summary>
public sealed partial class SampleServiceTests
{
    private const string UsageLine =
        "usage: DistriC.Sample [--port N] [--once] [--help]  (N from 0 to 65535, 0 picks a free port; or DISTRIC_SAMPLE_PORT=N)";

    [Fact]
    public async Task A_port_in_use_gives_one_line_naming_the_port_and_how_to_choose_another_and_exit_code_2()
    {
        var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        try
        {
            int port = ((IPEndPoint)occupant.LocalEndpoint).Port;

            SampleRun run = await RunSampleAsync("--once", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

            Assert.Equal(2, run.ExitCode);
            Assert.Equal(
                $"distric-sample: port {port} on 127.0.0.1 is already in use; choose another with --port N or DISTRIC_SAMPLE_PORT=N (0 picks a free port)\n",
                run.Stderr);
            Assert.Equal(string.Empty, run.Stdout);
        }
        finally
        {
            occupant.Stop();
        }
    }

    [Theory]
    [InlineData(new[] { "--port", "abc" }, "--port 'abc' is not a port number; expected a whole number from 0 to 65535 (0 picks a free port)")]
    [InlineData(new[] { "--once", "--port" }, "--port needs a value (--port N); expected a whole number from 0 to 65535 (0 picks a free port)")]
    [InlineData(new[] { "--port", "65536" }, "--port 65536 is out of range; expected a whole number from 0 to 65535 (0 picks a free port)")]
    [InlineData(new[] { "--verbose" }, "unknown argument '--verbose'")]
    public async Task A_wrong_argument_gives_its_own_line_then_the_usage_line_and_exit_code_2(string[] arguments, string message)
    {
        SampleRun run = await RunSampleAsync(arguments);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"distric-sample: {message}\n{UsageLine}\n", run.Stderr);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public async Task A_bad_port_variable_names_the_variable()
    {
        SampleRun run = await RunSampleWithPortVariableAsync("80a", "--once");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            "distric-sample: DISTRIC_SAMPLE_PORT='80a' is not a port number; expected a whole number from 0 to 65535 (0 picks a free port)\n"
            + UsageLine + "\n",
            run.Stderr);
    }
}
