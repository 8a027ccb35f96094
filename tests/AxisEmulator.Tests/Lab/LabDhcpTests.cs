using System.Diagnostics;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;
using AxisEmulator.Lab;

namespace AxisEmulator.Tests.Lab;

/// <summary>The camera's own DHCP client against dnsmasq, the segment's DHCP server, run by the tool's side (the client namespace).</summary>
public class LabDhcpTests
{
    private const string Reserved = "192.168.0.150";

    [Fact]
    public async Task Dnsmasq_leases_by_MAC_honours_a_reservation_sees_the_hostname_and_vendor_class_and_gets_the_lease_back_on_a_restart()
    {
        await using var lab = LabHarness.Start();
        var camera = lab.AddCamera();
        using var leases = new TempDirectory();
        var leaseFile = Path.Combine(leases.Path, "dnsmasq.leases");
        using var dnsmasq = StartDnsmasq(lab, leaseFile, $"--dhcp-host={LabPort.MacOf(camera.Serial)},{Reserved}");
        var log = new StringWriter();
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        dnsmasq.ErrorDataReceived += (_, e) =>
        {
            lock (log)
            {
                log.WriteLine(e.Data);
            }

            if (e.Data?.Contains($"DHCPRELEASE(eth0) {Reserved} {LabPort.MacOf(camera.Serial)}", StringComparison.Ordinal) == true)
            {
                released.TrySetResult();
            }
        };
        dnsmasq.BeginErrorReadLine();
        try
        {
            var leased = LeaseAnnounced(camera);
            await lab.AdvanceAsync(TimeSpan.FromMinutes(2));
            (await leased.WaitAsync(TimeSpan.FromSeconds(30))).IpAddress.Should().Be(Reserved);
            await lab.Devices.Endpoints!.SettledAsync(camera.Id);

            camera.Addressing.IpAddress.Should().Be(Reserved);
            lab.Devices.Endpoints.EndpointOf(camera.Id).Should().Be(new Uri($"http://{Reserved}/"));
            File.ReadAllText(leaseFile).Should().Contain($"{LabPort.MacOf(camera.Serial)} {Reserved} axis-{camera.Serial.ToLowerInvariant()}");
            Logged(log).Should().Contain("vendor class: AXIS,Dome Camera,P3265-LVE,");
            var answer = await lab.InClientAsync("curl", "-s", "-m", "5", "-d", """{"apiVersion":"1.0","method":"systemready"}""", $"http://{Reserved}/axis-cgi/systemready.cgi");
            answer.Output.Should().Contain("\"systemready\"", answer.ToString());

            // An orderly shutdown gives the lease back (DHCPRELEASE), which dnsmasq drops from its file.
            camera.Restart().Should().BeTrue();
            await lab.AdvanceAsync(TimeSpan.FromSeconds(1));
            await released.Task.WaitAsync(TimeSpan.FromSeconds(30));
            File.ReadAllText(leaseFile).Should().NotContain(LabPort.MacOf(camera.Serial));
        }
        finally
        {
            dnsmasq.Kill();
            await dnsmasq.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task A_leased_address_goes_on_eth0_with_the_mask_the_lease_came_with()
    {
        await using var lab = LabHarness.Start();
        var camera = lab.AddCamera();
        using var leases = new TempDirectory();
        using var dnsmasq = StartDnsmasq(lab, Path.Combine(leases.Path, "dnsmasq.leases"), "--dhcp-option=option:netmask,255.255.252.0", $"--dhcp-host={LabPort.MacOf(camera.Serial)},{Reserved}");
        try
        {
            var leased = lab.Devices.Lab!.FirstLeaseAsync(camera.Id);
            await lab.AdvanceAsync(TimeSpan.FromMinutes(2));
            (await leased.WaitAsync(TimeSpan.FromSeconds(30))).Mask.Should().Be(System.Net.IPAddress.Parse("255.255.252.0"));
            await lab.Devices.Endpoints!.SettledAsync(camera.Id);

            var eth0 = await LabHarness.RunAsync("ip", "-n", lab.Devices.Lab.NamespaceOf(camera.Id)!, "-4", "address", "show", "dev", "eth0");
            eth0.Output.Should().Contain($"inet {Reserved}/22 ", eth0.ToString());
        }
        finally
        {
            dnsmasq.Kill();
            await dnsmasq.WaitForExitAsync();
        }
    }

    private static string Logged(StringWriter log)
    {
        lock (log)
        {
            return log.ToString();
        }
    }

    private static Task<AddressAssigned> LeaseAnnounced(Device camera)
    {
        var leased = new TaskCompletionSource<AddressAssigned>(TaskCreationOptions.RunContinuationsAsynchronously);
        camera.Timeline.Appended += entry =>
        {
            if (entry.Event is AddressAssigned { Origin: AddressOrigin.Dhcp } assigned)
            {
                leased.TrySetResult(assigned);
            }
        };
        return leased.Task;
    }

    /// <summary>dnsmasq as DHCP server only (no DNS), on the client namespace's eth0, logging every exchange to stderr.</summary>
    internal static Process StartDnsmasq(LabHarness lab, string leaseFile, params string[] extra)
    {
        var start = new ProcessStartInfo("ip") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        string[] args = ["netns", "exec", lab.Names.Client, "dnsmasq", "--no-daemon", "--conf-file=/dev/null", "--port=0", "--interface=eth0", "--bind-interfaces",
            "--dhcp-range=192.168.0.100,192.168.0.199,2m", "--dhcp-leasefile=" + leaseFile, "--log-dhcp", "--log-facility=-", .. extra];
        args.ToList().ForEach(start.ArgumentList.Add);
        return Process.Start(start)!;
    }
}
