// Copied by run.sh into a fresh `dotnet new xunit` project outside the repository, which references
// only the packed packages: what a user writes after `dotnet add package AxisEmulator.Testing`.
using AxisEmulator.Client;
using AxisEmulator.Contracts;
using AxisEmulator.Testing;
using FluentAssertions;

namespace ExternalProject;

/// <summary>The emulator started by the installed .NET tool (AXIS_EMULATOR_COMMAND names it), in manual time.</summary>
public class ToolEmulatorFixture() : ProcessEmulatorFixture(new ProcessEmulatorOptions { Devices = 0 });

public class ResetWithTheToolTests(ToolEmulatorFixture emulator) : IClassFixture<ToolEmulatorFixture>
{
    [Fact]
    public async Task Holding_the_button_through_power_on_restores_factory_defaults()
    {
        var camera = await emulator.AddDeviceAsync(id: "lobby", profile: "P3265-LVE", powerOn: true);
        await camera.Should().ReachPhase(DevicePhase.Ready, within: TimeSpan.FromMinutes(2));

        var unplugged = await camera.PowerOffAsync();
        await camera.PressButtonAsync();
        await camera.PowerOnAsync();
        await camera.Should().ShowStatusLed(LedColor.Amber, LedPattern.Flashing, within: TimeSpan.FromSeconds(30));
        await camera.ReleaseButtonAsync();

        var done = await camera.Should().RebootWithin(TimeSpan.FromMinutes(2));
        done.Which.Should().BeInSetupMode();
        var timeline = await camera.GetTimelineAsync(since: unplugged.LastSequence);
        timeline.Should().ShowFactoryReset();
        emulator.Process!.StartInfo.FileName.Should().EndWith("axis-emulator", "the fixture ran the installed tool");
    }
}

public class ResetInProcessTests(InProcessEmulatorFixture emulator) : IClassFixture<InProcessEmulatorFixture>
{
    [Fact]
    public async Task Releasing_before_the_LED_flashes_keeps_the_configuration()
    {
        var camera = await emulator.AddDeviceAsync(id: "hall", profile: "P3265-LVE", powerOn: true);
        await camera.Should().ReachPhase(DevicePhase.Ready, within: TimeSpan.FromMinutes(2));
        emulator.AddAdminAccount(camera.Id);

        await camera.PowerOffAsync();
        await camera.PressButtonAsync();
        await camera.PowerOnAsync();
        await emulator.AdvanceAsync(TimeSpan.FromSeconds(5));
        await camera.ReleaseButtonAsync();

        await camera.Should().KeepConfig(within: TimeSpan.FromMinutes(2));
    }
}
