using AxisEmulator.Cli;
using AxisEmulator.Core.Fleet;
using AxisEmulator.Hosting;
using Microsoft.Extensions.Configuration;

namespace AxisEmulator.Tests.Lab;

/// <summary>A fleet file's <c>network: lab</c> serves the fleet in the lab, as <c>--network lab</c> does.</summary>
public class LabFleetTests
{
    [Fact]
    public async Task A_fleet_file_with_network_lab_is_served_in_the_lab_and_stopping_removes_it()
    {
        var names = LabHarness.UniqueNames();
        var profiles = Core.Profiles.ProfileCatalog.LoadInstalled();
        var fleet = FleetFile.Parse("network: lab\ngroups: [ { profile: P3265-LVE, count: 2, idPrefix: door } ]\n", profiles);
        var settings = ServeCommand.Resolve(["--lab-name", names.Lab, "--ephemeral", "--control-url", "http://127.0.0.1:0", "--clock", "manual"], new ConfigurationBuilder().Build());
        var output = new LineWatcher("Press Ctrl+C to stop.");
        using var stop = new CancellationTokenSource();

        var serving = EmulatorServer.RunAsync(settings, profiles, output, stop.Token, fleet);
        await output.Seen.WaitAsync(TimeSpan.FromSeconds(60));
        try
        {
            output.Text.Should().Contain($"Network lab '{names.Lab}'").And.Contain($"door-1: P3265-LVE").And.Contain($"in {names.Camera(1)}");
            File.Exists("/run/netns/" + names.Camera(2)).Should().BeTrue();
        }
        finally
        {
            await stop.CancelAsync();
            (await serving.WaitAsync(TimeSpan.FromSeconds(60))).Should().Be(0);
        }

        Directory.EnumerateFiles("/run/netns").Select(Path.GetFileName).Should().NotContain(n => n!.StartsWith(names.NamespacePrefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_fleet_file_with_network_lab_and_a_shared_port_on_the_command_line_is_one_line_error()
    {
        using var directory = new TempDirectory();
        var file = directory.Write("fleet.yaml", "network: lab\ngroups: [ { profile: P3265-LVE, count: 1 } ]\n");

        var result = await CliHarness.RunAsync("serve", "--fleet", file, "--shared-port", "8081", "--ephemeral", "--control-url", "http://127.0.0.1:0");

        result.ExitCode.Should().Be(ExitCodes.InvalidInput, result.ToString());
        result.ErrorLines.Should().ContainSingle().Which.Should().Be("error: --network lab puts each camera on port 80 of its own address in the lab; --shared-port does not apply");
    }

    /// <summary>Collects what the server prints and completes <see cref="Seen"/> once a line contains the text awaited.</summary>
    private sealed class LineWatcher(string awaited) : StringWriter
    {
        private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Seen => _seen.Task;

        public string Text
        {
            get { lock (this) { return ToString(); } }
        }

        public override void Write(char value)
        {
            lock (this)
            {
                base.Write(value);
            }
        }

        public override void Write(string? value)
        {
            lock (this)
            {
                base.Write(value);
                if (ToString().Contains(awaited, StringComparison.Ordinal))
                {
                    _seen.TrySetResult();
                }
            }
        }

        public override Task WriteLineAsync(string? value)
        {
            Write(value + NewLine);
            return Task.CompletedTask;
        }
    }
}
