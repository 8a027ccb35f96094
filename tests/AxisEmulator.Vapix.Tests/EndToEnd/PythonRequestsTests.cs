using System.Text.Json.Nodes;
using AxisEmulator.Core.Devices;
using AxisEmulator.Vapix.Server;
using AxisEmulator.Vapix.Tests.Server;

namespace AxisEmulator.Vapix.Tests.EndToEnd;

/// <summary>
/// Python <c>requests</c> with <c>HTTPDigestAuth</c> (Debian python3-requests, as HA-style and
/// in-house tools use it) against a device listener, one process per call, simulated time advanced between.
/// </summary>
public class PythonRequestsTests
{
    /// <summary>
    /// A tiny client: <c>get URL</c>, <c>post URL JSON</c>, <c>form URL BODY</c>, <c>upload URL JSON FILE</c>,
    /// with <c>--user U --password P</c> for Digest. Prints one JSON line: status, content type, body;
    /// or <c>{"error": "connection"}</c> with exit code 3 when nothing listens.
    /// </summary>
    private const string Script = """
        import json, sys
        import requests
        from requests.auth import HTTPDigestAuth

        args = sys.argv[1:]
        auth = None
        if "--user" in args:
            i = args.index("--user")
            auth = HTTPDigestAuth(args[i + 1], args[i + 3])
            args = args[:i]
        command, url = args[0], args[1]
        try:
            if command == "get":
                r = requests.get(url, auth=auth, timeout=20)
            elif command == "post":
                r = requests.post(url, data=args[2], headers={"Content-Type": "application/json"}, auth=auth, timeout=20)
            elif command == "form":
                r = requests.post(url, data=args[2], headers={"Content-Type": "application/x-www-form-urlencoded"}, auth=auth, timeout=20)
            elif command == "upload":
                with open(args[3], "rb") as image:
                    files = {"json": (None, args[2], "application/json"), "file": ("firmware.bin", image.read(), "application/octet-stream")}
                r = requests.post(url, files=files, auth=auth, timeout=20)
            else:
                raise SystemExit("unknown command " + command)
        except requests.exceptions.ConnectionError as e:
            print(json.dumps({"error": "connection", "detail": str(e)}))
            sys.exit(3)
        print(json.dumps({"status": r.status_code, "contentType": r.headers.get("Content-Type", ""), "body": r.text}))
        """;


    public PythonRequestsTests() => ExternalTool.RequirePythonRequests();

    [Fact]
    public async Task First_admin_creation_then_parameter_list_and_update()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync("M1075-L", withAdmin: false);
        var url = h.Endpoint(camera).ToString().TrimEnd('/');

        var ready = await Py("post", $"{url}/axis-cgi/systemready.cgi", """{"apiVersion":"1","method":"systemready"}""");
        JsonNode.Parse(ready.Body)!["data"]!["needsetup"]!.GetValue<string>().Should().Be("yes");

        var created = await Py("get", $"{url}/axis-cgi/pwdgrp.cgi?action=add&user=operator1&pwd=Secret1&grp=root&sgrp=admin:operator:viewer:ptz");
        created.Status.Should().Be(200);
        created.Body.Should().Contain("Created account operator1.");

        var list = await Py("get", $"{url}/axis-cgi/param.cgi?action=list&group=root.Properties.Firmware.Version,Brand.ProdNbr", "--user", "operator1", "--password", "Secret1");
        list.Status.Should().Be(200);
        list.Body.Should().Be("root.Properties.Firmware.Version=12.9.57\nBrand.ProdNbr=M1075-L\n");

        var update = await Py("form", $"{url}/axis-cgi/param.cgi", "action=update&root.Network.SSH.Enabled=yes&StatusLed.Usage=off", "--user", "operator1", "--password", "Secret1");
        update.Body.Should().Be("OK");
        (await Py("get", $"{url}/axis-cgi/param.cgi?action=list&group=Network.SSH.Enabled,StatusLed.Usage", "--user", "operator1", "--password", "Secret1"))
            .Body.Should().Be("Network.SSH.Enabled=yes\nStatusLed.Usage=off\n");

