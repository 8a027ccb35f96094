using AxisEmulator.Client;
using AxisEmulator.Contracts;
using AxisEmulator.Testing;

namespace AxisEmulator.Client.Tests.Examples;

/// <summary>
/// Example to copy: watching the emulator's event stream (server-sent events of every timeline entry)
/// while a test drives a device. Open the stream first — it returns once the emulator has subscribed —
/// then act, then read what happened.
/// </summary>
public class EventStreamExample(InProcessEmulatorFixture emulator) : IClassFixture<InProcessEmulatorFixture>
{
    private static readonly TimeSpan WallTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_event_stream_shows_a_camera_booting_to_ready()
    {
        await using var events = await emulator.Client.OpenEventStreamAsync(deviceIds: ["stream-cam"]);

        var camera = await emulator.AddDeviceAsync(id: "stream-cam", powerOn: true);
        emulator.Advance(TimeSpan.FromMinutes(2));

        var boot = await events.ReadUntilAsync(e => e.Event == "system-ready", WallTimeout);
        boot.Should().OnlyContain(e => e.DeviceId == camera.Id);
        boot.Should().ShowPhases("bootloader", "booting", "network-up", "ready");
        boot.Where(e => e.Kind == TimelineKind.Led).Should().NotBeEmpty("every LED change is an event");
        boot[^1].Message.Should().StartWith("system ready after");
    }

    [Fact]
    public async Task The_event_stream_can_be_narrowed_to_some_kinds()
    {
        await using var events = await emulator.Client.OpenEventStreamAsync(deviceIds: ["kinds-cam"], kinds: [TimelineKind.Phase]);

        await emulator.AddDeviceAsync(id: "kinds-cam", powerOn: true);
        emulator.Advance(TimeSpan.FromMinutes(2));

        var phases = await events.ReadUntilAsync(e => e.PhaseEntered == DevicePhase.Ready, WallTimeout);
        phases.Should().OnlyContain(e => e.Kind == TimelineKind.Phase);
        phases.Select(e => e.PhaseEntered).Should().Equal(DevicePhase.Bootloader, DevicePhase.Booting, DevicePhase.NetworkUp, DevicePhase.Ready);
    }
}
