using System.Globalization;
using System.Text.Json.Nodes;
using AxisEmulator.Vapix.Data;
using AxisEmulator.Vapix.Json;
using AxisEmulator.Vapix.Snapshots;
using AxisEmulator.Vapix.Tests.Captures;
using AxisEmulator.Vapix.Tests.ServedApis;
using AxisEmulator.Vapix.Tests.Support;

namespace AxisEmulator.Vapix.Tests.Json;

/// <summary>
/// Replays every captured JSON CGI call and compares the answer byte for byte. Inputs the device
/// owns (serial, uptime, bootid, network state) are set to the scrubbed values the capture shows.
/// </summary>
public class JsonApiGoldenTests
{
    private static readonly VapixDataCatalog Data = new(RepositoryPaths.VapixData);

    public static TheoryData<string, string> BasicDeviceInfo => CaptureLibrary.KeysByDevice("basic_device_info_");

    public static TheoryData<string, string> ApiDiscovery => CaptureLibrary.KeysByDevice("api_discovery_");

    public static TheoryData<string, string> SystemReady => CaptureLibrary.KeysByDevice("system_ready_");

    public static TheoryData<string, string> NetworkSettings => CaptureLibrary.KeysByDevice("network_settings_1_get_network_info");

    public static TheoryData<string, string> FirmwareManagement => CaptureLibrary.KeysByDevice("firmware_management_");

    [Theory]
    [MemberData(nameof(BasicDeviceInfo))]
    public void Basic_device_info_matches(string cassetteKey, string device)
    {
        var identity = CapturedDevices.Identity(CapturedDevice.Parse(device));

        Replay(cassetteKey, device, BasicDeviceInfoApi.Spec, call => BasicDeviceInfoApi.Handle(call, identity));
    }

    [Theory]
    [MemberData(nameof(ApiDiscovery))]
    public void Api_discovery_matches(string cassetteKey, string device)
    {
        var captured = CapturedDevice.Parse(device);
        // The captured model's own hardware: the list offers light-control only where there is a light.
        var profile = TestProfiles.Create(captured.Model, captured.Version) with { Hardware = ShippedProfileTrees.Profile(captured.Model).Hardware };
        var identity = new VapixIdentity(profile, CapturedDevices.ScrubbedSerial);

        Replay(cassetteKey, device, ApiDiscoveryApi.Spec, call => ApiDiscoveryApi.Handle(call, ApiDiscoveryApi.ApiListFor(identity, Data)), expected: HonestCapture.ApiList);
    }

    [Theory]
    [MemberData(nameof(SystemReady))]
    public void System_ready_matches(string cassetteKey, string device)
    {
        var state = new SystemReadyState(Ready: true, NeedSetup: false, Uptime: TimeSpan.Zero, BootId: Guid.Empty);

        Replay(cassetteKey, device, SystemReadyApi.Spec, call => SystemReadyApi.Handle(call, state));
    }

    [Theory]
    [MemberData(nameof(NetworkSettings))]
    public void Network_settings_match(string cassetteKey, string device)
    {
        var captured = CapturedDevice.Parse(device);
        var identity = new VapixIdentity(TestProfiles.Create(captured.Model, captured.Version), CapturedDevices.ScrubbedSerial);
        var answer = JsonNode.Parse(CaptureLibrary.Default[cassetteKey].Exchanges.Single().Response.Body)!["data"]!;

        Replay(cassetteKey, device, NetworkSettingsApi.Spec, call => NetworkSettingsApi.Handle(call, identity, NetworkStateIn(answer)));
    }

    [Theory]
    [MemberData(nameof(FirmwareManagement))]
    public void Firmware_management_errors_match(string cassetteKey, string device)
    {
        // The JSON is the first part of the multipart upload; the image (second part) does not fit the device.
        Replay(cassetteKey, device, FirmwareManagementApi.Spec, call => call.Fail(FirmwareManagementErrors.ImageMismatch), FirstMultipartPart);
    }

    private static void Replay(
        string cassetteKey, string device, JsonApiSpec spec, Func<JsonApiCall, VapixResponse> handle, Func<CapturedRequest, string>? body = null, Func<string, string>? expected = null)
    {
        var personality = CapturedPersonality.Of(CapturedDevice.Parse(device));
        foreach (var exchange in CaptureLibrary.Default[cassetteKey].Exchanges)
        {
            var call = JsonApiCall.Parse(spec, personality, (body ?? (r => r.Body))(exchange.Request));
            var response = handle(call);

            response.StatusCode.Should().Be(exchange.Response.Status);
            response.ContentType.Should().StartWith("application/json");
            response.Body.Should().Be((expected ?? (b => b))(exchange.Response.Body), $"{cassetteKey} on {device}");
        }
    }

    private static string FirstMultipartPart(CapturedRequest request)
    {
        var boundary = "--" + request.ContentType!.Split("boundary=")[1];
        var part = request.Body.Split(boundary)[1];
        return part[(part.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..].TrimEnd('\r', '\n');
    }

    /// <summary>The device-owned network values the capture reports, as a snapshot.</summary>
    private static NetworkState NetworkStateIn(JsonNode data)
    {
        var system = data["system"]!;
        var ipv4 = data["devices"]![0]!["IPv4"]!;
        var addresses = ipv4["addresses"]!.AsArray();
        Ipv4Address? Address(string origin) => addresses.FirstOrDefault(a => (string)a!["origin"]! == origin) is { } a
            ? new Ipv4Address((string)a["address"]!, (int)a["prefixLength"]!, (string?)a["broadcast"] ?? "")
            : null;
        var staticAddress = ipv4["staticAddressConfigurations"]![0]!;
        return new NetworkState
        {
            StaticAddress = new Ipv4Address((string)staticAddress["address"]!, (int)staticAddress["prefixLength"]!, (string)staticAddress["broadcast"]!),
            StaticDefaultRouter = (string)ipv4["staticDefaultRouter"]!,
            CurrentAddress = Address("dhcp"),
            CurrentDefaultRouter = (string)ipv4["defaultRouter"]!,
            LinkLocalAddress = Address("linkLocal"),
            NameServers = system["resolver"]!["nameServers"]!.AsArray().Select(n => (string)n!).ToList(),
            DomainName = (string)system["resolver"]!["domainName"]!,
            StaticHostName = (string)system["hostname"]!["staticHostname"]!,
        };
    }
}
