using System.Text.Json.Nodes;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Vapix.Auth;
using AxisEmulator.Vapix.Json;
using AxisEmulator.Vapix.Snapshots;
using AxisEmulator.Vapix.Tests.Support;

namespace AxisEmulator.Vapix.Tests.Json;

public class JsonApiCallTests
{
    private static readonly VapixIdentity Identity = new(TestProfiles.Create("P3245-LVE", "11.11.192"), "B8A44F631339");

    private static JsonNode Bdi(string body, FirmwarePersonality personality = FirmwarePersonality.Os11)
    {
        var response = BasicDeviceInfoApi.Handle(JsonApiCall.Parse(BasicDeviceInfoApi.Spec, personality, body), Identity);
        response.StatusCode.Should().Be(200, "JSON API errors are HTTP 200");
        return JsonNode.Parse(response.Body)!;
    }

    private static JsonNode SystemReady(string body, FirmwarePersonality personality) =>
        JsonNode.Parse(SystemReadyApi.Handle(JsonApiCall.Parse(SystemReadyApi.Spec, personality, body), new SystemReadyState(true, false, TimeSpan.Zero, Guid.Empty)).Body)!;

    [Theory]
    [InlineData("{\"apiVersion\":\"1.0\",\"method\":\"getAllProperties\"}")]
    [InlineData("{\"apiVersion\":\"1\",\"method\":\"getAllProperties\"}")]
    [InlineData("{\"apiVersion\":\"1.3\",\"method\":\"getAllProperties\"}")]
    [InlineData("{\"apiVersion\":1.0,\"method\":\"getAllProperties\"}")]
    public void The_device_answers_with_its_own_highest_minor_of_the_requested_major(string body)
    {
        Bdi(body)["apiVersion"]!.GetValue<string>().Should().Be("1.3");
    }

    [Fact]
    public void Context_is_echoed_only_when_sent()
    {
        Bdi("{\"apiVersion\":\"1.0\",\"context\":\"Axis library\",\"method\":\"getAllProperties\"}")["context"]!.GetValue<string>().Should().Be("Axis library");
        Bdi("{\"apiVersion\":\"1.0\",\"method\":\"getAllProperties\"}").AsObject().ContainsKey("context").Should().BeFalse();
    }

    [Fact]
    public void Basic_device_info_answers_carry_no_method_while_systemready_does()
    {
        Bdi("{\"apiVersion\":\"1.0\",\"method\":\"getAllProperties\"}").AsObject().ContainsKey("method").Should().BeFalse();
        SystemReady("{\"apiVersion\":\"1\",\"method\":\"systemready\"}", FirmwarePersonality.Os12)["method"]!.GetValue<string>().Should().Be("systemready");
    }

    [Fact]
    public void Context_sits_after_apiVersion_and_before_method()
    {
        var body = SystemReadyApi.Handle(
            JsonApiCall.Parse(SystemReadyApi.Spec, FirmwarePersonality.Os10, "{\"apiVersion\":\"1.1\",\"context\":\"my context\",\"method\":\"systemready\"}"),
            new SystemReadyState(true, true, TimeSpan.Zero, Guid.Empty)).Body;

        body.Should().Be("{\"apiVersion\": \"1.2\", \"context\": \"my context\", \"method\": \"systemready\", \"data\": {\"systemready\": \"yes\", \"needsetup\": \"yes\"}}");
    }

    [Theory]
    [InlineData("not json", 4000)]
    [InlineData("", 4000)]
    [InlineData("[1,2]", 4000)]
    [InlineData("{\"apiVersion\":\"1.0\"}", 4002)]
    [InlineData("{\"method\":\"getAllProperties\"}", 4002)]
    [InlineData("{\"apiVersion\":\"2.0\",\"method\":\"getAllProperties\"}", 2003)]
    [InlineData("{\"apiVersion\":\"1.9\",\"method\":\"getAllProperties\"}", 2003)]
    [InlineData("{\"apiVersion\":\"one\",\"method\":\"getAllProperties\"}", 2003)]
    [InlineData("{\"apiVersion\":\"1.0\",\"method\":\"getEverything\"}", 2004)]
    public void Envelope_errors_have_the_real_codes(string body, int code)
    {
        var answer = Bdi(body);

        answer["error"]!["code"]!.GetValue<int>().Should().Be(code);
        answer["error"]!["message"]!.GetValue<string>().Should().NotBeEmpty();
        answer.AsObject().ContainsKey("data").Should().BeFalse();
    }

