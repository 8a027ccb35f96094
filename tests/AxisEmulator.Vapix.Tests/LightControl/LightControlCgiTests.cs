using System.Text.Json.Nodes;
using AxisEmulator.Core.Config;
using AxisEmulator.Vapix.LightControl;
using AxisEmulator.Vapix.Tests.Server;
using AxisEmulator.Vapix.Tests.Support;

namespace AxisEmulator.Vapix.Tests.LightControl;

public class LightControlCgiTests
{
    private const string Cgi = "/axis-cgi/lightcontrol.cgi";

    [Fact]
    public async Task An_ir_camera_reports_its_light_and_keeps_what_it_is_told()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync("M1075-L");
        using var client = h.Client(camera);

        var information = await JsonCalls.PostAsync(client, Cgi, """{"apiVersion":"1.0","context":"Axis library","method":"getLightInformation"}""");
        information["apiVersion"]!.GetValue<string>().Should().Be("1.5", "light-control 1.5 on 12.9 (captured list)");
        var light = information["data"]!["items"]!.AsArray().Should().ContainSingle().Subject!;
        light["lightID"]!.GetValue<string>().Should().Be("led0");
        light["lightType"]!.GetValue<string>().Should().Be("IR");
        light["lightState"]!.GetValue<bool>().Should().BeFalse();

        await JsonCalls.DataAsync(client, Cgi, """{"apiVersion":"1.0","method":"activateLight","params":{"lightID":"led0"}}""");
        await JsonCalls.DataAsync(client, Cgi, """{"apiVersion":"1.0","method":"setManualIntensity","params":{"lightID":"led0","intensity":400}}""");

        (await JsonCalls.DataAsync(client, Cgi, """{"apiVersion":"1.0","method":"getLightStatus","params":{"lightID":"led0"}}"""))["status"]!.GetValue<bool>().Should().BeTrue();
        (await JsonCalls.DataAsync(client, Cgi, """{"apiVersion":"1.0","method":"getManualIntensity","params":{"lightID":"led0"}}"""))["intensity"]!.GetValue<int>().Should().Be(400);
        (await JsonCalls.DataAsync(client, Cgi, """{"apiVersion":"1.0","method":"getCurrentIntensity","params":{"lightID":"led0"}}"""))["intensity"]!.GetValue<int>().Should().Be(400);
        await JsonCalls.DataAsync(client, Cgi, """{"apiVersion":"1.0","method":"disableLight","params":{"lightID":"led0"}}""");
        (await JsonCalls.DataAsync(client, Cgi, """{"apiVersion":"1.0","method":"getCurrentIntensity","params":{"lightID":"led0"}}"""))["intensity"]!.GetValue<int>().Should().Be(0, "a disabled light does not shine");
        camera.ReadConfig(c => c.Lights).Should().ContainSingle().Which.Should().Be(new LightSettings("led0") { Active = true, Enabled = false, ManualIntensity = 400, AutomaticIntensityMode = false });
        camera.Config.AfterFactoryDefault(FactoryDefaultMode.Soft).Lights.Should().BeEmpty();
    }

    [Theory]
    [InlineData("""{"apiVersion":"1.0","method":"activateLight","params":{"lightID":"led7"}}""", 2104)]
    [InlineData("""{"apiVersion":"1.0","method":"activateLight"}""", 2103)]
    [InlineData("""{"apiVersion":"1.0","method":"setManualIntensity","params":{"lightID":"led0","intensity":1001}}""", 2104)]
    [InlineData("""{"apiVersion":"1.0","method":"setManualIntensity","params":{"lightID":"led0"}}""", 2103)]
    [InlineData("""{"apiVersion":"1.0","method":"setIndividualIntensity","params":{"lightID":"led0","LEDID":1,"intensity":10}}""", 2102)]
    [InlineData("""{"apiVersion":"9.0","method":"getLightInformation"}""", 2100)]
    public async Task Bad_calls_get_the_documented_error_and_change_nothing(string body, int code)
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync("P3245-LVE");
        using var client = h.Client(camera);
        var before = ServerHarness.StoredConfig(camera);

        (await JsonCalls.ErrorAsync(client, Cgi, body)).Code.Should().Be(code);
        ServerHarness.StoredConfig(camera).Should().Be(before);
    }

    [Fact]
    public async Task A_model_without_light_does_not_list_the_api_and_answers_no_light_hardware()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync("M3066-V");
        using var client = h.Client(camera);

        var list = await JsonCalls.DataAsync(client, "/axis-cgi/apidiscovery.cgi", """{"apiVersion":"1.0","method":"getApiList"}""");
        list["apiList"]!.AsArray().Select(e => e!["id"]!.GetValue<string>()).Should().NotContain("light-control").And.Contain("view-area");
        (await JsonCalls.ErrorAsync(client, Cgi, """{"apiVersion":"1.0","method":"getLightInformation"}""")).Should().Be((1005, "No light hardware found, could not complete request."));
        (await client.GetStringAsync("/axis-cgi/param.cgi?action=list&group=Properties.LightControl")).Should().StartWith("# Error", "nor does it advertise light control in its properties");
    }

    [Fact]
    public async Task An_ir_camera_advertises_light_control_in_its_properties()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync("Q1656-LE");
        using var client = h.Client(camera);

        (await client.GetStringAsync("/axis-cgi/param.cgi?action=list&group=Properties.LightControl.LightControl2"))
            .Should().Be("Properties.LightControl.LightControl2=yes\n");
    }

    [Theory]
    [InlineData("M1075-L", true)]
    [InlineData("P3245-LVE", true)]
    [InlineData("Q1656-LE", true)]
    [InlineData("P3727-PLE", true)]
    [InlineData("M3066-V", false)]
    [InlineData("P8815-2", false)]
    [InlineData("Q1961-TE", false)]
    [InlineData("A8207-VE-Mk-II", false)]
    public void Lights_follow_the_ir_mark_of_the_product_number(string model, bool hasLight) =>
        LightHardware.HasLight(TestProfiles.Create(model)).Should().Be(hasLight);

    [Fact]
    public async Task A_light_model_without_a_captured_list_lists_light_control_in_its_line_version()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync("Q1656-LE");
        using var client = h.Client(camera);

        var list = await JsonCalls.DataAsync(client, "/axis-cgi/apidiscovery.cgi", """{"apiVersion":"1.0","method":"getApiList","params":{"id":"light-control"}}""");
        var entry = list["apiList"]!.AsArray().Should().ContainSingle().Subject!.AsObject();
        entry.Select(p => p.Key).Should().Equal("id", "version", "name", "docLink", "status");
        var version = (await JsonCalls.PostAsync(client, Cgi, """{"apiVersion":"1.0","method":"getServiceCapabilities"}"""))["apiVersion"]!.GetValue<string>();
        entry["version"]!.GetValue<string>().Should().Be(version);
    }
}
