using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Power;
using AxisEmulator.Lab;

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
            var found = await avahi.BrowseAsync(AxisVideo, Lists(first, second));
            ShouldList(found, first);
            ShouldList(found, second);
        }

        second.PowerOff();
        await lab.AdvanceAsync(TimeSpan.FromSeconds(1));
        // A fresh daemon: an old one would still hold the camera in its cache (a power cut sends no goodbye).
        await using var fresh = await AvahiPeer.StartAsync(lab.Names.Client);
        var afterCut = await fresh.BrowseAsync(AxisVideo, Lists(first));
        ShouldList(afterCut, first);
        afterCut.Should().NotContain(s => s.Name.Contains(second.Serial, StringComparison.Ordinal), "a camera without power answers nothing");

        second.PowerOn(DefaultPowerSource.For(second.Profile));
        await lab.AdvanceAsync(TimeSpan.FromMinutes(2));
        ShouldList(await fresh.BrowseAsync(AxisVideo, Lists(second)), second);
    }

    [Fact]
    public async Task A_camera_whose_instance_and_host_names_another_host_already_holds_takes_the_next_ones_after_probing()
    {
        await using var lab = LabHarness.Start();
        var camera = lab.Emulator.AddDevice("P3265-LVE");
        var instance = $"AXIS {camera.Profile.Model} - {camera.Serial}";
        var host = $"axis-{camera.Serial.ToLowerInvariant()}.local";
        await using var avahi = await AvahiPeer.StartAsync(lab.Names.Client);
        // avahi owns both names first (it probed them): the camera's probes get its answers.
        await avahi.StartAsync("Established", "avahi-publish", "-s", instance, AxisVideo, "8080", "macaddress=000000000000");
        await avahi.StartAsync("Established", "avahi-publish", "-a", "-R", host, LabSegment.ClientAddress);

        camera.PowerOn(DefaultPowerSource.For(camera.Profile));
        await lab.AdvanceAsync(TimeSpan.FromMinutes(2));

        var found = await avahi.BrowseAsync(AxisVideo, f => f.Any(s => s.Name == instance + " (2)"));
        var renamed = found.Should().ContainSingle(s => s.Name == instance + " (2)", string.Join(", ", found)).Subject;
        renamed.Host.Should().Be($"axis-{camera.Serial.ToLowerInvariant()}-2.local");
        renamed.TextEntries.Should().Contain("macaddress=" + camera.Serial);
        renamed.Address.Should().BeOneOf(camera.Network.IpAddress, camera.Network.LinkLocalAddress);
        found.Should().NotContain(s => s.Name == instance && s.TextEntries.Contains("macaddress=" + camera.Serial), "the original name stays avahi's");
    }

    [Fact]
    public async Task The_camera_probes_its_names_three_times_250_ms_apart_before_it_announces_them()
    {
        await using var lab = LabHarness.Start();
        using var capture = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("ip")
        {
            ArgumentList = { "netns", "exec", lab.Names.Client, "timeout", "20", "tcpdump", "-l", "-n", "-tt", "-i", "eth0", "-c", "4", "udp", "port", "5353" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        while (await capture.StandardError.ReadLineAsync() is { } line && !line.Contains("listening on", StringComparison.Ordinal))
        {
        }

        var camera = lab.AddCamera();
        await lab.AdvanceAsync(TimeSpan.FromMinutes(2));
        var seen = (await capture.StandardOutput.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        seen.Should().HaveCount(4, string.Join('\n', seen));
        // tcpdump's mDNS: a probe asks "ANY (QU)?" for each name; the announcement is an authoritative answer ("*-").
        var probes = seen[..3];
        probes.Should().AllSatisfy(p => p.Should().Contain($"ANY (QU)? axis-{camera.Serial.ToLowerInvariant()}.local.").And.Contain("ANY (QU)? AXIS"));
        seen[3].Should().Contain("*-").And.Contain("PTR");
        var at = seen.Select(l => double.Parse(l.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        for (var i = 1; i < 4; i++)
        {
            // Late timers on a loaded machine stretch the gaps, never shorten them.
            (at[i] - at[i - 1]).Should().BeInRange(0.24, 2, $"RFC 6762 §8.1: 250 ms between probes, and after the last before announcing ({seen[i]})");
        }
    }

    [Fact]
    public async Task The_web_services_are_published_http_at_80_and_https_at_443_while_HTTPS_is_on()
    {
        await using var lab = LabHarness.Start();
        var camera = lab.AddCamera();
        await lab.AdvanceAsync(TimeSpan.FromMinutes(2));
        var instance = $"AXIS {camera.Profile.Model} - {camera.Serial}";

        await using (var avahi = await AvahiPeer.StartAsync(lab.Names.Client))
        {
            (await avahi.BrowseAsync("_http._tcp")).Should().ContainSingle(s => s.Name == instance).Which.Port.Should().Be(80);
            (await avahi.BrowseAsync("_https._tcp")).Should().ContainSingle(s => s.Name == instance).Which.Port.Should().Be(443);
        }

        camera.UpdateConfig(c => (c with { Parameters = new Dictionary<string, string>(c.Parameters) { ["HTTPS.Enabled"] = "no" } }, 0));
        await using var fresh = await AvahiPeer.StartAsync(lab.Names.Client);
        (await fresh.BrowseAsync("_https._tcp")).Should().BeEmpty("HTTPS is off");
        (await fresh.BrowseAsync("_http._tcp")).Should().ContainSingle(s => s.Name == instance);
    }

    [Fact]
    public async Task A_later_claim_on_the_cameras_instance_name_is_answered_and_avahi_takes_another()
    {
        await using var lab = LabHarness.Start();
        var camera = lab.AddCamera();
        await lab.AdvanceAsync(TimeSpan.FromMinutes(2));
        var instance = $"AXIS {camera.Profile.Model} - {camera.Serial}";
        await using var avahi = await AvahiPeer.StartAsync(lab.Names.Client);
        ShouldList(await avahi.BrowseAsync(AxisVideo, Lists(camera)), camera);

        // avahi probes the name first; the camera's answer makes it pick its own next name (avahi's rule: " #2").
        var established = await avahi.StartAsync("Established", "avahi-publish", "-s", instance, AxisVideo, "8080");

        established.Should().Be($"Established under name '{instance} #2'");
        ShouldList(await avahi.BrowseAsync(AxisVideo), camera);
    }

    /// <summary>A browse result that has all of <paramref name="cameras"/>.</summary>
    internal static Func<IReadOnlyList<AvahiService>, bool> Lists(params Device[] cameras) =>
        found => cameras.All(c => found.Any(s => s.Name == $"AXIS {c.Profile.Model} - {c.Serial}"));

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