    [Fact]
    public void The_unknown_method_text_is_the_captured_one()
    {
        Bdi("{\"apiVersion\":\"1.0\",\"method\":\"getEverything\"}")["error"]!["message"]!.GetValue<string>()
            .Should().Be("JSON semantic error: Unknown method 'getEverything'");
    }

    [Fact]
    public void Get_supported_versions_needs_no_api_version_and_answers_without_one()
    {
        var answer = Bdi("{\"method\":\"getSupportedVersions\"}");

        answer.ToJsonString().Should().Be("{\"data\":{\"apiVersions\":[\"1.3\"]}}");
    }

    [Fact]
    public void Unrestricted_properties_leave_out_architecture_and_soc()
    {
        var list = Bdi("{\"apiVersion\":\"1.0\",\"method\":\"getAllUnrestrictedProperties\"}")["data"]!["propertyList"]!.AsObject();

        list.Select(p => p.Key).Should().Equal(
            "ProdNbr", "HardwareID", "ProdFullName", "Version", "ProdType", "Brand", "WebURL", "ProdVariant", "SerialNumber", "ProdShortName", "BuildDate");
        list["SerialNumber"]!.GetValue<string>().Should().Be("B8A44F631339");
    }

    [Fact]
    public void Get_properties_returns_the_named_ones_and_rejects_unknown_names()
    {
        Bdi("{\"apiVersion\":\"1.0\",\"method\":\"getProperties\",\"params\":{\"propertyList\":[\"ProdNbr\",\"Brand\"]}}")["data"]!.ToJsonString()
            .Should().Be("{\"propertyList\":{\"ProdNbr\":\"P3245-LVE\",\"Brand\":\"AXIS\"}}");
        Bdi("{\"apiVersion\":\"1.0\",\"method\":\"getProperties\",\"params\":{\"propertyList\":[\"invalid_property_name\"]}}")["error"]!.ToJsonString()
            .Should().Be("{\"code\":1000,\"message\":\"Property not supported: invalid_property_name\"}");
        Bdi("{\"apiVersion\":\"1.0\",\"method\":\"getProperties\"}")["error"]!["code"]!.GetValue<int>().Should().Be(4002);
    }

    [Fact]
    public void The_web_url_is_https_from_axis_os_12()
    {
        var os12 = new VapixIdentity(TestProfiles.Create("M1075-L", "12.9.57"), "B8A44F631339");

        BasicDeviceInfoApi.Properties(os12).Single(p => p.Key == "WebURL").Value.Should().Be("https://www.axis.com");
        BasicDeviceInfoApi.Properties(Identity).Single(p => p.Key == "WebURL").Value.Should().Be("http://www.axis.com");
    }

    [Theory]
    [InlineData("getAllProperties", FirmwarePersonality.Os11, AccessLevel.Operator)]
    [InlineData("getAllUnrestrictedProperties", FirmwarePersonality.Os11, AccessLevel.Anonymous)]
    [InlineData("getSupportedVersions", FirmwarePersonality.Os11, AccessLevel.Anonymous)]
    [InlineData("nonsense", FirmwarePersonality.Os11, AccessLevel.Anonymous)]
    public void Basic_device_info_access_depends_on_the_method(string method, FirmwarePersonality personality, AccessLevel role)
    {
        JsonApiCall.Parse(BasicDeviceInfoApi.Spec, personality, $"{{\"apiVersion\":\"1.0\",\"method\":\"{method}\"}}").RequiredAccess.Should().Be(role);
    }

