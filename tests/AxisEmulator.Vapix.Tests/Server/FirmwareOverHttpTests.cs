using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using AxisEmulator.Core.Devices;
using AxisEmulator.Vapix.Server;

namespace AxisEmulator.Vapix.Tests.Server;

/// <summary>firmwaremanagement.cgi over HTTP: multipart uploads of emulated images, the error codes of vapix-facts §6, and the dual-bank life of an upgrade.</summary>
public class FirmwareOverHttpTests
{
    private const string Upgrade = """{"apiVersion":"1.0","method":"upgrade"}""";

    [Fact]
    public async Task An_image_for_another_model_or_anything_unrecognised_is_refused_with_421()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var client = h.Client(camera);

        foreach (var image in new[]
        {
            EmulatedFirmwareImage.Create("M1075-L", "12.9.57"),
            "DUMMY_FIRMWARE_BYTES"u8.ToArray(),
            [0x55, 0xAA, 0x00, 0x01, 0xFF, 0xFE, 0x00, 0x00],
        })
        {
            var (status, body) = await UploadAsync(client, Upgrade, image);

            status.Should().Be(HttpStatusCode.OK);
            body.Should().Be("{\n  \"apiVersion\": \"1.5\",\n  \"method\": \"upgrade\",\n  \"error\": {\n    \"code\": 421,\n    \"message\": \"Firmware image does not match this device.\"\n  }\n}\n");
        }

