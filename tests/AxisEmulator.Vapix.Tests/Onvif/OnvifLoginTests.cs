using System.Text.RegularExpressions;
using AxisEmulator.Vapix.Tests.Server;
using static AxisEmulator.Vapix.Tests.Onvif.OnvifMessages;

namespace AxisEmulator.Vapix.Tests.Onvif;

/// <summary>ONVIF login as an Axis device does it: anonymous PRE_AUTH reads, UsernameToken on the device clock with replay protection, HTTP Digest otherwise.</summary>
public sealed partial class OnvifLoginTests
{
    [Fact]
    public async Task The_system_time_is_anonymous_and_reads_the_device_clock()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        camera.SystemTime.Set(new DateTimeOffset(2031, 5, 6, 7, 8, 9, TimeSpan.Zero));
        using var client = new HttpClient { BaseAddress = h.Endpoint(camera) };

        var (status, body, _) = await PostAsync(client, "/onvif/device_service", Envelope(Op("GetSystemDateAndTime")));

        status.Should().Be(200);
        body.Should().Contain("<tt:Year>2031</tt:Year>").And.Contain("<tt:Hour>7</tt:Hour>").And.Contain("<tt:Minute>8</tt:Minute>");
    }

    [Fact]
    public async Task A_token_is_accepted_once_and_its_replay_is_refused()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var client = new HttpClient { BaseAddress = h.Endpoint(camera) };
        var request = Envelope(Op("GetDeviceInformation"), Token("root", "pass", camera.SystemTime.UtcNow));

        var first = await PostAsync(client, "/onvif/device_service", request);
        var replay = await PostAsync(client, "/onvif/device_service", request);

        first.Status.Should().Be(200, first.Body);
        first.Body.Should().Contain("<tds:Manufacturer>AXIS</tds:Manufacturer>").And.Contain("<tds:Model>P3245-LVE</tds:Model>").And.Contain($"<tds:SerialNumber>{camera.Serial}</tds:SerialNumber>");
        replay.Status.Should().Be(400);
        replay.Body.Should().Contain("ter:NotAuthorized");
        camera.Timeline.Since(0).Should().Contain(e => e.Kind == Core.Events.TimelineKind.Http && e.Get<string>("path") == "onvif:GetDeviceInformation" && e.Get<string>("user") == "root");
    }

    [Fact]
    public async Task A_wrong_password_and_no_credentials_are_refused_in_the_cameras_ways()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var client = new HttpClient { BaseAddress = h.Endpoint(camera) };

        var wrong = await PostAsync(client, "/onvif/device_service", Envelope(Op("GetDeviceInformation"), Token("root", "wrong", camera.SystemTime.UtcNow)));
        var none = await PostAsync(client, "/onvif/device_service", Envelope(Op("GetDeviceInformation")));

        wrong.Status.Should().Be(400);
        wrong.Body.Should().Contain("ter:NotAuthorized");
        none.Status.Should().Be(401);
        none.Body.Should().Contain("ter:NotAuthorized");
        none.Response.Headers.WwwAuthenticate.Should().ContainSingle().Which.Parameter.Should().Contain($"realm=\"{camera.Identity.Realm}\"");
    }

    [Fact]
    public async Task A_camera_whose_clock_is_far_off_refuses_fresh_tokens_until_the_tool_uses_its_time()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        var toolNow = camera.SystemTime.UtcNow;
        camera.SystemTime.Set(toolNow + TimeSpan.FromHours(3));
        using var client = new HttpClient { BaseAddress = h.Endpoint(camera) };

        var stale = await PostAsync(client, "/onvif/device_service", Envelope(Op("GetDeviceInformation"), Token("root", "pass", toolNow)));
        var time = await PostAsync(client, "/onvif/device_service", Envelope(Op("GetSystemDateAndTime")));
        var deviceTime = DeviceUtc(time.Body);
        var retried = await PostAsync(client, "/onvif/device_service", Envelope(Op("GetDeviceInformation"), Token("root", "pass", toolNow + (deviceTime - toolNow))));

        stale.Status.Should().Be(400);
        stale.Body.Should().Contain("ter:NotAuthorized");
        (deviceTime - toolNow).Should().BeCloseTo(TimeSpan.FromHours(3), TimeSpan.FromSeconds(2));
        retried.Status.Should().Be(200, retried.Body);
    }

    [Fact]
    public async Task A_viewer_reads_media_but_may_not_reboot()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        ServerHarness.AddUser(camera, "watcher", "look only", Core.Config.UserRole.Viewer);
        using var client = new HttpClient { BaseAddress = h.Endpoint(camera) };

        var profiles = await PostAsync(client, "/onvif/services", Envelope(Op("GetProfiles", "http://www.onvif.org/ver10/media/wsdl"), Token("watcher", "look only", camera.SystemTime.UtcNow)));
        var reboot = await PostAsync(client, "/onvif/device_service", Envelope(Op("SystemReboot"), Token("watcher", "look only", camera.SystemTime.UtcNow)));

        profiles.Status.Should().Be(200, profiles.Body);
        profiles.Body.Should().Contain("<tt:Encoding>H264</tt:Encoding>");
        reboot.Status.Should().Be(400);
        reboot.Body.Should().Contain("ter:NotAuthorized");
        camera.Phase.Should().Be(Core.Devices.DevicePhase.Ready);
    }

    [Fact]
    public async Task A_password_changed_with_pwdgrp_is_the_one_tokens_must_prove()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using (var admin = h.Client(camera))
        {
            (await admin.GetAsync("/axis-cgi/pwdgrp.cgi?action=update&user=root&pwd=fresh")).EnsureSuccessStatusCode();
        }

        using var client = new HttpClient { BaseAddress = h.Endpoint(camera) };
        var old = await PostAsync(client, "/onvif/device_service", Envelope(Op("GetDeviceInformation"), Token("root", "pass", camera.SystemTime.UtcNow)));
        var current = await PostAsync(client, "/onvif/device_service", Envelope(Op("GetDeviceInformation"), Token("root", "fresh", camera.SystemTime.UtcNow)));

        old.Status.Should().Be(400, "the old password no longer proves the account");
        current.Status.Should().Be(200, current.Body);
    }

    private static DateTimeOffset DeviceUtc(string body)
    {
        var utc = body[body.IndexOf("UTCDateTime", StringComparison.Ordinal)..];
        int Part(string name) => int.Parse(Regex.Match(utc, $"<tt:{name}>(\\d+)</tt:{name}>").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        return new DateTimeOffset(Part("Year"), Part("Month"), Part("Day"), Part("Hour"), Part("Minute"), Part("Second"), TimeSpan.Zero);
    }
}