    [Theory]
    [InlineData(FirmwarePersonality.Os10, AccessLevel.Viewer)]
    [InlineData(FirmwarePersonality.Os11, AccessLevel.Anonymous)]
    [InlineData(FirmwarePersonality.Os12, AccessLevel.Anonymous)]
    public void Api_discovery_needs_a_login_only_on_10_12(FirmwarePersonality personality, AccessLevel role)
    {
        JsonApiCall.Parse(ApiDiscoveryApi.Spec, personality, "{\"apiVersion\":\"1.0\",\"method\":\"getApiList\"}").RequiredAccess.Should().Be(role);
    }

    [Fact]
    public void Firmware_management_is_admin_only_whatever_the_method()
    {
        JsonApiCall.Parse(FirmwareManagementApi.Spec, FirmwarePersonality.Os12, "{\"method\":\"getSupportedVersions\"}").RequiredAccess.Should().Be(AccessLevel.Admin);
        JsonApiCall.Parse(FirmwareManagementApi.Spec, FirmwarePersonality.Os12, "garbage").RequiredAccess.Should().Be(AccessLevel.Admin);
    }

    [Fact]
    public void Firmware_management_envelope_errors_use_its_own_codes()
    {
        var call = JsonApiCall.Parse(FirmwareManagementApi.Spec, FirmwarePersonality.Os12, "{\"apiVersion\":\"2.0\",\"method\":\"upgrade\"}");

        call.Rejection!.Body.Should().Be("{\n  \"apiVersion\": \"1.8\",\n  \"method\": \"upgrade\",\n  \"error\": {\n    \"code\": 417,\n    \"message\": \"Unsupported API version.\"\n  }\n}\n");
    }
}

public class SystemReadyApiTests
{
    private static readonly Guid BootId = Guid.Parse("93bfbb4a-9c3f-4075-a0c5-8702dfccfc04");

    private static string Answer(FirmwarePersonality personality, SystemReadyState state, string body = "{\"apiVersion\":\"1\",\"method\":\"systemready\"}") =>
        SystemReadyApi.Handle(JsonApiCall.Parse(SystemReadyApi.Spec, personality, body), state).Body;

    [Fact]
    public void Os10_reports_only_readiness_and_setup()
    {
        Answer(FirmwarePersonality.Os10, new SystemReadyState(false, true, TimeSpan.FromSeconds(12), BootId) { PreviewModeSeconds = 7200 })
            .Should().Be("{\"apiVersion\": \"1.2\", \"method\": \"systemready\", \"data\": {\"systemready\": \"no\", \"needsetup\": \"yes\"}}");
    }

    [Fact]
    public void Os11_adds_uptime_bootid_and_previewmode_after_a_reset()
    {
        Answer(FirmwarePersonality.Os11, new SystemReadyState(false, true, TimeSpan.FromSeconds(65.9), BootId) { PreviewModeSeconds = 7200 })
            .Should().Be("{\"apiVersion\": \"1.4\", \"method\": \"systemready\", \"data\": {\"systemready\": \"no\", \"needsetup\": \"yes\", "
                + "\"uptime\": \"65\", \"bootid\": \"93bfbb4a-9c3f-4075-a0c5-8702dfccfc04\", \"previewmode\": \"7200\"}}");
    }

    [Fact]
    public void Os12_adds_the_passphrase_policy()
    {
        Answer(FirmwarePersonality.Os12, new SystemReadyState(true, false, TimeSpan.FromSeconds(12484), BootId))
            .Should().Be("{\"apiVersion\": \"1.5\", \"method\": \"systemready\", \"data\": {\"systemready\": \"yes\", \"needsetup\": \"no\", "
                + "\"uptime\": \"12484\", \"bootid\": \"93bfbb4a-9c3f-4075-a0c5-8702dfccfc04\", \"passphrasepolicy\": \"none\"}}");
    }

