using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;

namespace AxisEmulator.Vapix.Tests.Server;

/// <summary>
/// An answer that says a change was made goes out only once the change is on disk; the disk is
/// written behind the device's back, never under its gate.
/// </summary>
public class DurableAnswersOverHttpTests
{
    [Theory]
    [InlineData("/axis-cgi/param.cgi?action=update&Network.SSH.Enabled=yes", "OK")]
    [InlineData("/axis-cgi/pwdgrp.cgi?action=add&user=oper&pwd=secret1&grp=users&sgrp=operator:viewer", "Created account oper.")]
    public async Task An_acknowledged_write_is_answered_only_after_the_store_has_it(string target, string answer)
    {
        var (h, camera, store) = await ReadyDeviceWhoseSavesWaitAsync();
        await using var harness = h;
        using var client = h.Client(camera);

        var response = client.GetStringAsync(target);
        await store.SaveStarted.WaitAsync(TimeSpan.FromSeconds(30));
        (await Task.WhenAny(response, Task.Delay(TimeSpan.FromMilliseconds(250)))).Should().NotBeSameAs(response, "the answer waits for the disk");
        camera.Phase.Should().Be(DevicePhase.Ready, "the device's gate is free while its disk is busy");
        store.Release();

        (await response).Should().Contain(answer);
        store.Load(camera.Id).Should().BeSameAs(camera.Config, "the store has what the answer acknowledged");
    }

    [Fact]
    public async Task A_factory_default_is_answered_first_and_on_disk_before_its_deferred_action_counts_as_done()
    {
        var (h, camera, store) = await ReadyDeviceWhoseSavesWaitAsync();
        await using var harness = h;
        using var client = h.Client(camera);

        (await client.GetStringAsync("/axis-cgi/factorydefault.cgi")).Should().Contain("factoryMessage.shtml", "the device answers, then erases");
        await store.SaveStarted.WaitAsync(TimeSpan.FromSeconds(30));
        var done = h.Services.DeviceFor(camera).DeferredActionsDone;
        (await Task.WhenAny(done, Task.Delay(TimeSpan.FromMilliseconds(250)))).Should().NotBeSameAs(done, "the erased configuration is not on disk yet");
        store.Release();

        await done.WaitAsync(TimeSpan.FromSeconds(30));
        store.Load(camera.Id)!.NeedsSetup.Should().BeTrue("the users are gone on disk too");
    }

    [Fact]
    public async Task Every_acknowledged_write_is_in_the_state_directory_at_once_and_after_a_restart()
    {
        var directory = Path.Combine(Path.GetTempPath(), "axis-emulator-tests", Guid.NewGuid().ToString("N"));
        try
        {
            string id, serial;
            await using (var first = new ServerHarness(store: new FileDeviceStateStore(directory)))
            {
                var camera = await first.ReadyDeviceAsync();
                (id, serial) = (camera.Id, camera.Serial);
                using var client = first.Client(camera);
                (await client.GetStringAsync("/axis-cgi/param.cgi?action=update&Network.SSH.Enabled=yes")).Should().Be("OK");
                (await client.GetStringAsync("/axis-cgi/pwdgrp.cgi?action=add&user=oper&pwd=secret1&grp=users&sgrp=operator:viewer")).Should().Contain("Created account oper.");

                // Read as a crash would leave it: the emulator is still running, nothing was flushed on the way out.
                ShouldHoldBothWrites(new FileDeviceStateStore(directory).Load(id)!);
            }

            await using var second = new ServerHarness(store: new FileDeviceStateStore(directory));
            ShouldHoldBothWrites(second.Add("P3245-LVE", serial, id).Config);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>A ready device with an administrator, all its saves done; from now on each save waits for the test.</summary>
    private static async Task<(ServerHarness Harness, Device Device, HoldingStore Store)> ReadyDeviceWhoseSavesWaitAsync()
    {
        var store = new HoldingStore();
        var h = new ServerHarness(store: store);
        var camera = await h.ReadyDeviceAsync();
        await camera.FlushConfigAsync();
        store.HoldSaves();
        return (h, camera, store);
    }

    private static void ShouldHoldBothWrites(DeviceConfig config)
    {
        config.Parameters.Should().Contain("Network.SSH.Enabled", "yes");
        config.Users.Select(u => u.Name).Should().Contain(["root", "oper"]);
    }

    /// <summary>In memory; once told to, every save waits until <see cref="Release"/>.</summary>
    private sealed class HoldingStore : IDeviceStateStore
    {
        private readonly InMemoryDeviceStateStore _inner = new();
        private readonly ManualResetEventSlim _released = new(true);
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task SaveStarted => _started.Task;

        public void HoldSaves() => _released.Reset();

        public void Release() => _released.Set();

        public DeviceConfig? Load(string deviceId) => _inner.Load(deviceId);

        public void Save(string deviceId, DeviceConfig config)
        {
            if (!_released.IsSet)
            {
                _started.TrySetResult();
                _released.Wait(TimeSpan.FromSeconds(30)).Should().BeTrue("the test releases the saves it holds");
            }

            _inner.Save(deviceId, config);
        }

        public void Delete(string deviceId) => _inner.Delete(deviceId);
    }
}
