using System.Net;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;
using AxisEmulator.Vapix.Tests.Auth;

namespace AxisEmulator.Vapix.Tests.Server;

/// <summary>
/// Every route against every kind of caller: none, a wrong password, a stale nonce, a replayed nonce
/// count, and a viewer, an operator and an administrator with fresh Digest answers. Authorization
/// headers are built by hand (an independent RFC 2617 client) so stale and replayed answers can be sent.
/// </summary>
public class WhoGetsInTests
{
    internal const string Viewer = "watcher";
    private const string Operator = "runner";
    internal const string Password = "Good morning";

    public enum Caller
    {
        None,
        WrongPassword,
        StaleNonce,
        ReplayedNonceCount,
        Viewer,
        Operator,
        Admin,
    }

    public enum Needs
    {
        Anyone,
        Viewer,
        Operator,
        Admin,
    }

    /// <summary>A representative call per route and what it needs; the destructive ones are harmless until the administrator comes last.</summary>
    public static TheoryData<string, string, string, string?, Needs> Routes => new()
    {
        { "P3245-LVE", "POST", "/axis-cgi/systemready.cgi", """{"apiVersion":"1","method":"systemready"}""", Needs.Anyone },
        { "P3245-LVE", "POST", "/axis-cgi/basicdeviceinfo.cgi", """{"apiVersion":"1.0","method":"getAllUnrestrictedProperties"}""", Needs.Anyone },
        { "P3245-LVE", "POST", "/axis-cgi/basicdeviceinfo.cgi", """{"apiVersion":"1.0","method":"getAllProperties"}""", Needs.Operator },
        { "P3245-LVE", "POST", "/axis-cgi/apidiscovery.cgi", """{"apiVersion":"1.0","method":"getApiList"}""", Needs.Anyone },
        { "P3245-LVE-10.12", "POST", "/axis-cgi/apidiscovery.cgi", """{"apiVersion":"1.0","method":"getApiList"}""", Needs.Viewer },
        { "P3245-LVE", "POST", "/axis-cgi/network_settings.cgi", """{"apiVersion":"1.0","method":"getNetworkInfo"}""", Needs.Viewer },
        { "P3245-LVE", "POST", "/axis-cgi/firmwaremanagement.cgi", """{"apiVersion":"1.0","method":"status"}""", Needs.Admin },
        { "P3245-LVE", "GET", "/axis-cgi/param.cgi?action=list&group=root.Brand", null, Needs.Viewer },
        { "P3245-LVE", "GET", "/axis-cgi/admin/param.cgi?action=list&group=Properties", null, Needs.Viewer },
        { "P3245-LVE", "GET", "/axis-cgi/param.cgi?action=update&Image.I0.Appearance.Compression=40", null, Needs.Operator },
        { "P3245-LVE", "GET", "/axis-cgi/param.cgi?action=update&root.Network.SSH.Enabled=yes", null, Needs.Admin },
        { "P3245-LVE", "GET", "/axis-cgi/pwdgrp.cgi?action=get", null, Needs.Admin },
        { "P3245-LVE", "GET", "/axis-cgi/usergroup.cgi", null, Needs.Viewer },
        { "P3245-LVE", "GET", "/axis-cgi/serverreport.cgi", null, Needs.Admin },
        { "P3245-LVE", "GET", "/axis-cgi/systemlog.cgi", null, Needs.Admin },
        { "P3245-LVE", "GET", "/axis-cgi/admin/systemlog.cgi", null, Needs.Admin },
        { "P3245-LVE", "GET", "/axis-cgi/restart.cgi", null, Needs.Admin },
        { "P3245-LVE", "GET", "/axis-cgi/factorydefault.cgi", null, Needs.Admin },
        { "P3245-LVE", "GET", "/axis-cgi/hardfactorydefault.cgi", null, Needs.Admin },

        // provisioning
        { "P3245-LVE", "POST", "/axis-cgi/network_settings.cgi", """{"apiVersion":"1.0","method":"setHostnameConfiguration","params":{"useDhcpHostname":true}}""", Needs.Admin },
        { "P3245-LVE", "POST", "/axis-cgi/time.cgi", """{"apiVersion":"1.0","method":"getDateTimeInfo"}""", Needs.Viewer },
        { "P3245-LVE", "POST", "/axis-cgi/time.cgi", """{"apiVersion":"1.0","method":"setTimeZone","params":{"timeZone":"Europe/Stockholm"}}""", Needs.Admin },
        { "M1075-L", "GET", "/config/rest/time/v2", null, Needs.Viewer },
        { "P3245-LVE-10.12", "GET", "/axis-cgi/admin/date.cgi?action=get", null, Needs.Admin },
        { "P3245-LVE", "POST", "/axis-cgi/ntp.cgi", """{"apiVersion":"1.0","method":"getNTPInfo"}""", Needs.Viewer },
        { "P3245-LVE", "POST", "/axis-cgi/featureflag.cgi", """{"apiVersion":"1.0","method":"listAll"}""", Needs.Viewer },
        { "M1075-L", "GET", "/config/rest/ssh/v1", null, Needs.Admin },
        { "M1075-L", "GET", "/config/rest/ssh/v2", null, Needs.Admin },
        { "P3245-LVE", "GET", "/axis-cgi/applications/list.cgi", null, Needs.Viewer },
        { "P3245-LVE", "GET", "/axis-cgi/applications/config.cgi?action=get&name=none", null, Needs.Admin },

        // image
        { "P3245-LVE", "GET", "/axis-cgi/jpg/image.cgi?resolution=320x240", null, Needs.Viewer },
        { "P3245-LVE", "GET", "/axis-cgi/mjpg/video.cgi?resolution=320x240&nbrofframes=1", null, Needs.Viewer },
        { "P3245-LVE", "POST", "/vapix/services", """<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope" xmlns:aev="http://www.axis.com/vapix/ws/event1"><soap:Body><aev:GetEventInstances/></soap:Body></soap:Envelope>""", Needs.Viewer },

        // onvif: one row per access class (ONVIF core spec), HTTP Digest as the matrix's callers use it
        { "P3245-LVE", "POST", "/onvif/device_service", Soap("<GetSystemDateAndTime xmlns=\"http://www.onvif.org/ver10/device/wsdl\"/>"), Needs.Anyone },
        { "P3245-LVE", "POST", "/onvif/device_service", Soap("<GetDeviceInformation xmlns=\"http://www.onvif.org/ver10/device/wsdl\"/>"), Needs.Viewer },
        { "P3245-LVE", "POST", "/onvif/services", Soap("<GetProfiles xmlns=\"http://www.onvif.org/ver10/media/wsdl\"/>"), Needs.Viewer },
        { "P3245-LVE", "POST", "/onvif/device_service", Soap("<GetUsers xmlns=\"http://www.onvif.org/ver10/device/wsdl\"/>"), Needs.Admin },
        { "P3245-LVE", "POST", "/onvif/device_service", Soap("<SystemReboot xmlns=\"http://www.onvif.org/ver10/device/wsdl\"/>"), Needs.Admin },

        // events: the event stream's upgrade request, sent here without the WebSocket handshake
        { "P3245-LVE", "GET", "/vapix/ws-data-stream?sources=events", null, Needs.Viewer },

        // params: the role directories of param.cgi, and listdefinitions
        { "P3245-LVE", "GET", "/axis-cgi/view/param.cgi?action=list&group=root.Brand", null, Needs.Viewer },
        { "P3245-LVE", "GET", "/axis-cgi/operator/param.cgi?action=list&group=Brand", null, Needs.Operator },
        { "P3245-LVE", "GET", "/axis-cgi/operator/param.cgi?action=update&Image.I0.Appearance.Compression=40", null, Needs.Operator },
        { "P3245-LVE", "GET", "/axis-cgi/operator/param.cgi?action=update&root.Network.SSH.Enabled=yes", null, Needs.Admin },
        { "P3245-LVE", "GET", "/axis-cgi/param.cgi?action=listdefinitions&listformat=xmlschema&group=HTTPS", null, Needs.Viewer },

        // iostream
        { "P3245-LVE", "POST", "/axis-cgi/io/portmanagement.cgi", """{"apiVersion":"1.0","method":"getPorts"}""", Needs.Viewer },
        { "P3245-LVE", "POST", "/axis-cgi/io/portmanagement.cgi", """{"apiVersion":"1.0","method":"setPorts","params":{"ports":[{"port":"0","name":"Door"}]}}""", Needs.Admin },
        { "P3245-LVE", "POST", "/axis-cgi/streamprofile.cgi", """{"apiVersion":"1.0","method":"list","params":{"streamProfileName":[]}}""", Needs.Viewer },
        { "P3245-LVE", "POST", "/axis-cgi/streamprofile.cgi", """{"apiVersion":"1.0","method":"update","params":{"streamProfile":[{"name":"Quality","description":"x"}]}}""", Needs.Operator },

        // upnp: the device description SSDP points at, anonymous as libupnp serves it
        { "P3245-LVE", "GET", "/rootdesc1.xml", null, Needs.Anyone },
        // vapix2: view areas, lights, MQTT
        { "P3245-LVE", "POST", "/axis-cgi/viewarea/info.cgi", """{"apiVersion":"1.0","method":"list"}""", Needs.Viewer },
        { "P3245-LVE", "POST", "/axis-cgi/viewarea/configure.cgi", """{"apiVersion":"1.0","method":"resetGeometry","params":{"viewArea":{"id":1000001}}}""", Needs.Admin },
        { "P3245-LVE", "POST", "/axis-cgi/lightcontrol.cgi", """{"apiVersion":"1.0","method":"getLightInformation"}""", Needs.Viewer },
        { "P3245-LVE", "POST", "/axis-cgi/lightcontrol.cgi", """{"apiVersion":"1.0","method":"activateLight","params":{"lightID":"led0"}}""", Needs.Operator },
        { "P3245-LVE", "POST", "/axis-cgi/mqtt/client.cgi", """{"apiVersion":"1.0","method":"getClientStatus"}""", Needs.Admin },
        { "P3245-LVE", "POST", "/axis-cgi/mqtt/event.cgi", """{"apiVersion":"1.0","method":"getEventPublicationConfig"}""", Needs.Admin },
        { "P3245-LVE", "GET", "/", null, Needs.Anyone },
        { "P3245-LVE", "GET", "/index.html", null, Needs.Anyone },
        { "P3245-LVE", "GET", "/camera/index.html", null, Needs.Anyone },
    };