    [Theory]
    [InlineData("{\"apiVersion\":\"1\",\"method\":\"systemready\",\"params\":{\"timeout\":20}}", 20.0)]
    [InlineData("{\"apiVersion\":\"1\",\"method\":\"systemready\",\"params\":{\"timeout\":\"5\"}}", 5.0)]
    [InlineData("{\"apiVersion\":\"1\",\"method\":\"systemready\",\"params\":\"{\\\"timeout\\\":3}\"}", 3.0)]
    [InlineData("{\"apiVersion\":\"1\",\"method\":\"systemready\",\"params\":\"{}\"}", null)]
    [InlineData("{\"apiVersion\":\"1\",\"method\":\"systemready\"}", null)]
    [InlineData("{\"apiVersion\":\"1\",\"method\":\"systemready\",\"params\":{\"timeout\":\"soon\"}}", null)]
    public void The_wait_timeout_is_read_leniently(string body, double? seconds)
    {
        var call = JsonApiCall.Parse(SystemReadyApi.Spec, FirmwarePersonality.Os12, body);

        SystemReadyApi.RequestedTimeout(call).Should().Be(seconds is { } s ? TimeSpan.FromSeconds(s) : null);
        call.Rejection.Should().BeNull();
    }
}

public class ApiDiscoveryApiTests
{
    private static readonly JsonArray List =
    [
        new JsonObject { ["id"] = "systemready", ["version"] = "1.4" },
        new JsonObject { ["id"] = "privacy-mask", ["version"] = "2.4" },
        new JsonObject { ["id"] = "privacy-mask", ["version"] = "3.0" },
    ];

    private static string[] Ids(string parameters)
    {
        var call = JsonApiCall.Parse(ApiDiscoveryApi.Spec, FirmwarePersonality.Os12, $"{{\"apiVersion\":\"1.0\",\"method\":\"getApiList\"{parameters}}}");
        return JsonNode.Parse(ApiDiscoveryApi.Handle(call, List).Body)!["data"]!["apiList"]!.AsArray()
            .Select(e => $"{e!["id"]}@{e["version"]}").ToArray();
    }

    [Fact]
    public void Filters_by_id_and_version_with_globs()
    {
        Ids("").Should().HaveCount(3);
        Ids(",\"params\":{\"id\":\"privacy-*\"}").Should().Equal("privacy-mask@2.4", "privacy-mask@3.0");
        Ids(",\"params\":{\"id\":\"privacy-mask\",\"version\":\"3.?\"}").Should().Equal("privacy-mask@3.0");
    }

    [Fact]
    public void An_unknown_id_is_an_empty_list_not_an_error()
    {
        Ids(",\"params\":{\"id\":\"nothing\"}").Should().BeEmpty();
    }

    [Fact]
    public void Uncaptured_models_get_the_personality_default_with_camera_apis_only_for_video_devices()
    {
        var data = new AxisEmulator.Vapix.Data.VapixDataCatalog(RepositoryPaths.VapixData);
        var camera = new VapixIdentity(TestProfiles.Create("M3106-L", "12.9.57"), "B8A44F631339");
        var speaker = new VapixIdentity(TestProfiles.Create("C1410", "12.9.57", hasVideo: false), "B8A44F631339");

        var cameraIds = ApiDiscoveryApi.ApiListFor(camera, data).Select(e => (string)e!["id"]!).ToList();
        var speakerIds = ApiDiscoveryApi.ApiListFor(speaker, data).Select(e => (string)e!["id"]!).ToList();

        cameraIds.Should().Contain(["systemready", "basic-device-info", "param-cgi", "fwmgr"]);
        speakerIds.Should().Contain(["systemready", "basic-device-info", "param-cgi", "fwmgr"]);

        // image-size is withdrawn (not served), so the video distinction shows in the lists before the honesty rule.
        data.DefaultApiList(camera.Personality, hasVideo: true).Select(e => (string)e!["id"]!).Should().Contain("image-size");
        data.DefaultApiList(speaker.Personality, hasVideo: false).Select(e => (string)e!["id"]!).Should().NotContain("image-size");
    }

