using System.Net;
using System.Text;
using System.Text.Json;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;
using AxisEmulator.Vapix.Tests.Auth;

namespace AxisEmulator.Vapix.Tests.Server;

/// <summary>
/// Hostile and broken requests over raw sockets: each gets an answer in the format its layer uses
/// (Apache's page, param.cgi's <c># Error:</c> line, the JSON error envelope), never a 500; the
/// device keeps serving; its stored configuration does not change.
/// </summary>
public class BadInputOverHttpTests
{
    private static readonly JsonSerializerOptions ConfigJson = new() { WriteIndented = false };

    /// <summary>What Apache answers before any CGI: dot segments and merged slashes resolve (then the CGI asks for credentials), the rest never names one.</summary>
    public static TheoryData<string, int, string> PathTricks => new()
    {
        { "/axis-cgi/../axis-cgi/param.cgi?action=list", 401, "<title>401 Unauthorized</title>" },
        { "/axis-cgi/%2e%2e/axis-cgi/param.cgi?action=list", 401, "<title>401 Unauthorized</title>" },
        { "/axis-cgi/./param.cgi?action=list", 401, "<title>401 Unauthorized</title>" },
        { "//axis-cgi/param.cgi?action=list", 401, "<title>401 Unauthorized</title>" },
        { "/axis-cgi//param.cgi?action=list", 401, "<title>401 Unauthorized</title>" },
        { "/../axis-cgi/param.cgi?action=list", 400, "<title>400 Bad Request</title>" },
        { "/axis-cgi/param%zz.cgi", 400, "<title>400 Bad Request</title>" },
        { "/axis-cgi/param.cgi?action=list#top", 400, "<title>400 Bad Request</title>" },
        { "/axis-cgi%2fparam.cgi?action=list", 404, "<title>404 Not Found</title>" },
        { "/axis-cgi%5cparam.cgi?action=list", 404, "<title>404 Not Found</title>" },
        { "/AXIS-CGI/param.cgi?action=list", 404, "<title>404 Not Found</title>" },
        { "/axis-cgi/Param.cgi?action=list", 404, "<title>404 Not Found</title>" },
        { "/axis-cgi/param.cgi/?action=list", 404, "<title>404 Not Found</title>" },
        { "/axis-cgi/param.cgi;jsessionid=1", 404, "<title>404 Not Found</title>" },
        { "/axis-cgi/bitmap/image.bmp", 404, "<title>404 Not Found</title>" },
        { "/index.htm", 404, "<title>404 Not Found</title>" },
        { "/%C3%A9t%C3%A9.cgi", 404, "<title>404 Not Found</title>" },
        { "/axis-cgi/%ff%fe.cgi", 404, "<title>404 Not Found</title>" },
    };

    [Theory]
    [MemberData(nameof(PathTricks))]
    public async Task Path_tricks_get_what_apache_answers(string target, int status, string page)
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        var before = Stored(camera);

        var response = await h.RawAsync(camera, $"GET {target} HTTP/1.1");

