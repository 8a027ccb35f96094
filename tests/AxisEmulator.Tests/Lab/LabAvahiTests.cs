using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Power;

namespace AxisEmulator.Tests.Lab;

/// <summary>The cameras' mDNS/DNS-SD as a real browser sees it: avahi-daemon and avahi-browse in the client namespace.</summary>
public class LabAvahiTests
{
    private const string AxisVideo = "_axis-video._tcp";

    [Fact]
    public async Task Avahi_browse_lists_every_powered_camera_with_its_macaddress_and_address_drops_one_cut_off_and_lists_it_after_boot()
    {
        await using var lab = LabHarness.Start();
        var first = lab.AddCamera();
        var second = lab.AddCamera("P3245-LVE");
        await lab.AdvanceAsync(TimeSpan.FromMinutes(2));

        await using (var avahi = await AvahiPeer.StartAsync(lab.Names.Client))
        {
            var found = await avahi.BrowseAsync(AxisVideo);
            ShouldList(found, first);
            ShouldList(found, second);
        }

        second.PowerOff();
        await lab.AdvanceAsync(TimeSpan.FromSeconds(1));
        // A fresh daemon: an old one would still hold the camera in its cache (a power cut sends no goodbye).
        await using var fresh = await AvahiPeer.StartAsync(lab.Names.Client);
        var afterCut = await fresh.BrowseAsync(AxisVideo);
        ShouldList(afterCut, first);
        afterCut.Should().NotContain(s => s.Name.Contains(second.Serial, StringComparison.Ordinal), "a camera without power answers nothing");

        second.PowerOn(DefaultPowerSource.For(second.Profile));
        await lab.AdvanceAsync(TimeSpan.FromMinutes(2));
        ShouldList(await fresh.BrowseAsync(AxisVideo), second);
    }

    internal static AvahiService ShouldList(IReadOnlyList<AvahiService> found, Device camera)
    {
        var instance = $"AXIS {camera.Profile.Model} - {camera.Serial}";
        found.Should().Contain(s => s.Name == instance, $"avahi-browse should resolve {instance}; it found: {string.Join(", ", found)}");
        var service = found.First(s => s.Name == instance);
        service.TextEntries.Should().Contain("macaddress=" + camera.Serial);
        service.Host.Should().Be($"axis-{camera.Serial.ToLowerInvariant()}.local");
        service.Port.Should().Be(80);
        service.Address.Should().BeOneOf(camera.Network.IpAddress, camera.Network.LinkLocalAddress);
        return service;
    }
}
