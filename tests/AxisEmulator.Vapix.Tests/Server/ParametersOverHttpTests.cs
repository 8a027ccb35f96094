using AxisEmulator.Core.Devices;

namespace AxisEmulator.Vapix.Tests.Server;

/// <summary>param.cgi changes end up in the device's stored configuration and survive a reboot; the tree is rebuilt only when something changed.</summary>
public class ParametersOverHttpTests
{
    [Fact]
    public async Task Added_updated_and_removed_groups_are_stored_and_survive_a_restart()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var client = h.Client(camera);

        (await client.GetStringAsync("/axis-cgi/param.cgi?action=add&group=StreamProfile&template=streamprofile&StreamProfile.S.Name=lobby&StreamProfile.S.Parameters=resolution%3D640x480"))
            .Should().Be("S0 OK");
        (await client.GetStringAsync("/axis-cgi/param.cgi?action=add&group=StreamProfile&StreamProfile.S.Name=gate")).Should().Be("S1 OK");
        (await client.GetStringAsync("/axis-cgi/param.cgi?action=update&StreamProfile.S1.Name=gate2&Image.I0.Appearance.Compression=45")).Should().Be("OK");
        (await client.GetStringAsync("/axis-cgi/param.cgi?action=remove&group=StreamProfile.S0")).Should().Be("OK");
        camera.ReadConfig(c => c.RemovedParameters).Should().BeEquivalentTo("StreamProfile.S0.Description", "StreamProfile.S0.Name", "StreamProfile.S0.Parameters");

        await Restart(h, camera, client);

        (await client.GetStringAsync("/axis-cgi/param.cgi?action=list&group=StreamProfile.S0,root.StreamProfile.S1,Image.I0.Appearance.Compression"))
            .Should().Be("# Error: Error -1 getting param in group 'StreamProfile.S0'\nroot.StreamProfile.S1.Name=gate2\nImage.I0.Appearance.Compression=45\n");
        (await client.GetStringAsync("/axis-cgi/param.cgi?action=add&group=StreamProfile&StreamProfile.S.Name=again")).Should().Be("S0 OK", "the freed entry is reused");
        (await client.GetStringAsync("/axis-cgi/param.cgi?action=list&group=StreamProfile.S0")).Should().Be("StreamProfile.S0.Name=again\n");
    }

    [Fact]
    public async Task The_parameter_tree_is_rebuilt_only_when_the_configuration_or_the_network_changes()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var client = h.Client(camera);
        var device = h.Services.DeviceFor(camera);
        await client.GetStringAsync("/axis-cgi/param.cgi?action=list&group=Brand");
        var first = device.View();

        await client.GetStringAsync("/axis-cgi/param.cgi?action=list&group=Network");
        await client.PostAsync("/axis-cgi/systemready.cgi", ServerHarness.Json("""{"apiVersion":"1","method":"systemready"}"""));
        device.View().Should().BeSameAs(first);

        await client.GetStringAsync("/axis-cgi/param.cgi?action=update&Network.SSH.Enabled=yes");
        var afterUpdate = device.View();
        afterUpdate.Should().NotBeSameAs(first);
        afterUpdate.Tree["Network.SSH.Enabled"].Should().Be("yes");

        camera.SetNetworkLink(false);
        camera.SetNetworkLink(true);
        await h.Listeners.SettledAsync(camera.Id);
        device.View().Should().BeSameAs(afterUpdate, "the link came back with the same addresses");
        await Restart(h, camera, client);
        device.View().Tree["Network.SSH.Enabled"].Should().Be("yes");
    }

    private static async Task Restart(ServerHarness h, Device camera, HttpClient client)
    {
        (await client.GetAsync("/axis-cgi/restart.cgi")).EnsureSuccessStatusCode();
        await h.AfterResponseAsync(camera);
        await h.RunUntilIdleAsync(camera);
        camera.Phase.Should().Be(DevicePhase.Ready);
    }
}
