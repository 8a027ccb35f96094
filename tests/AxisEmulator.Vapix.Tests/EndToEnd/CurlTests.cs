using System.Text.Json.Nodes;
using AxisEmulator.Core.Devices;
using AxisEmulator.Vapix.Server;
using AxisEmulator.Vapix.Tests.Server;

namespace AxisEmulator.Vapix.Tests.EndToEnd;

/// <summary>
/// Debian's curl against a device listener, the way Axis documentation and field scripts use it
/// (<c>--digest</c>, <c>--anyauth</c>), with simulated time advanced between calls.
/// </summary>
public class CurlTests
{
    public CurlTests() => ExternalTool.RequireCurl();

    [Fact]
    public async Task First_admin_creation_then_parameter_list_and_update()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync(withAdmin: false);
        var url = h.Endpoint(camera).ToString().TrimEnd('/');

        var created = await Curl($"{url}/axis-cgi/pwdgrp.cgi?action=add&user=root&pwd=pass&grp=root&sgrp=admin:operator:viewer:ptz");
        created.Status.Should().Be(200, created.Raw.ToString());
        created.Body.Should().Contain("Created account root.");

        var brand = await Curl("--digest", "-u", "root:pass", $"{url}/axis-cgi/param.cgi?action=list&group=root.Brand");
        brand.Status.Should().Be(200, brand.Raw.ToString());
        brand.ContentType.Should().StartWith("text/plain");
        brand.Body.Should().Contain("root.Brand.ProdNbr=P3245-LVE\n").And.Contain("root.Brand.ProdFullName=AXIS P3245-LVE Network Camera\n");

        var update = await Curl("--anyauth", "-u", "root:pass", $"{url}/axis-cgi/param.cgi?action=update&root.Network.SSH.Enabled=yes");
        update.Status.Should().Be(200, update.Raw.ToString());
        update.Body.Should().Be("OK");

        var posted = await Curl("--digest", "-u", "root:pass", "--data", "action=list&group=root.Network.SSH.Enabled", $"{url}/axis-cgi/param.cgi");
        posted.Body.Should().Be("root.Network.SSH.Enabled=yes\n");
        camera.ReadConfig(c => c.Parameters["Network.SSH.Enabled"]).Should().Be("yes");

