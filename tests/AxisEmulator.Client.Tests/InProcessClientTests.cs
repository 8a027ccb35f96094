using System.Net;
using AxisEmulator.Contracts;
using AxisEmulator.Testing;

namespace AxisEmulator.Client.Tests;

/// <summary>Every client call against the real control plane, in-process, in manual time.</summary>
public class InProcessClientTests(InProcessEmulatorFixture emulator) : IClassFixture<InProcessEmulatorFixture>
{
    private AxisEmulatorClient Client => emulator.Client;

    [Fact]
    public async Task Health_and_profiles()
    {
        (await Client.GetHealthAsync()).IsHealthy.Should().BeTrue();
        (await Client.WaitUntilHealthyAsync(attempts: 1)).Status.Should().Be("healthy");

        var profiles = await Client.GetProfilesAsync();
        profiles.Should().Contain(p => p.Id == "P3265-LVE");
        profiles.Should().OnlyContain(p => p.FormFactor.IsKnown && p.Firmware.Personality.IsKnown && p.Reset.LateRelease.IsKnown);

        var p3265 = await Client.GetProfileAsync("p3265-lve");
        p3265.Model.Should().Be("P3265-LVE");
        p3265.Reset.HoldMinSeconds.Should().Be(15);
        p3265.Reset.Middle.Should().Be(TimeSpan.FromSeconds(22.5));
        p3265.PoeClass.Should().NotBeNull();
    }

    [Fact]
    public async Task An_unknown_profile_is_a_404_listing_the_known_ones()
    {
        var error = (await ((Func<Task>)(() => Client.GetProfileAsync("NOPE"))).Should().ThrowAsync<AxisEmulatorApiException>()).Which;

        error.Status.Should().Be(HttpStatusCode.NotFound);
        error.Title.Should().Be("Not found");
        error.KnownIds.Should().Contain("P3265-LVE");
    }

    [Fact]
    public async Task Devices_are_created_listed_read_and_deleted()
    {
        var created = await Client.CreateDeviceAsync(new CreateDeviceRequest { Id = "crud-1", Profile = "M1075-L", Serial = "ACCC8E0A1B2C" });
        created.Should().BeInPhase(DevicePhase.Off);
        created.Serial.Should().Be("ACCC8E0A1B2C");
        created.Power.On.Should().BeFalse();
        created.Power.Status.Should().Be(PowerStatus.NoPower);
        created.Firmware.NeedsSetup.Should().BeTrue();

        (await Client.GetDevicesAsync()).Should().Contain(d => d.Id == "crud-1");
        (await Client.GetDeviceAsync("crud-1")).Profile.Should().Be("M1075-L");

        var duplicate = (await ((Func<Task>)(() => Client.CreateDeviceAsync(id: "crud-1"))).Should().ThrowAsync<AxisEmulatorApiException>()).Which;
        duplicate.Status.Should().Be(HttpStatusCode.Conflict);
        duplicate.Detail.Should().Contain("already exists");

        await Client.DeleteDeviceAsync("crud-1", deleteState: true);
        var gone = (await ((Func<Task>)(() => Client.GetDeviceAsync("crud-1"))).Should().ThrowAsync<AxisEmulatorApiException>()).Which;
        gone.Status.Should().Be(HttpStatusCode.NotFound);
        gone.KnownIds.Should().NotContain("crud-1");
    }

    [Fact]
    public async Task A_bad_power_source_is_a_400_with_the_field_errors()
    {
        await Client.CreateDeviceAsync(id: "bad-power");

        var error = (await ((Func<Task>)(() => Client.PowerOnAsync("bad-power", new PowerSource(PowerSourceKind.Passive)))).Should().ThrowAsync<AxisEmulatorApiException>()).Which;

        error.Status.Should().Be(HttpStatusCode.BadRequest);
        error.Title.Should().Be("Invalid request");
        error.Errors.Should().ContainKey("$.source.volts");
        error.Message.Should().StartWith("PUT /api/v1/devices/bad-power/power failed: 400 Invalid request: $.source.volts is required");
    }

