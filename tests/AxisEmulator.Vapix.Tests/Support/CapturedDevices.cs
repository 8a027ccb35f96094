using System.Text.Json.Nodes;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Vapix.Snapshots;
using AxisEmulator.Vapix.Tests.Captures;

namespace AxisEmulator.Vapix.Tests.Support;

/// <summary>
/// Profiles of the captured devices, taken from their captured <c>getAllProperties</c> answers (the
/// same model's nearest capture when that exact firmware has none), with the recorder's scrubbed serial.
/// </summary>
internal static class CapturedDevices
{
    public const string ScrubbedSerial = "0123456789AB";

    public static VapixIdentity Identity(CapturedDevice device)
    {
        var properties = PropertiesOf(device);
        string Text(string key) => properties[key]!.GetValue<string>();
        var productType = Text("ProdType");
        var profile = TestProfiles.Create(
            model: device.Model,
            version: device.Version,
            productType: productType,
            fullName: Text("ProdFullName"),
            hasVideo: productType != "Network Strobe Speaker",
            buildDate: Text("BuildDate"),
            architecture: Text("Architecture"),
            soc: Text("Soc"),
            hardwareId: Text("HardwareID")) with
        { ProductVariant = Text("ProdVariant") };
        return new VapixIdentity(profile, ScrubbedSerial) { SocSerialNumber = Text("SocSerialNumber") };
    }

    public static FirmwarePersonality Personality(CapturedDevice device) => CapturedPersonality.Of(device);

    private static JsonObject PropertiesOf(CapturedDevice device)
    {
        var candidates = CaptureLibrary.Default.Cases("basic_device_info_get_all_properties")
            .SelectMany(c => c.Devices.Select(d => (Device: d, Cassette: c)))
            .Where(x => x.Device.Model == device.Model)
            .OrderByDescending(x => x.Device.Version == device.Version)
            .ThenByDescending(x => Version.Parse(x.Device.Version))
            .ToList();
        if (candidates.Count == 0)
        {
            throw new InvalidOperationException($"No getAllProperties capture of {device.Model}.");
        }

        var body = candidates[0].Cassette.Exchanges.Single().Response.Body;
        var properties = JsonNode.Parse(body)!["data"]!["propertyList"]!.AsObject();
        if (candidates[0].Device.Version != device.Version)
        {
            properties["Version"] = device.Version;
        }

        return properties;
    }
}