        camera.Phase.Should().Be(DevicePhase.Ready);
        camera.ReadConfig(c => c.Firmware.ActiveVersion).Should().Be("11.11.192");
    }

    [Fact]
    public async Task A_right_image_upgrades_reboots_and_reports_the_new_version_then_rolls_back()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var client = h.Client(camera);
        var bootId = camera.BootId;

        var (status, body) = await UploadAsync(client, """{"apiVersion":"1.0","context":"up","method":"upgrade","params":{"autoCommit":"boot"}}""", EmulatedFirmwareImage.Create("P3245-LVE", "11.11.200", paddingBytes: 256 * 1024));

        status.Should().Be(HttpStatusCode.OK);
        Data(body)["firmwareVersion"]!.GetValue<string>().Should().Be("11.11.200");
        camera.Phase.Should().Be(DevicePhase.Upgrading);
        (await UploadAsync(client, Upgrade, EmulatedFirmwareImage.Create("P3245-LVE", "11.11.201"))).Body.Should().Contain("\"code\": 423");

        await h.RunUntilIdleAsync(camera);
        camera.Phase.Should().Be(DevicePhase.Ready);
        camera.BootId.Should().NotBe(bootId);
        var properties = await PostAsync(client, "/axis-cgi/basicdeviceinfo.cgi", """{"apiVersion":"1.0","method":"getAllProperties"}""");
        properties["propertyList"]!["Version"]!.GetValue<string>().Should().Be("11.11.200");
        (await client.GetStringAsync("/axis-cgi/param.cgi?action=list&group=Properties.Firmware.Version")).Should().Be("Properties.Firmware.Version=11.11.200\n");
        var status1 = await PostAsync(client, "/axis-cgi/firmwaremanagement.cgi", """{"apiVersion":"1.0","method":"status"}""");
        status1["activeFirmwareVersion"]!.GetValue<string>().Should().Be("11.11.200");
        status1["inactiveFirmwareVersion"]!.GetValue<string>().Should().Be("11.11.192");
        status1["isCommited"]!.GetValue<bool>().Should().BeTrue();

        var rollback = await PostAsync(client, "/axis-cgi/firmwaremanagement.cgi", """{"apiVersion":"1.0","method":"rollback"}""");
        rollback.AsObject().Count.Should().Be(0);
        await h.AfterResponseAsync(camera);
        await h.ShouldRefuseConnectionsAsync(camera);
        await h.RunUntilIdleAsync(camera);
        (await PostAsync(client, "/axis-cgi/basicdeviceinfo.cgi", """{"apiVersion":"1.0","method":"getAllProperties"}"""))["propertyList"]!["Version"]!.GetValue<string>().Should().Be("11.11.192");
    }

    [Fact]
    public async Task Unsigned_uncommitted_missing_and_malformed_uploads_get_their_codes()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var client = h.Client(camera);

        (await UploadAsync(client, Upgrade, EmulatedFirmwareImage.Create("P3245-LVE", "11.11.200", signed: false))).Body.Should().Contain("\"code\": 422");
        (await UploadAsync(client, Upgrade, [])).Body.Should().Contain("\"code\": 415");
        (await UploadAsync(client, """{"apiVersion":"1.0","method":"upgrade","params":{"autoCommit":"sometimes"}}""", EmulatedFirmwareImage.Create("P3245-LVE", "11.11.200"))).Body.Should().Contain("\"code\": 400");
        (await UploadAsync(client, """{"apiVersion":"2.0","method":"upgrade"}""", EmulatedFirmwareImage.Create("P3245-LVE", "11.11.200"))).Body.Should().Contain("\"code\": 417");
        (await UploadAsync(client, """{"apiVersion":"1.0","method":"bogus"}""", EmulatedFirmwareImage.Create("P3245-LVE", "11.11.200"))).Body.Should().Contain("\"code\": 405");
        (await PostAsync(client, "/axis-cgi/firmwaremanagement.cgi", Upgrade, expectError: 400)).Should().NotBeNull("an upgrade needs the multipart upload");
        (await PostAsync(client, "/axis-cgi/firmwaremanagement.cgi", """{"apiVersion":"1.0","method":"rollback"}""", expectError: 404)).Should().NotBeNull();
        using (var garbage = new ByteArrayContent("--x\r\nnot multipart at all"u8.ToArray()))
        {
            garbage.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=zzz");
            var response = await client.PostAsync("/axis-cgi/firmwaremanagement.cgi", garbage);
            (await response.Content.ReadAsStringAsync()).Should().Contain("\"code\": 400");
        }

        (await UploadAsync(client, """{"apiVersion":"1.0","method":"upgrade","params":{"autoCommit":"never"}}""", EmulatedFirmwareImage.Create("P3245-LVE", "11.11.200"))).Body.Should().Contain("\"firmwareVersion\": \"11.11.200\"");
        await h.AdvanceUntilAsync(camera, DevicePhase.Ready);
        var status = await PostAsync(client, "/axis-cgi/firmwaremanagement.cgi", """{"apiVersion":"1.0","method":"status"}""");
        status["isCommited"]!.GetValue<bool>().Should().BeFalse();
        status["timeToRollback"]!.GetValue<long>().Should().BeInRange(590, 600);
        (await UploadAsync(client, Upgrade, EmulatedFirmwareImage.Create("P3245-LVE", "11.11.201"))).Body.Should().Contain("\"code\": 412");
        (await PostAsync(client, "/axis-cgi/firmwaremanagement.cgi", """{"apiVersion":"1.0","method":"purge"}""", expectError: 412)).Should().NotBeNull();
        (await PostAsync(client, "/axis-cgi/firmwaremanagement.cgi", """{"apiVersion":"1.0","method":"commit"}"""))["firmwareVersion"]!.GetValue<string>().Should().Be("11.11.200");
        (await PostAsync(client, "/axis-cgi/firmwaremanagement.cgi", """{"apiVersion":"1.0","method":"purge"}""")).AsObject().Count.Should().Be(0);
        camera.ReadConfig(c => c.Firmware.InactiveVersion).Should().BeNull();
    }

    [Fact]
    public async Task The_image_header_parses_what_it_writes_and_nothing_else()
    {
        EmulatedFirmwareImage.TryParse(EmulatedFirmwareImage.Create("A8207-VE Mk II", "11.11.192"), out var spaced).Should().BeTrue();
        spaced!.Model.Should().Be("A8207-VE Mk II");
        spaced.Signed.Should().BeTrue();
        EmulatedFirmwareImage.TryParse("AXIS-EMULATED-FIRMWARE model=M1075-L version=12.9.57 signed=no\r\nrest"u8, out var unsigned).Should().BeTrue();
        unsigned!.Signed.Should().BeFalse();
        EmulatedFirmwareImage.TryParse("AXIS-EMULATED-FIRMWARE model=M1075-L version=twelve"u8, out _).Should().BeFalse();
        EmulatedFirmwareImage.TryParse("AXIS-EMULATED-FIRMWARE version=12.9.57"u8, out _).Should().BeFalse();
        EmulatedFirmwareImage.TryParse([], out _).Should().BeFalse();
        await Task.CompletedTask;
    }

    /// <summary>As the documentation's curl does: a <c>json</c> part typed application/json, then the image.</summary>
    public static async Task<(HttpStatusCode Status, string Body)> UploadAsync(HttpClient client, string json, byte[] image)
    {
        using var form = new MultipartFormDataContent();
        var jsonPart = new StringContent(json);
        jsonPart.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(jsonPart, "json");
        var file = new ByteArrayContent(image);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", "firmware.bin");
        using var response = await client.PostAsync("/axis-cgi/firmwaremanagement.cgi", form);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static JsonNode Data(string body) => JsonNode.Parse(body)!["data"]!;

    private static async Task<JsonNode> PostAsync(HttpClient client, string target, string json, int? expectError = null)
    {
        using var response = await client.PostAsync(target, ServerHarness.Json(json));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        if (expectError is { } code)
        {
            answer["error"]!["code"]!.GetValue<int>().Should().Be(code);
            return answer["error"]!;
        }

        answer["error"].Should().BeNull();
        return answer["data"]!;
    }
}