    [Fact]
    public async Task Power_button_faults_and_the_timeline()
    {
        var camera = await emulator.AddDeviceAsync(id: "inputs", source: PowerSource.Poe(pseClass: 4, cableMeters: 30));
        var state = await camera.GetStateAsync();
        state.Should().BePowered().And.BeInPhase(DevicePhase.Bootloader).And.HavePowerStatus(PowerStatus.Ok);
        state.Power.Source!.Kind.Should().Be(PowerSourceKind.Poe);
        state.Power.Source.CableMeters.Should().Be(30);

        await emulator.AdvanceAsync(TimeSpan.FromMinutes(2));
        var hold = await camera.HoldButtonAsync(TimeSpan.FromSeconds(3));
        hold.Device.Button.Pressed.Should().BeTrue();
        (hold.ReleaseAt - hold.PressedAt).Should().Be(TimeSpan.FromSeconds(3));
        await emulator.AdvanceAsync(TimeSpan.FromSeconds(5));
        (await camera.GetStateAsync()).Button.Pressed.Should().BeFalse("the hold released on the simulation clock");

        (await camera.PressButtonAsync()).Button.Pressed.Should().BeTrue();
        (await camera.ReleaseButtonAsync()).Button.Pressed.Should().BeFalse();

        var bricked = await camera.SetFaultsAsync(new DeviceFaults { Bricked = true });
        bricked.Bricked.Should().BeTrue();
        (await camera.SetButtonAsync(ButtonFault.Stuck)).Should().HaveButton(ButtonCondition.Stuck);

        var buttons = await camera.GetTimelineAsync(kinds: [TimelineKind.Button]);
        buttons.Entries.Should().NotBeEmpty().And.OnlyContain(e => e.Kind == TimelineKind.Button);
        var all = await camera.GetTimelineAsync();
        all.LastSequence.Should().Be(all.Entries[^1].Sequence);
        (await camera.GetTimelineAsync(since: all.LastSequence)).Entries.Should().BeEmpty();
        (await camera.GetRequestsAsync()).Requests.Should().BeEmpty("nobody talked VAPIX to it");

        await camera.PowerOffAsync();
        (await camera.GetStateAsync()).Should().BeInPhase(DevicePhase.Off);
    }

    [Fact]
    public async Task Waiting_for_a_request_that_never_comes_lists_the_journal()
    {
        await Client.CreateDeviceAsync(id: "no-requests");

        var act = () => Client.WaitForRequestAsync("no-requests", r => r.Path == "/x", attempts: 3, interval: TimeSpan.FromMilliseconds(1));

        (await act.Should().ThrowAsync<TimeoutException>()).Which.Message.Should()
            .Be("No request to no-requests matched `r => r.Path == \"/x\"` after 3 reads of its journal; it had: nothing.");
    }

    [Fact]
    public async Task The_clock_reads_advances_and_runs_until_idle()
    {
        var before = await Client.GetClockAsync();
        before.Mode.Should().Be(ClockMode.Manual);
        before.Scale.Should().Be(0);

        var advanced = await Client.AdvanceAsync(TimeSpan.FromSeconds(1.5));
        advanced.AdvancedSeconds.Should().Be(1.5);
        (advanced.Clock.Now - before.Now).Should().Be(TimeSpan.FromSeconds(1.5));

        emulator.Advance(TimeSpan.FromSeconds(1));
        (await Client.GetClockAsync()).Now.Should().Be(advanced.Clock.Now.AddSeconds(1), "the fixture and the API move the same clock");

        await emulator.AddDeviceAsync(id: "idle", powerOn: true);
        var idle = await Client.AdvanceUntilIdleAsync(TimeSpan.FromMinutes(30));
        idle.Idle.Should().BeTrue();
        idle.EventsRun.Should().BePositive();
        (await Client.GetDeviceAsync("idle")).Should().HaveReachedPhase(DevicePhase.Ready).And.HaveStatusLedOff("it dims 10 s after ready");
    }
}
