using AxisEmulator.Core.Devices;

namespace AxisEmulator.Tests.Lab;

/// <summary>The camera's mDNS/DNS-SD responder, asked by dig (bind9-dnsutils) from the client namespace.</summary>
public class LabMdnsTests
{
    [Fact]
    public async Task Dig_finds_each_powered_camera_under_axis_video_with_its_macaddress_TXT_and_host_and_none_while_it_is_off()
    {
        await using var lab = LabHarness.Start();
        var first = lab.AddCamera();
        var second = lab.AddCamera("P3245-LVE");
        await lab.AdvanceAsync(TimeSpan.FromMinutes(2));

        foreach (var camera in new[] { first, second })
        {
            var browse = await DigAsync(lab, camera, "_axis-video._tcp.local", "PTR");
            var instance = $"AXIS {camera.Profile.Model} - {camera.Serial}._axis-video._tcp.local.";
            browse.Output.Should().Contain($"_axis-video._tcp.local. 10 IN PTR {instance.Replace(" ", "\\032", StringComparison.Ordinal)}", browse.ToString())
                .And.Contain($"\"macaddress={camera.Serial}\"")
                .And.Contain($"0 0 80 axis-{camera.Serial.ToLowerInvariant()}.local.")
                .And.Contain($"axis-{camera.Serial.ToLowerInvariant()}.local. 10 IN A {camera.Network.LinkLocalAddress}");
        }

        var host = await DigAsync(lab, first, $"axis-{first.Serial.ToLowerInvariant()}.local", "A");
        host.Output.Should().Contain("IN A 192.168.0.90").And.Contain($"IN A {first.Network.LinkLocalAddress}");

        var linkLocal = second.Network.LinkLocalAddress!;
        second.PowerOff();
        await lab.AdvanceAsync(TimeSpan.FromSeconds(1));
        var silent = await lab.InClientAsync("dig", "+time=1", "+tries=1", "-p", "5353", "@" + linkLocal, "_axis-video._tcp.local", "PTR");
        silent.ExitCode.Should().Be(9, "a camera without power answers nothing: " + silent);
    }

    private static async Task<PeerResult> DigAsync(LabHarness lab, Device camera, string name, string type)
    {
        var result = await lab.InClientAsync("dig", "+time=2", "+tries=2", "-p", "5353", "@" + camera.Network.LinkLocalAddress, name, type);
        result.ExitCode.Should().Be(0, result.ToString());
        result.Error.Should().BeEmpty();
        result.Output.Should().NotContain("malformed");
        // dig lines up its columns with tabs: one space each, to compare.
        return result with { Output = System.Text.RegularExpressions.Regex.Replace(result.Output, "[ \t]+", " ") };
    }
}