        response.Status.Should().Be(status);
        response.ContentType.Should().Be("text/html; charset=iso-8859-1");
        response.Body.Should().Contain(page);
        await ShouldStillServe(h, camera);
        Stored(camera).Should().Be(before);
    }

    /// <summary>
    /// Targets Kestrel refuses itself, before the device's code sees them: a bare status, no Apache
    /// page, no journal entry. Each row names what the device's Apache answers instead.
    /// </summary>
    public static TheoryData<string, int, string> KestrelAnswersFirst => new()
    {
        { "/axis-cgi/param.cgi%00?action=list", 400, "Apache: 404, an encoded NUL being ap_unescape_url's badpath" },
        { "/axis-cgi/param%00.cgi", 400, "Apache: 404 (badpath)" },
        { "/axis-cgi/\u00e9.cgi", 400, "Apache: 404, a raw byte above 0x7F being no control character (no such CGI)" },
        { "/axis-cgi/param.cgi?group=\u00e9", 400, "Apache: hands it to the CGI" },
        { "http://example.com/axis-cgi/param.cgi?action=list", 400, "Apache: 401 from param.cgi, the absolute form's host overriding Host" },
        { "axis-cgi/param.cgi", 400, "Apache: 400 as well, with its page" },
        { "*", 405, "Apache: its own page" },
    };

    [Theory]
    [MemberData(nameof(KestrelAnswersFirst))]
    public async Task Targets_kestrel_refuses_first_get_its_bare_answer_never_a_500(string target, int status, string apache)
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();

        var response = await h.RawAsync(camera, $"GET {target} HTTP/1.1");

        response.Status.Should().Be(status, apache);
        response.Headers.Should().NotContainKey("server", $"Kestrel answered, not the device's Apache ({apache})");
        response.Body.Should().BeEmpty();
        camera.Timeline.Since(0).Should().NotContain(e => e.Kind == Core.Events.TimelineKind.Http, "no device code ran");
        await ShouldStillServe(h, camera);
    }

    [Fact]
    public async Task Methods_a_cgi_does_not_take_get_405_and_json_cgis_refuse_get_in_json()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();

        foreach (var method in new[] { "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND" })
        {
            var response = await h.RawAsync(camera, $"{method} /axis-cgi/param.cgi?action=list HTTP/1.1");
            response.Status.Should().Be(405, method);
            response.Headers["allow"].Should().Be("GET,HEAD,POST");
            response.Body.Should().Contain($"The requested method {method} is not allowed for this URL.");
        }

        var get = await h.RawAsync(camera, "GET /axis-cgi/systemready.cgi HTTP/1.1");
        get.Status.Should().Be(200);
        get.Body.Should().Be("""{"apiVersion": "1.4", "error": {"code": 2002, "message": "HTTP request types are not supported. Only POST is supported."}}""");

        var head = await h.RawAsync(camera, "HEAD /axis-cgi/param.cgi?action=list&group=Brand HTTP/1.1\r\n" + await Digest(h, camera, "HEAD", "/axis-cgi/param.cgi?action=list&group=Brand"));
        head.Status.Should().Be(200);
        head.Body.Should().BeEmpty();
    }

    [Fact]
    public async Task Malformed_repeated_empty_and_oversized_arguments_get_param_cgi_errors()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var client = h.Client(camera);
        var before = Stored(camera);

        (await client.GetStringAsync("/axis-cgi/param.cgi?action=list&group=%zz&&=&group=")).Should().Be("# Error: Error -1 getting param in group '%zz'\n");
        (await client.GetStringAsync("/axis-cgi/param.cgi?action=list&action=update&group=Brand.ProdNbr")).Should().Be("Brand.ProdNbr=P3245-LVE\n", "the first of repeated arguments counts");
        (await client.GetStringAsync("/axis-cgi/param.cgi?action=")).Should().Be("# Request failed: Invalid action ''\n");
        (await client.GetStringAsync("/axis-cgi/param.cgi")).Should().StartWith("# Request failed:");
        (await client.GetStringAsync("/axis-cgi/param.cgi?action=update&Network.IPAddress=300.1.2.3")).Should().Be("# Error: Error setting 'Network.IPAddress' to '300.1.2.3'!\n");
        (await client.GetStringAsync("/axis-cgi/param.cgi?action=update&Network.SubnetMask=255.0.255.0&Network.BootProto=maybe"))
            .Should().Be("# Error: Error setting 'Network.SubnetMask' to '255.0.255.0'!\n# Error: Error setting 'Network.BootProto' to 'maybe'!\n");
        (await client.GetStringAsync("/axis-cgi/param.cgi?action=update&Brand.ProdNbr=X&No.Such.Param=1"))
            .Should().Be("# Error: Error setting 'Brand.ProdNbr' to 'X'!\n# Error: Error setting 'No.Such.Param' to '1'!\n");
        (await client.GetStringAsync("/axis-cgi/param.cgi?action=update&Image.I0.Name=a%0Db")).Should().StartWith("# Error: Error setting 'Image.I0.Name'");
        (await client.GetStringAsync("/axis-cgi/param.cgi?action=remove&group=root")).Should().StartWith("# Request failed:");

        var longValue = new string('x', 100 * 1024);
        using (var longQuery = await client.GetAsync($"/axis-cgi/param.cgi?action=update&Image.I0.Name={longValue}"))
        {
            longQuery.StatusCode.Should().Be(HttpStatusCode.RequestUriTooLong, "the request line is longer than the server takes (Apache: LimitRequestLine)");
        }

        using (var longBody = await client.PostAsync("/axis-cgi/param.cgi", new StringContent($"action=update&Image.I0.Name={longValue}", Encoding.ASCII, "application/x-www-form-urlencoded")))
        {
            longBody.StatusCode.Should().Be(HttpStatusCode.OK);
            (await longBody.Content.ReadAsStringAsync()).Should().StartWith("# Error: Error setting 'Image.I0.Name' to 'xxxx").And.EndWith("'!\n");
        }

        var huge = Encoding.ASCII.GetBytes("action=update&Image.I0.Name=" + new string('y', 10 * 1024 * 1024));
        var tooLarge = await h.RawAsync(camera, "POST /axis-cgi/param.cgi HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n" + await Digest(h, camera, "POST", "/axis-cgi/param.cgi"), huge);
        tooLarge.Status.Should().Be(413);
        tooLarge.Body.Should().Contain("<title>413 Request Entity Too Large</title>");

        Stored(camera).Should().Be(before);
        await ShouldStillServe(h, camera);
    }

    [Fact]
    public async Task Broken_authorization_headers_get_a_fresh_challenge_or_a_400()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        var before = Stored(camera);
        const string Target = "/axis-cgi/param.cgi?action=list&group=Brand";

        foreach (var header in new[]
        {
            "garbage",
            "Digest",
            "Digest username=",
            "Digest username=\"root\", realm=\"" + camera.Identity.Realm + "\"",
            "Digest username=\"root\", realm=\"" + camera.Identity.Realm + "\", nonce=\"abc\", uri=\"" + Target + "\", response=\"0\"",
            "Digest username=\"root\", realm=\"" + camera.Identity.Realm + "\", nonce=\"" + new string('=', 52) + "\", uri=\"" + Target + "\", response=\"00000000000000000000000000000000\", qop=auth, nc=zz, cnonce=\"\"",
            "Digest username=\"root\", realm=\"other\", nonce=\"x\", uri=\"x\", response=\"x\", algorithm=SHA-256",
            "Digest \"unterminated, username=\"root",
            "Basic " + Convert.ToBase64String("root:pass"u8),
            "Basic !!!not-base64!!!",
            "Bearer abc.def.ghi",
            "Digest username=\"" + new string('a', 6000) + "\"",
        })
        {
            var response = await h.RawAsync(camera, $"GET {Target} HTTP/1.1\r\nAuthorization: {header}");
            response.Status.Should().Be(401, header.Length > 80 ? header[..80] : header);
            response.Headers["www-authenticate"].Should().StartWith("Digest realm=\"" + camera.Identity.Realm + "\", nonce=\"");
            response.Body.Should().Contain("<title>401 Unauthorized</title>");
        }

        var wrongUri = await h.RawAsync(camera, $"GET {Target} HTTP/1.1\r\n" + await Digest(h, camera, "GET", "/axis-cgi/param.cgi?action=list&group=Other"));
        wrongUri.Status.Should().Be(400, "Apache refuses a Digest uri that is not the request's");

        var hugeHeader = await h.RawAsync(camera, $"GET {Target} HTTP/1.1\r\nAuthorization: Digest username=\"{new string('b', 64 * 1024)}\"");
        hugeHeader.Status.Should().Be(431, "the server refuses headers beyond its limit (Apache: LimitRequestFieldSize)");

        Stored(camera).Should().Be(before);
        await ShouldStillServe(h, camera);
    }

    [Fact]
    public async Task Invalid_json_and_wrong_api_versions_get_each_cgis_json_error()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var client = h.Client(camera);
        var before = Stored(camera);

        async Task<string> Post(string target, string body)
        {
            using var response = await client.PostAsync(target, new StringContent(body, Encoding.UTF8, "application/json"));
            response.StatusCode.Should().Be(HttpStatusCode.OK, $"{target} {body}");
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
            return await response.Content.ReadAsStringAsync();
        }

        (await Post("/axis-cgi/basicdeviceinfo.cgi", "{not json")).Should().Be("""{"apiVersion": "1.3", "error": {"code": 4000, "message": "JSON syntax error"}}""" + "\n");
        (await Post("/axis-cgi/basicdeviceinfo.cgi", "[1,2,3]")).Should().Contain("\"code\": 4000");
        (await Post("/axis-cgi/basicdeviceinfo.cgi", "")).Should().Contain("\"code\": 4000");
        (await Post("/axis-cgi/basicdeviceinfo.cgi", """{"apiVersion":"9.0","method":"getAllProperties"}""")).Should().Contain("\"code\": 2003");
        (await Post("/axis-cgi/basicdeviceinfo.cgi", """{"apiVersion":"one","method":"getAllProperties"}""")).Should().Contain("\"code\": 2003");
        (await Post("/axis-cgi/basicdeviceinfo.cgi", """{"apiVersion":"1.0"}""")).Should().Contain("\"code\": 4002");
        (await Post("/axis-cgi/basicdeviceinfo.cgi", """{"apiVersion":"1.0","method":"getProperties","params":{"propertyList":["Nope"]}}""")).Should().Contain("\"code\": 1000");
        (await Post("/axis-cgi/apidiscovery.cgi", """{"apiVersion":"1.0","method":"getEverything"}""")).Should().Contain("\"code\": 2004");
        (await Post("/axis-cgi/systemready.cgi", """{"apiVersion":"2","method":"systemready"}""")).Should().Contain("\"code\": 2003");
        (await Post("/axis-cgi/systemready.cgi", """{"apiVersion":"1","method":"systemready","params":{"timeout":"soon"}}""")).Should().Contain("\"systemready\": \"yes\"");
        (await Post("/axis-cgi/network_settings.cgi", """{"apiVersion":"1.99","method":"getNetworkInfo"}""")).Should().Contain("\"code\": 4001");
        (await Post("/axis-cgi/network_settings.cgi", """{"apiVersion":"1.0","method":"setIPv9AddressConfiguration"}""")).Should().Contain("\"code\": 4000");
        (await Post("/axis-cgi/network_settings.cgi", """{"apiVersion":"1.0","method":"setIPv4AddressConfiguration"}""")).Should().Contain("\"message\": \"Missing parameter: 'deviceName'\"");
        (await Post("/axis-cgi/firmwaremanagement.cgi", "{\"apiVersion\":")).Should().Contain("\"code\": 400");
        (await Post("/axis-cgi/firmwaremanagement.cgi", """{"apiVersion":"2.0","method":"status"}""")).Should().Contain("\"code\": 417");
        (await Post("/axis-cgi/firmwaremanagement.cgi", """{"apiVersion":"1.0","method":"factoryDefault","params":{"factoryDefaultMode":"sot"}}""")).Should().Contain("\"data\": {}");
        await h.AfterResponseAsync(camera);
        camera.Timeline.Since(0).Should().Contain(e => e.Event is FactoryResetStarted && e.Get<string>("mode") == "soft", "a misspelt mode is soft, the documented default");
        before.Should().NotBe(Stored(camera), "the one valid call of the batch did reset the device");
    }

    [Fact]
    public async Task Nothing_of_it_answers_500_and_the_config_survives_a_burst_of_garbage()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        ServerHarness.SetParameter(camera, "Network.SSH.Enabled", "yes");
        var before = Stored(camera);
        var random = new Random(42);
        var routes = AxisEmulator.Vapix.Server.VapixRoutes.Paths.Where(p => !p.Contains("restart", StringComparison.Ordinal) && !p.Contains("factory", StringComparison.Ordinal) && !p.Contains("firmware", StringComparison.Ordinal)
            && !p.Contains("mjpg", StringComparison.Ordinal)).ToList(); // a valid MJPEG request streams until time moves: MjpegCgiTests covers its bad input

        for (var i = 0; i < 60; i++)
        {
            var route = routes[random.Next(routes.Count)];
            var junk = new byte[random.Next(0, 2048)];
            random.NextBytes(junk);
            var query = Uri.EscapeDataString(Encoding.Latin1.GetString(junk[..Math.Min(junk.Length, 200)]));
            var response = await h.RawAsync(
                camera,
                $"POST {route}?{query} HTTP/1.1\r\nContent-Type: {(i % 2 == 0 ? "application/json" : "text/plain")}\r\n" + await Digest(h, camera, "POST", $"{route}?{query}"),
                junk);
            response.Status.Should().BeOneOf([200, 400, 401, 404, 405, 413], route); // 405: a REST API refusing POST on a read-only resource
        }

        Stored(camera).Should().Be(before);
        await ShouldStillServe(h, camera);
        camera.Timeline.Since(0).Where(e => e.Kind == TimelineKind.Http).Should().NotContain(e => e.Get<int>("status") >= 500);
    }

    private static string Stored(Device camera) => camera.ReadConfig(c => JsonSerializer.Serialize(c, ConfigJson));

    /// <summary>An Authorization header line answering a fresh challenge of the device, as the administrator.</summary>
    private static async Task<string> Digest(ServerHarness h, Device camera, string method, string uri)
    {
        var challenge = (await h.RawAsync(camera, "GET /axis-cgi/pwdgrp.cgi?action=get HTTP/1.1")).Headers["www-authenticate"];
        return "Authorization: " + DigestClient.Answer(challenge, ServerHarness.AdminUser, ServerHarness.AdminPassword, method, uri);
    }

    private static async Task ShouldStillServe(ServerHarness h, Device camera)
    {
        camera.Phase.Should().Be(DevicePhase.Ready);
        using var client = h.Client(camera, user: null);
        using var response = await client.PostAsync("/axis-cgi/systemready.cgi", ServerHarness.Json("""{"apiVersion":"1","method":"systemready"}"""));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"systemready\": \"yes\"");
    }
}
