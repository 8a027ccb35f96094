using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;

namespace AxisEmulator.Tests.Lab;

/// <summary>RFC 5227 on the camera's eth0: conflicts with hosts the emulator does not model, found from real ARP on the segment.</summary>
public class LabArpTests
{
    private const string Fallback = "192.168.0.90";

    [Fact]
    public async Task A_host_already_on_192_168_0_90_answers_the_camera_probe_and_is_reported_as_an_IP_conflict_naming_its_MAC()
    {
        await using var lab = LabHarness.Start();
        await InClientOrFail(lab, "ip", "address", "add", Fallback + "/24", "dev", "eth0");
        var clientMac = await ClientMacAsync(lab);
        var conflict = ConflictReported(lab.Emulator.AddDevice("P3265-LVE"));
        var camera = lab.Emulator.Devices.Single();
        camera.PowerOn(Core.Power.DefaultPowerSource.For(camera.Profile));

        await lab.AdvanceAsync(TimeSpan.FromMinutes(2));

        (await conflict.WaitAsync(TimeSpan.FromSeconds(30))).Should().BeEquivalentTo(new IpConflict(Fallback, 1, [clientMac]));
        camera.Network.Conflicts.Should().Equal(clientMac);
        // As a unit with factory settings does, the camera takes the address all the same.
        (await LabHarness.InNamespaceAsync(lab.Devices.Lab!.NamespaceOf(camera.Id)!, "ip", "-4", "address", "show", "dev", "eth0")).Output.Should().Contain(Fallback + "/24");
    }

    [Fact]
    public async Task A_host_that_takes_the_camera_address_later_is_caught_by_its_gratuitous_ARP_and_a_lone_camera_has_no_conflict()
    {
        await using var lab = LabHarness.Start();
        var camera = lab.AddCamera();
        await lab.AdvanceAsync(TimeSpan.FromMinutes(2));
        camera.Network.IpAddress.Should().Be(Fallback);
        camera.Network.Conflicts.Should().BeEmpty("nobody else answered its probe");
        var conflict = ConflictReported(camera);

        // arping (Habets) -U: an unsolicited ARP from the client claiming the camera's address (no answer expected: it "times out").
        await lab.InClientAsync("arping", "-U", "-S", Fallback, "-c", "1", "-i", "eth0", Fallback);

        (await conflict.WaitAsync(TimeSpan.FromSeconds(30))).Should().BeEquivalentTo(new IpConflict(Fallback, 1, [await ClientMacAsync(lab)]));
    }

    [Fact]
    public async Task The_camera_probes_before_it_takes_an_address_and_announces_it_after()
    {
        await using var lab = LabHarness.Start();
        using var capture = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("ip")
        {
            ArgumentList = { "netns", "exec", lab.Names.Client, "timeout", "20", "tcpdump", "-l", "-n", "-i", "eth0", "-c", "4", "arp", "and", "host", Fallback },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        // tcpdump says on stderr when it is listening.
        while (await capture.StandardError.ReadLineAsync() is { } line && !line.Contains("listening on", StringComparison.Ordinal))
        {
        }

        lab.AddCamera();
        await lab.AdvanceAsync(TimeSpan.FromMinutes(2));

        var seen = await capture.StandardOutput.ReadToEndAsync();

        // RFC 5227: three probes from 0.0.0.0, then announcements with the address as sender.
        seen.Should().Contain($"who-has {Fallback} tell 0.0.0.0").And.Contain($"who-has {Fallback} tell {Fallback}");
        seen.IndexOf("tell 0.0.0.0", StringComparison.Ordinal).Should().BeLessThan(seen.IndexOf($"tell {Fallback}", StringComparison.Ordinal));
    }

    private static Task<IpConflict> ConflictReported(Device camera)
    {
        var reported = new TaskCompletionSource<IpConflict>(TaskCreationOptions.RunContinuationsAsynchronously);
        camera.Timeline.Appended += entry =>
        {
            if (entry.Event is IpConflict conflict)
            {
                reported.TrySetResult(conflict);
            }
        };
        return reported.Task;
    }

    private static async Task<string> ClientMacAsync(LabHarness lab)
    {
        var link = await InClientOrFail(lab, "cat", "/sys/class/net/eth0/address");
        return link.Output.Trim().Replace(":", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
    }

    private static async Task<PeerResult> InClientOrFail(LabHarness lab, params string[] command)
    {
        var result = await lab.InClientAsync(command);
        result.ExitCode.Should().Be(0, result.ToString());
        return result;
    }
}
