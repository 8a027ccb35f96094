using AxisEmulator.Testing;

namespace AxisEmulator.Client.Tests;

/// <summary>How the process fixture picks its command: the .NET tool when asked, else dotnet AxisEmulator.dll.</summary>
public class ProcessCommandTests
{
    private sealed class Probe(ProcessEmulatorOptions options) : ProcessEmulatorFixture(options);

    [Fact]
    public void An_executable_is_run_as_the_command_with_the_fixtures_arguments()
    {
        var probe = new Probe(new ProcessEmulatorOptions { Executable = "/opt/tools/axis-emulator" });

        var (fileName, leading) = probe.ResolveCommand();

        fileName.Should().Be("/opt/tools/axis-emulator");
        leading.Should().BeEmpty();
        probe.Arguments(new Uri("http://127.0.0.1:5000/")).Should().StartWith(["serve", "--clock", "manual", "--ephemeral", "--control-url", "http://127.0.0.1:5000"]);
    }

    [Fact]
    public void Without_an_executable_the_built_host_runs_under_dotnet()
    {
        var (fileName, leading) = new Probe(new ProcessEmulatorOptions()).ResolveCommand();

        fileName.Should().Be("dotnet");
        leading.Should().ContainSingle().Which.Should().EndWith("AxisEmulator.dll");
    }

    [Fact]
    public async Task A_tool_that_is_not_installed_is_a_clear_error()
    {
        var act = () => ProcessEmulatorFixture.StartAsync(new ProcessEmulatorOptions { Executable = "/nonexistent/axis-emulator", StartupAttempts = 1 });

        (await act.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should()
            .StartWith("Could not start the emulator command '/nonexistent/axis-emulator': ").And.EndWith("(is the tool installed? dotnet tool install AxisEmulator.Tool).");
    }
}