    [Fact]
    public void A_captured_model_on_another_build_of_the_same_line_uses_that_capture()
    {
        var data = new AxisEmulator.Vapix.Data.VapixDataCatalog(RepositoryPaths.VapixData);
        var later = new VapixIdentity(TestProfiles.Create("P3245-LVE", "11.11.200") with { Hardware = ShippedProfileTrees.Profile("P3245-LVE").Hardware }, "B8A44F631339");

        data.CapturedApiList("P3245-LVE", "11.11.200").Should().HaveCount(59);
        ApiDiscoveryApi.ApiListFor(later, data).Select(e => e!.ToJsonString())
            .Should().Equal(AxisEmulator.Vapix.ServedApis.ServedApiTable.OnlyServed(data.CapturedApiList("P3245-LVE", "11.11.192")!).Select(e => e!.ToJsonString()));
    }
}

public class NetworkSettingsApiTests
{
    private static readonly NetworkState Network = new()
    {
        CurrentAddress = Ipv4Address.Create("10.0.0.48", 24),
        CurrentDefaultRouter = "10.0.0.138",
        NameServers = ["1.1.1.1"],
        LinkLocalOnlyAsFallback = true,
        UseStaticDhcpFallback = false,
    };

    [Fact]
    public void Os12_uses_the_newer_layout_with_link_local_mode_and_dhcp_fallback()
    {
        var identity = new VapixIdentity(TestProfiles.Create("P3265-LVE", "12.9.57"), "B8A44F631339");

        var info = NetworkSettingsApi.NetworkInfo(identity, Network);

        var device = info["devices"]![0]!;
        device["macAddress"]!.GetValue<string>().Should().Be("b8:a4:4f:63:13:39");
        device["IPv4"]!["linkLocalMode"]!.GetValue<string>().Should().Be("fallback");
        device["IPv4"]!["useStaticDHCPFallback"]!.GetValue<bool>().Should().BeFalse();
        device["IPv4"]!["addresses"]!.AsArray().Should().ContainSingle();
        device["IPv4"]!["staticAddressConfigurations"]![0]!["address"]!.GetValue<string>().Should().Be("192.168.0.90");
        info["system"]!["hostname"]!["hostname"]!.GetValue<string>().Should().Be("axis-b8a44f631339");
        info["system"]!.AsObject().ContainsKey("globalProxies").Should().BeTrue();
    }

    [Fact]
    public void Os10_keeps_the_1_15_layout()
    {
        var identity = new VapixIdentity(TestProfiles.Create("P8815-2", "10.12.323"), "B8A44F631339");

        var ipv4 = NetworkSettingsApi.NetworkInfo(identity, Network)["devices"]![0]!["IPv4"]!.AsObject();

        ipv4.ContainsKey("linkLocalMode").Should().BeFalse();
        ipv4.ContainsKey("useStaticDHCPFallback").Should().BeFalse();
    }

    [Fact]
    public void Unsupported_versions_get_error_4001()
    {
        var call = JsonApiCall.Parse(NetworkSettingsApi.Spec, FirmwarePersonality.Os12, "{\"apiVersion\":\"1.99\",\"method\":\"getNetworkInfo\"}");

        JsonNode.Parse(call.Rejection!.Body)!["error"]!["code"]!.GetValue<int>().Should().Be(4001);
    }
}

public class AxisJsonWriterTests
{
    [Fact]
    public void Writes_like_jansson_slashes_and_unicode_unescaped_controls_as_uppercase_u()
    {
        var node = new JsonObject { ["a"] = "https://x/#/ å \"q\" \\ \n\u0001", ["n"] = 1.5, ["b"] = true, ["z"] = null, ["e"] = new JsonArray() };

        AxisJsonWriter.Write(node, JsonLayout.Spaced).Should().Be(
            "{\"a\": \"https://x/#/ å \\\"q\\\" \\\\ \\n\\u0001\", \"n\": 1.5, \"b\": true, \"z\": null, \"e\": []}");
        AxisJsonWriter.Write(new JsonObject { ["a"] = new JsonArray(1, 2), ["o"] = new JsonObject() }, JsonLayout.Indented).Should().Be(
            "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"o\": {}\n}");
    }
}
