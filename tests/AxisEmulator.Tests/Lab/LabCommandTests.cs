using AxisEmulator.Lab;

namespace AxisEmulator.Tests.Lab;

/// <summary><c>lab exec</c>, <c>serve --network lab</c>'s option checks and its one-line refusal without privileges.</summary>
public class LabCommandTests
{
    [Fact]
    public async Task Lab_exec_runs_the_command_in_the_client_namespace_and_exits_with_its_status()
    {
        await using var lab = LabHarness.Start();

        var address = await CliHarness.RunAsync("lab", "exec", "--lab-name", lab.Names.Lab, "--", "ip", "-4", "-o", "address", "show", "dev", "eth0");
        var failing = await CliHarness.RunAsync("lab", "exec", "--lab-name", lab.Names.Lab, "--", "sh", "-c", "exit 3");

        address.ExitCode.Should().Be(0, address.ToString());
        address.Output.Should().Contain($"inet {LabSegment.ClientAddress}/{LabSegment.ClientPrefixLength}");
        failing.ExitCode.Should().Be(3);
    }

    [Fact]
    public async Task Lab_exec_without_a_running_lab_says_how_to_start_one()
    {
        var names = LabHarness.UniqueNames();

        var result = await CliHarness.RunAsync("lab", "exec", "--lab-name", names.Lab, "--", "true");

        result.ExitCode.Should().Be(2);
        result.ErrorLines.Should().ContainSingle().Which.Should().Be($"error: no lab '{names.Lab}' is running (no namespace {names.Client}); start one with 'serve --network lab --lab-name {names.Lab}'");
    }

    [Theory]
    [InlineData("--network", "bridge", "--network 'bridge' is not a network mode")]
    [InlineData("--lab-name", "Bad_Name", "--lab-name: lab name 'Bad_Name' is not valid")]
    public async Task Bad_network_options_are_one_line_errors(string option, string value, string message)
    {
        string[] network = option == "--network" ? [] : ["--network", "lab"];

        var result = await CliHarness.RunAsync(["serve", .. network, option, value, "--ephemeral"]);

        result.ExitCode.Should().Be(2);
        result.ErrorLines.Should().ContainSingle().Which.Should().StartWith("error: " + message);
    }

    [Fact]
    public async Task The_lab_with_a_shared_port_is_refused_as_a_contradiction()
    {
        var result = await CliHarness.RunAsync("serve", "--network", "lab", "--shared-port", "8081", "--ephemeral");

        result.ExitCode.Should().Be(2);
        result.ErrorLines.Should().ContainSingle().Which.Should().Contain("--network lab puts each camera on port 80 of its own address in the lab; --shared-port does not apply");
    }

    [Fact]
    public async Task Serve_network_lab_without_CAP_NET_ADMIN_is_refused_with_one_line_and_makes_nothing()
    {
        var names = LabHarness.UniqueNames();
        var dll = Path.Combine(AppContext.BaseDirectory, "AxisEmulator.dll");

        // Root without the two capabilities, as an unprivileged container would run it.
        var result = await LabHarness.RunAsync(
            "setpriv", "--inh-caps=-net_admin,-sys_admin", "--bounding-set=-net_admin,-sys_admin", "--",
            "dotnet", dll, "serve", "--network", "lab", "--lab-name", names.Lab, "--ephemeral", "--control-url", "http://127.0.0.1:0");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Error.Trim().Should().Be("error: --network lab needs root or CAP_NET_ADMIN and CAP_SYS_ADMIN (network namespaces, veth, a bridge); run as root, or in a container with cap_add: [NET_ADMIN, SYS_ADMIN]");
        Directory.EnumerateFiles("/run/netns").Select(Path.GetFileName).Should().NotContain(n => n!.StartsWith(names.NamespacePrefix, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("CapEff:\t000001ffffffffff\n", "")]
    [InlineData("CapEff:\t0000000000000000\n", "CAP_NET_ADMIN and CAP_SYS_ADMIN")]
    [InlineData("Name:\tx\nCapEff:\t0000000000201000\n", "")]
    [InlineData("CapEff:\t0000000000200000\n", "CAP_NET_ADMIN")]
    public void Missing_capabilities_are_read_from_the_effective_set(string status, string missing) =>
        LabPrivileges.Missing(status).Should().Be(missing);

    [Theory]
    [InlineData("main", true)]
    [InlineData("t0c1a2b3", true)]
    [InlineData("", false)]
    [InlineData("has-dash", false)]
    [InlineData("seventeenletters1", false)]
    public void Lab_names_are_short_lower_case_words(string name, bool valid)
    {
        var parse = () => LabNames.Parse(name);

        if (valid)
        {
            parse().Switch.Should().Be($"axlab-{name}-switch");
        }
        else
        {
            parse.Should().Throw<FormatException>();
        }
    }
}
