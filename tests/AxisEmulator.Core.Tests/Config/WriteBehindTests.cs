using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Tests.Support;

namespace AxisEmulator.Core.Tests.Config;

/// <summary>
/// A device's configuration is written behind its back by its own writer: never under the gate,
/// a burst costs the write in progress and one more, one device's slow disk never holds up
/// another, and a flush says when a change is on disk.
/// </summary>
public class WriteBehindTests
{
    [Fact]
    public async Task A_burst_of_updates_coalesces_and_the_last_one_wins()
    {
        var store = new RecordingStateStore();
        var writer = new DeviceConfigWriter("dev", store);
        store.Hold("dev");
        writer.Submit(Version(0));
        await store.HeldSaveStarted("dev");

        for (var i = 1; i <= 50; i++)
        {
            writer.Submit(Version(i));
        }

        var flushed = writer.FlushAsync();
        flushed.IsCompleted.Should().BeFalse("the first write is still on its way");
        store.Release("dev");
        await flushed;

        store.SavedFor("dev").Select(c => c.Firmware.ActiveVersion).Should().Equal(["11.11.0", "11.11.50"], "the write in progress, then only the newest");
        store.Load("dev")!.Firmware.ActiveVersion.Should().Be("11.11.50");
    }

    [Fact]
    public async Task A_device_changes_its_configuration_while_its_disk_is_busy_and_the_flush_waits_for_the_newest()
    {
        var store = new RecordingStateStore();
        using var h = new DeviceHarness(store: store);
        await SetWhileTheDiskHoldsAsync(store, h.Camera, "0");

        for (var i = 1; i <= 20; i++)
        {
            SetParameter(h.Camera, i.ToString(System.Globalization.CultureInfo.InvariantCulture)); // returns: no disk under the gate
        }

        h.Camera.Config.Parameters["Test.Value"].Should().Be("20", "the device has the change at once");
        var flushed = h.Camera.FlushConfigAsync();
        flushed.IsCompleted.Should().BeFalse();
        store.Release("cam1");
        await flushed;

        store.SavedFor("cam1").Select(c => c.Parameters.GetValueOrDefault("Test.Value")).Should().Equal([null, "0", "20"], "the factory configuration at creation, the write that was held, the newest");
    }

    [Fact]
    public async Task A_blocked_writer_for_one_device_does_not_hold_up_another_devices_save()
    {
        var store = new RecordingStateStore();
        using var a = new DeviceHarness(store: store, id: "cam-a");
        using var b = new DeviceHarness(store: store, id: "cam-b");
        await SetWhileTheDiskHoldsAsync(store, a.Camera, "a");

        SetParameter(b.Camera, "b");
        await b.Camera.FlushConfigAsync().WaitAsync(TimeSpan.FromSeconds(30));

        store.Load("cam-b")!.Parameters["Test.Value"].Should().Be("b");
        a.Camera.FlushConfigAsync().IsCompleted.Should().BeFalse("cam-a's disk is still busy");
        store.Release("cam-a");
        await a.Camera.FlushConfigAsync();
        store.Load("cam-a")!.Parameters["Test.Value"].Should().Be("a");
    }

    [Fact]
    public async Task A_failed_write_fails_the_flush_and_the_next_flush_tries_again()
    {
        var store = new RecordingStateStore();
        using var h = new DeviceHarness(store: store);
        await SetWhileTheDiskHoldsAsync(store, h.Camera, "x");
        store.FailNext();
        var first = h.Camera.FlushConfigAsync();
        store.Release("cam1");

        await first.Invoking(t => t).Should().ThrowAsync<IOException>().WithMessage("No space left on device");
        store.Load("cam1")!.Parameters.Should().NotContainKey("Test.Value");
        await h.Camera.FlushConfigAsync();

        store.Load("cam1")!.Parameters["Test.Value"].Should().Be("x");
    }

    [Fact]
    public async Task A_flush_with_nothing_changed_is_already_done()
    {
        var store = new RecordingStateStore();
        using var h = new DeviceHarness(store: store);
        h.Camera.FlushConfigAsync().IsCompletedSuccessfully.Should().BeTrue("the factory configuration was stored when the device was made");
        h.BootToReady();
        await h.Camera.FlushConfigAsync();
        h.Camera.ConfigChanges.Should().Be(0, "a boot changes no configuration");
    }

    private static DeviceConfig Version(int i) => DeviceConfig.Factory("ACCC8E000001", $"11.11.{i}");

    /// <summary>Holds the device's saves, changes the parameter and returns once the save of that change is held.</summary>
    private static async Task SetWhileTheDiskHoldsAsync(RecordingStateStore store, Device camera, string value)
    {
        store.Hold(camera.Id);
        SetParameter(camera, value);
        await store.HeldSaveStarted(camera.Id);
    }

    private static void SetParameter(Device camera, string value) =>
        camera.UpdateConfig(c => (c with { Parameters = new Dictionary<string, string>(c.Parameters) { ["Test.Value"] = value } }, 0), "test parameter");
}
