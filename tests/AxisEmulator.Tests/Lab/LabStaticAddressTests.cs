namespace AxisEmulator.Tests.Lab;

/// <summary>A static address set with param.cgi over the segment is put on the camera's eth0, and VAPIX follows it.</summary>
public class LabStaticAddressTests
{
    private const string Static = "192.168.0.42";

    [Fact]
    public async Task Param_cgi_BootProto_none_with_an_address_moves_the_camera_there_after_its_restart_and_the_fallback_is_gone()
    {
        await using var lab = LabHarness.Start();
        var camera = lab.AddCamera();
        await lab.AdvanceAsync(TimeSpan.FromMinutes(2));
        await Curl(lab, "http://192.168.0.90/axis-cgi/pwdgrp.cgi?action=add&user=root&pwd=secret&grp=root&sgrp=admin:operator:viewer:ptz");

        var update = await Curl(lab, "--digest", "-u", "root:secret",
            $"http://192.168.0.90/axis-cgi/param.cgi?action=update&Network.BootProto=none&Network.IPAddress={Static}&Network.SubnetMask=255.255.255.0");
        update.Output.Trim().Should().Be("OK");
        camera.Restart().Should().BeTrue();
        await lab.AdvanceAsync(TimeSpan.FromMinutes(2));

        var addresses = await LabHarness.InNamespaceAsync(lab.Devices.Lab!.NamespaceOf(camera.Id)!, "ip", "-4", "address", "show", "dev", "eth0");
        addresses.Output.Should().Contain(Static + "/24").And.NotContain("192.168.0.90");
        var ready = await Curl(lab, "-d", """{"apiVersion":"1.0","method":"systemready"}""", $"http://{Static}/axis-cgi/systemready.cgi");
        ready.Output.Should().Contain("\"systemready\"");
        (await lab.InClientAsync("curl", "-s", "-m", "2", "http://192.168.0.90/")).ExitCode.Should().NotBe(0, "nobody has the fallback any more");
    }

    private static async Task<PeerResult> Curl(LabHarness lab, params string[] args)
    {
        var result = await lab.InClientAsync(["curl", "-s", "-f", "-m", "5", .. args]);
        result.ExitCode.Should().Be(0, result.ToString());
        return result;
    }
}