        var properties = await Py("post", $"{url}/axis-cgi/basicdeviceinfo.cgi", """{"apiVersion":"1.0","context":"py","method":"getAllProperties"}""", "--user", "operator1", "--password", "Secret1");
        properties.ContentType.Should().StartWith("application/json");
        var answer = JsonNode.Parse(properties.Body)!;
        answer["context"]!.GetValue<string>().Should().Be("py");
        answer["data"]!["propertyList"]!["SerialNumber"]!.GetValue<string>().Should().Be(camera.Serial);
    }

    [Fact]
    public async Task Restart_refuses_connections_then_comes_back_with_a_new_boot_id()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync("M1075-L");
        var url = h.Endpoint(camera).ToString().TrimEnd('/');
        var before = await BootId(url);

        var restart = await Py("get", $"{url}/axis-cgi/restart.cgi", "--user", "root", "--password", "pass");
        restart.Status.Should().Be(200);
        restart.Body.Should().Contain("restartMessage.shtml");
        await h.AfterResponseAsync(camera);

        var down = await ExternalTool.RunAsync(ExternalTool.Python, ["-c", Script, "get", $"{url}/axis-cgi/systemready.cgi"]);
        down.ExitCode.Should().Be(3, $"requests: connection refused ({down})");
        await h.AdvanceUntilAsync(camera, DevicePhase.NetworkUp);
        var starting = await Py("post", $"{url}/axis-cgi/systemready.cgi", """{"apiVersion":"1","method":"systemready"}""");
        JsonNode.Parse(starting.Body)!["data"]!["systemready"]!.GetValue<string>().Should().Be("no");
        (await Py("get", $"{url}/axis-cgi/param.cgi?action=list", "--user", "root", "--password", "pass")).Status.Should().Be(503);

        await h.RunUntilIdleAsync(camera);
        (await BootId(url)).Should().NotBe(before);
    }

    [Theory]
    [InlineData("soft")]
    [InlineData("hard")]
    public async Task Firmware_management_factory_default_puts_the_device_in_setup_mode(string mode)
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync("M1075-L");
        var url = h.Endpoint(camera).ToString().TrimEnd('/');
        (await Py("get", $"{url}/axis-cgi/param.cgi?action=update&Network.BootProto=none&Network.IPAddress=10.0.0.48", "--user", "root", "--password", "pass")).Body.Should().Be("OK");
        await h.AfterResponseAsync(camera);

        var reset = await Py("post", $"{url}/axis-cgi/firmwaremanagement.cgi", $$$"""{"apiVersion":"1.0","method":"factoryDefault","params":{"factoryDefaultMode":"{{{mode}}}"}}""", "--user", "root", "--password", "pass");
        JsonNode.Parse(reset.Body)!["data"]!.AsObject().Count.Should().Be(0);
        await h.AfterResponseAsync(camera);
        await h.RunUntilIdleAsync(camera);

        var ready = await Py("post", $"{url}/axis-cgi/systemready.cgi", """{"apiVersion":"1","method":"systemready"}""");
        var data = JsonNode.Parse(ready.Body)!["data"]!;
        data["needsetup"]!.GetValue<string>().Should().Be("yes");
        data["passphrasepolicy"]!.GetValue<string>().Should().Be("none");
        camera.ReadConfig(c => c.Network.IpAddress).Should().Be(mode == "soft" ? "10.0.0.48" : "192.168.0.90");
        camera.Network.IpAddress.Should().StartWith(mode == "soft" ? "10.0.0.48" : "169.254.", "AXIS OS 12 falls back to link-local only");
    }

    [Fact]
    public async Task A_firmware_image_for_another_model_is_refused_with_421()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync("P3245-LVE-10.12");
        var url = h.Endpoint(camera).ToString().TrimEnd('/');
        using var image = await FirmwareImageFile.CreateAsync("P3265-LVE", "11.11.192");
        var upload = await Py("upload", $"{url}/axis-cgi/firmwaremanagement.cgi", """{"apiVersion":"1.0","method":"upgrade"}""", image.Path, "--user", "root", "--password", "pass");
        upload.Status.Should().Be(200);
        upload.Body.Should().Be("{\n  \"apiVersion\": \"1.4\",\n  \"method\": \"upgrade\",\n  \"error\": {\n    \"code\": 421,\n    \"message\": \"Firmware image does not match this device.\"\n  }\n}\n");
    }

    private static async Task<string> BootId(string url)
    {
        var ready = await Py("post", $"{url}/axis-cgi/systemready.cgi", """{"apiVersion":"1","method":"systemready"}""");
        return JsonNode.Parse(ready.Body)!["data"]!["bootid"]!.GetValue<string>();
    }

    private static async Task<(int Status, string ContentType, string Body)> Py(params string[] arguments)
    {
        var result = await ExternalTool.RunAsync(ExternalTool.Python, ["-c", Script, .. arguments]);
        result.ExitCode.Should().Be(0, result.ToString());
        var answer = JsonNode.Parse(result.Stdout)!;
        return (answer["status"]!.GetValue<int>(), answer["contentType"]!.GetValue<string>(), answer["body"]!.GetValue<string>());
    }
}