        var wrong = await Curl("--digest", "-u", "root:nope", $"{url}/axis-cgi/param.cgi?action=list&group=root.Brand");
        wrong.Status.Should().Be(401);
    }

    [Fact]
    public async Task An_endpoint_ending_in_a_slash_joined_with_the_cgi_path_works_as_curl_sends_it()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync(withAdmin: false);
        var endpoint = h.Endpoint(camera).ToString();

        var created = await Curl($"{endpoint}/axis-cgi/pwdgrp.cgi?action=add&user=root&pwd=pass&grp=root&sgrp=admin:operator:viewer:ptz");
        created.Status.Should().Be(200, created.Raw.ToString());
        created.Body.Should().Contain("Created account root.");

        var brand = await Curl("--digest", "-u", "root:pass", $"{endpoint}/axis-cgi/param.cgi?action=list&group=root.Brand");
        brand.Status.Should().Be(200, brand.Raw.ToString());
        brand.Body.Should().Contain("root.Brand.ProdNbr=P3245-LVE\n");

        // curl resolves dot segments itself (not //) unless told to send the path as it is.
        var dotted = await Curl("--path-as-is", "--digest", "-u", "root:pass", $"{endpoint}/x/../axis-cgi/./param.cgi?action=list&group=root.Brand");
        dotted.Status.Should().Be(200, dotted.Raw.ToString());
        dotted.Body.Should().Contain("root.Brand.ProdNbr=P3245-LVE\n");

        var sent = camera.Timeline.Since(0).Where(e => e.Kind == Core.Events.TimelineKind.Http && e.Get<int>("status") == 200).Select(e => e.Get<string>("path"));
        sent.Should().Equal("//axis-cgi/pwdgrp.cgi", "//axis-cgi/param.cgi", "//x/../axis-cgi/./param.cgi");
    }

    [Fact]
    public async Task Restart_refuses_connections_then_comes_back_with_a_new_boot_id()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        var url = h.Endpoint(camera).ToString().TrimEnd('/');
        var before = await BootId(url);

        var restart = await Curl("--digest", "-u", "root:pass", $"{url}/axis-cgi/restart.cgi");
        restart.Status.Should().Be(200, restart.Raw.ToString());
        restart.ContentType.Should().StartWith("text/html");
        restart.Body.Should().Contain("restartMessage.shtml");

        await h.AfterResponseAsync(camera);
        var down = await ExternalTool.RunAsync(ExternalTool.Curl, ["-sS", "--max-time", "10", $"{url}/axis-cgi/systemready.cgi"]);
        down.ExitCode.Should().Be(7, $"curl: failed to connect ({down})");

        await h.RunUntilIdleAsync(camera);
        (await BootId(url)).Should().NotBe(before);
    }

    [Theory]
    [InlineData("factorydefault.cgi", "factoryMessage.shtml", true)]
    [InlineData("hardfactorydefault.cgi", "factoryMessage2.shtml", false)]
    public async Task Factory_defaults_put_the_device_in_setup_mode(string cgi, string page, bool keepsNetwork)
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        var url = h.Endpoint(camera).ToString().TrimEnd('/');
        (await Curl("--digest", "-u", "root:pass", $"{url}/axis-cgi/param.cgi?action=update&Network.BootProto=none&Network.IPAddress=192.168.0.77")).Body.Should().Be("OK");

        var reset = await Curl("--anyauth", "-u", "root:pass", $"{url}/axis-cgi/{cgi}");
        reset.Status.Should().Be(200, reset.Raw.ToString());
        reset.Body.Should().Contain(page);
        await h.AfterResponseAsync(camera);
        (await ExternalTool.RunAsync(ExternalTool.Curl, ["-sS", $"{url}/axis-cgi/systemready.cgi"])).ExitCode.Should().Be(7);
        await h.RunUntilIdleAsync(camera);

        var ready = await Curl("--data", """{"apiVersion":"1","method":"systemready"}""", $"{url}/axis-cgi/systemready.cgi");
        JsonNode.Parse(ready.Body)!["data"]!["needsetup"]!.GetValue<string>().Should().Be("yes");
        (await Curl("--digest", "-u", "root:pass", $"{url}/axis-cgi/param.cgi?action=list")).Status.Should().Be(401, "the accounts are gone");
        camera.ReadConfig(c => c.Network.IpAddress).Should().Be(keepsNetwork ? "192.168.0.77" : "192.168.0.90");
    }

    [Fact]
    public async Task A_firmware_image_for_another_model_is_refused_with_421()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        var url = h.Endpoint(camera).ToString().TrimEnd('/');
        using var image = await FirmwareImageFile.CreateAsync("M1075-L", "12.9.57", paddingBytes: 512 * 1024);
        var upload = await UploadFirmware(url, image, "--digest", "-u", "root:pass");

        upload.Status.Should().Be(200, upload.Raw.ToString());
        upload.ContentType.Should().StartWith("application/json");
        var error = JsonNode.Parse(upload.Body)!["error"]!;
        error["code"]!.GetValue<int>().Should().Be(421);
        error["message"]!.GetValue<string>().Should().Be("Firmware image does not match this device.");
        camera.Phase.Should().Be(DevicePhase.Ready);
    }

    [Fact]
    public async Task A_right_image_uploaded_with_anyauth_upgrades_the_device()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync("M1075-L");
        var url = h.Endpoint(camera).ToString().TrimEnd('/');
        using (var image = await FirmwareImageFile.CreateAsync("M1075-L", "12.10.68", paddingBytes: 3 * 1024 * 1024))
        {
            // curl asks for 100-continue before a large body; the device's 401 must not leave it hanging.
            var upload = await UploadFirmware(url, image, "--anyauth", "-u", "root:pass");

            upload.Status.Should().Be(200, upload.Raw.ToString());
            JsonNode.Parse(upload.Body)!["data"]!["firmwareVersion"]!.GetValue<string>().Should().Be("12.10.68");
        }

        await h.RunUntilIdleAsync(camera);
        var properties = await Curl("--digest", "-u", "root:pass", "--data", """{"apiVersion":"1.0","method":"getAllProperties"}""", $"{url}/axis-cgi/basicdeviceinfo.cgi");
        properties.Status.Should().Be(200, "curl --digest first posts an empty body to get the challenge");
        JsonNode.Parse(properties.Body)!["data"]!["propertyList"]!["Version"]!.GetValue<string>().Should().Be("12.10.68");
    }

    private static async Task<string> BootId(string url)
    {
        var ready = await Curl("-H", "Content-Type: application/json", "--data", """{"apiVersion":"1","method":"systemready"}""", $"{url}/axis-cgi/systemready.cgi");
        ready.Status.Should().Be(200, ready.Raw.ToString());
        return JsonNode.Parse(ready.Body)!["data"]!["bootid"]!.GetValue<string>();
    }

    /// <summary>Runs curl, appending the status and content type after the body.</summary>
    /// <summary>firmwaremanagement.cgi's <c>upgrade</c> as a multipart form: the JSON call, then the image.</summary>
    private static Task<(int Status, string ContentType, string Body, ToolResult Raw)> UploadFirmware(string url, FirmwareImageFile image, params string[] auth) =>
        Curl(
            [
                .. auth,
                "-F", """json={"apiVersion":"1.0","method":"upgrade"};type=application/json""",
                "-F", $"file=@{image.Path};type=application/octet-stream",
                $"{url}/axis-cgi/firmwaremanagement.cgi",
            ]);

    private static async Task<(int Status, string ContentType, string Body, ToolResult Raw)> Curl(params string[] arguments)
    {
        var result = await ExternalTool.RunAsync(ExternalTool.Curl, ["-sS", "--max-time", "20", "-w", "\n%{http_code} %{content_type}", .. arguments]);
        result.ExitCode.Should().Be(0, result.ToString());
        var split = result.Stdout.LastIndexOf('\n');
        var trailer = result.Stdout[(split + 1)..].Split(' ', 2);
        return (int.Parse(trailer[0], System.Globalization.CultureInfo.InvariantCulture), trailer.Length > 1 ? trailer[1] : "", result.Stdout[..split], result);
    }
}