    /// <summary>Whether the call takes the device down once granted (it then gets a device of its own).</summary>
    internal static bool Destructive(string target, string? body) =>
        target.Contains("restart", StringComparison.Ordinal) || target.Contains("factorydefault", StringComparison.Ordinal)
        || body?.Contains("SystemReboot", StringComparison.Ordinal) == true || body?.Contains("SetSystemFactoryDefault", StringComparison.Ordinal) == true;

    /// <summary>
    /// What a caller the role lets in gets: 200, except the event stream, which answers a plain GET
    /// (no WebSocket handshake) with Apache's 400 once the credentials pass (EventStreamOverWebSocketTests covers the upgrade).
    /// </summary>
    internal static int GrantedStatus(string call) => call.Contains("ws-data-stream", StringComparison.Ordinal) ? 400 : 200;

    [Fact]
    public void Every_served_route_is_in_the_table()
    {
        var covered = Routes.Select(row => ((string)row[2]).Split('?')[0]).ToHashSet();

        covered.Should().BeEquivalentTo(AxisEmulator.Vapix.Server.VapixRoutes.Paths);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Each_caller_gets_exactly_what_its_role_allows(string profile, string method, string target, string? body, Needs needs)
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync(profile);
        ServerHarness.AddUser(camera, Viewer, Password, UserRole.Viewer);
        ServerHarness.AddUser(camera, Operator, Password, UserRole.Operator);
        using var client = new HttpClient { BaseAddress = h.Endpoint(camera) };
        var json = target.Contains("/axis-cgi/param.cgi", StringComparison.Ordinal) is false && body is not null && !target.StartsWith("/vapix/", StringComparison.Ordinal); // /vapix/: SOAP, Apache's 401

        foreach (var caller in Enum.GetValues<Caller>())
        {
            var authorization = await AuthorizationFor(caller, h, camera, client, method, target);
            using var response = await Send(client, method, target, body, authorization);

            var expected = Allowed(caller, needs) ? (HttpStatusCode)GrantedStatus(target) : HttpStatusCode.Unauthorized;
            response.StatusCode.Should().Be(expected, $"{caller} on {method} {target}");
            if (expected == HttpStatusCode.Unauthorized)
            {
                var challenges = response.Headers.WwwAuthenticate.ToList();
                challenges.Should().ContainSingle().Which.Scheme.Should().Be("Digest");
                challenges[0].Parameter.Should().Contain($"realm=\"{camera.Identity.Realm}\"");
                if (caller == Caller.StaleNonce)
                {
                    challenges[0].Parameter.Should().Contain("stale=true");
                }

                response.Content.Headers.ContentType!.MediaType.Should().Be(target.StartsWith("/onvif/", StringComparison.Ordinal) ? "application/soap+xml" : json ? "application/json" : "text/html");
            }
        }

        if (Destructive(target, body))
        {
            await h.AfterResponseAsync(camera);
            camera.Phase.Should().Be(DevicePhase.ShuttingDown, "only the administrator's call went through, and it did");
        }
    }

