using DistriC.Sample;

namespace DistriC.Hosting.Tests.Sample;

/// <summary>The sample's argument parser, called directly (its source is compiled into this project).</summary>
public sealed class SampleArgumentsTests
{
    [Fact]
    public void No_arguments_give_the_default_port_and_the_serving_mode()
    {
        SampleArguments? parsed = SampleArguments.Parse([], portVariable: null, out string? error);

        Assert.Null(error);
        Assert.Equal(new SampleArguments(SampleArguments.DefaultPort, Once: false), parsed);
    }

    [Theory]
    [InlineData(new[] { "--port", "0" }, null, 0, false)]
    [InlineData(new[] { "--port", "65535", "--once" }, null, 65535, true)]
    [InlineData(new[] { "--once" }, "9000", 9000, true)]
    [InlineData(new[] { "--port", "9001" }, "9000", 9001, false)]   // the argument wins over the variable
    [InlineData(new string[0], "", SampleArguments.DefaultPort, false)] // an empty variable counts as unset
    public void Valid_arguments_are_parsed(string[] args, string? portVariable, int port, bool once)
    {
        SampleArguments? parsed = SampleArguments.Parse(args, portVariable, out string? error);

        Assert.Null(error);
        Assert.Equal(new SampleArguments(port, once), parsed);
    }

    [Theory]
    [InlineData(new[] { "--port", "abc" }, null, "--port 'abc' is not a port number; expected a whole number from 0 to 65535 (0 picks a free port)")]
    [InlineData(new[] { "--port", "8o80" }, null, "--port '8o80' is not a port number; expected a whole number from 0 to 65535 (0 picks a free port)")]
    [InlineData(new[] { "--port" }, null, "--port needs a value (--port N); expected a whole number from 0 to 65535 (0 picks a free port)")]
    [InlineData(new[] { "--port", "-1" }, null, "--port -1 is out of range; expected a whole number from 0 to 65535 (0 picks a free port)")]
    [InlineData(new[] { "--port", "70000" }, null, "--port 70000 is out of range; expected a whole number from 0 to 65535 (0 picks a free port)")]
    [InlineData(new[] { "--port", "99999999999999999999" }, null, "--port 99999999999999999999 is out of range; expected a whole number from 0 to 65535 (0 picks a free port)")]
    [InlineData(new[] { "--once", "extra" }, null, "unknown argument 'extra'")]
    [InlineData(new[] { "--port=8080" }, null, "unknown argument '--port=8080'")]
    [InlineData(new[] { "--once" }, "x", "DISTRIC_SAMPLE_PORT='x' is not a port number; expected a whole number from 0 to 65535 (0 picks a free port)")]
    [InlineData(new[] { "--once" }, "65536", "DISTRIC_SAMPLE_PORT=65536 is out of range; expected a whole number from 0 to 65535 (0 picks a free port)")]
    public void Invalid_arguments_give_one_line_saying_what_is_wrong(string[] args, string? portVariable, string expected)
    {
        SampleArguments? parsed = SampleArguments.Parse(args, portVariable, out string? error);

        Assert.Null(parsed);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Help_is_recognised_before_later_arguments_are_checked()
    {
        SampleArguments? parsed = SampleArguments.Parse(["--help", "--bogus"], portVariable: null, out string? error);

        Assert.Null(error);
        Assert.True(parsed!.Help);
    }

    [Fact]
    public void The_port_in_use_line_names_port_address_and_both_ways_to_choose_another()
    {
        Assert.Equal(
            "distric-sample: port 8080 on 127.0.0.1 is already in use; choose another with --port N or DISTRIC_SAMPLE_PORT=N (0 picks a free port)",
            SampleArguments.PortInUse(8080, System.Net.IPAddress.Loopback));
    }
}