    [Fact]
    public async Task The_journal_names_the_user_but_never_the_password()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var client = h.Client(camera);

        (await client.GetAsync("/axis-cgi/pwdgrp.cgi?action=add&user=joe&pwd=SecretWord&grp=users&sgrp=viewer")).EnsureSuccessStatusCode();

        var journal = camera.Timeline.Since(0).Where(e => e.Kind == Core.Events.TimelineKind.Http).ToList();
        journal.Should().Contain(e => e.Get<string>("user") == "root" && e.Get<int>("status") == 200 && e.Get<string>("path") == "/axis-cgi/pwdgrp.cgi");
        journal.Should().Contain(e => e.Get<int>("status") == 401);
        camera.Timeline.Since(0).Should().NotContain(e => e.Message.Contains("SecretWord", StringComparison.Ordinal)
            || (e.Data != null && e.Data.Values.Any(v => v != null && v.ToString()!.Contains("SecretWord", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task Many_digest_clients_in_the_same_simulated_instant_each_get_their_own_nonce()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var client = h.Client(camera);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
            (await client.GetAsync("/axis-cgi/param.cgi?action=list&group=Brand.ProdNbr")).StatusCode));

        statuses.Should().AllBeEquivalentTo(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Basic_is_offered_and_accepted_when_the_policy_says_so()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        ServerHarness.SetParameter(camera, "Network.HTTP.AuthenticationPolicy", "basic");
        using var client = new HttpClient { BaseAddress = h.Endpoint(camera) };

        using var challenge = await client.GetAsync("/axis-cgi/param.cgi?action=list&group=Brand");
        challenge.Headers.WwwAuthenticate.Should().ContainSingle().Which.ToString().Should().Be($"Basic realm=\"{camera.Identity.Realm}\"");

        using var digest = await Send(client, "GET", "/axis-cgi/param.cgi?action=list&group=Brand", null, DigestClient.Answer(DigestChallenge(camera), "root", "pass", "GET", "/axis-cgi/param.cgi?action=list&group=Brand"));
        digest.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the policy offers Basic only");

        using var basic = await Send(client, "GET", "/axis-cgi/param.cgi?action=list&group=Brand", null, DigestClient.Basic("root", "pass"));
        basic.StatusCode.Should().Be(HttpStatusCode.OK);
        (await basic.Content.ReadAsStringAsync()).Should().Contain("Brand.ProdNbr=P3245-LVE");
    }

    [Fact]
    public async Task A_nonce_from_before_a_reboot_is_no_longer_accepted()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var client = new HttpClient { BaseAddress = h.Endpoint(camera) };
        var target = "/axis-cgi/param.cgi?action=list&group=Brand";
        var before = await ChallengeFrom(client);

        camera.Restart().Should().BeTrue();
        await h.RunUntilIdleAsync(camera);

        using var response = await Send(client, "GET", target, null, DigestClient.Answer(before, "root", "pass", "GET", target));
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Single().Parameter.Should().NotContain("stale=true", "the nonce is not one of this boot's");
    }

    private static bool Allowed(Caller caller, Needs needs) => needs == Needs.Anyone || caller switch
    {
        Caller.Admin => true,
        Caller.Operator => needs <= Needs.Operator,
        Caller.Viewer => needs <= Needs.Viewer,
        _ => false,
    };

    private static async Task<string?> AuthorizationFor(Caller caller, ServerHarness h, Device camera, HttpClient client, string method, string target)
    {
        switch (caller)
        {
            case Caller.None:
                return null;
            case Caller.WrongPassword:
                return DigestClient.Answer(await ChallengeFrom(client), "root", "wrong", method, target);
            case Caller.StaleNonce:
                var old = await ChallengeFrom(client);
                await h.AdvanceAsync(camera, TimeSpan.FromSeconds(301));
                return DigestClient.Answer(old, "root", "pass", method, target);
            case Caller.ReplayedNonceCount:
                var challenge = await ChallengeFrom(client);
                const string Harmless = "/axis-cgi/param.cgi?action=list&group=Brand.ProdNbr";
                using (var first = await Send(client, "GET", Harmless, null, DigestClient.Answer(challenge, "root", "pass", "GET", Harmless, nc: 1)))
                {
                    first.StatusCode.Should().Be(HttpStatusCode.OK);
                }

                return DigestClient.Answer(challenge, "root", "pass", method, target, nc: 1);
            case Caller.Viewer:
                return DigestClient.Answer(await ChallengeFrom(client), Viewer, Password, method, target);
            case Caller.Operator:
                return DigestClient.Answer(await ChallengeFrom(client), Operator, Password, method, target);
            default:
                return DigestClient.Answer(await ChallengeFrom(client), "root", "pass", method, target);
        }
    }

    internal static async Task<string> ChallengeFrom(HttpClient client)
    {
        using var response = await client.GetAsync("/axis-cgi/pwdgrp.cgi?action=get");
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        return response.Headers.WwwAuthenticate.Single().ToString();
    }

    /// <summary>A well-formed Digest challenge of the device's realm (the nonce does not matter: Digest is not on offer).</summary>
    private static string DigestChallenge(Device camera) =>
        $"Digest realm=\"{camera.Identity.Realm}\", nonce=\"AAAAAAAAAAA=0000000000000000000000000000000000000000\", algorithm=MD5, qop=\"auth\"";

    internal static async Task<HttpResponseMessage> Send(HttpClient client, string method, string target, string? body, string? authorization)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), target);
        if (body is not null)
        {
            request.Content = ServerHarness.Json(body);
        }

        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization).Should().BeTrue();
        }

        return await client.SendAsync(request);
    }

    private static string Soap(string operation) =>
        $"<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body>{operation}</s:Body></s:Envelope>";
}
