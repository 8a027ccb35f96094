using AxisEmulator.Core.Config;
using AxisEmulator.Vapix.Auth;
using AxisEmulator.Vapix.Data;
using AxisEmulator.Vapix.Parameters.Hardware;
using AxisEmulator.Vapix.ServedApis;
using AxisEmulator.Vapix.Snapshots;

namespace AxisEmulator.Vapix.Parameters;

/// <summary>
/// Builds a device's parameter tree: the captured tree of its model when there is one (else the
/// template of its line, <see cref="ParameterTemplate"/>, shaped to the profile's hardware by <see cref="HardwareShaping"/>),
/// captured single values laid over it, then the values the device owns
/// (identity, firmware, network, authentication policy), then the user's changes.
/// </summary>
public sealed class ParameterTreeFactory
{
    /// <summary>The serial the capture recorder scrubbed every device to (vapix-captures/README.md).</summary>
    public const string CapturedSerial = "0123456789AB";

    private readonly VapixDataCatalog _data;

    private readonly HardwareTemplates _hardwareTemplates;

    public ParameterTreeFactory(VapixDataCatalog data)
    {
        _data = data;
        _hardwareTemplates = new HardwareTemplates(() => data.ParameterTemplate(ParameterTemplate.MechanicalPtz));
    }

    public ParameterTree Build(ParameterInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var identity = inputs.Identity;
        var tree = _data.CapturedParameters(identity.Model) is { } captured
            ? WithSerial(captured, identity)
            : Generated(identity);
        if (_data.ParameterOverlay(identity.Model) is { } overlay)
        {
            tree = tree.WithMany(WithSerial(overlay, identity).Entries);
        }

        tree = tree.WithMany(DeviceOwned(identity, inputs.Network, inputs.DefaultPolicy));
        foreach (var (name, value) in inputs.Overrides)
        {
            if (value is not null)
            {
                tree = tree.With(name, value);
            }
            else if (ParameterTree.StripRoot(name) is { Length: > 0 } group && group != "root")
            {
                tree = tree.WithoutGroup(group); // never the whole tree
            }
        }

        // Last, so nothing above can advertise an API the device does not serve (DESIGN §5).
        return AdvertisedApiProperties.WithdrawUnserved(tree, identity.Profile);
    }

    /// <summary>The template of the profile's line, filled with the model's values and shaped to its hardware.</summary>
    private ParameterTree Generated(VapixIdentity identity)
    {
        var template = ParameterTemplate.NameFor(identity.Profile);
        var filled = ParameterTemplate.Fill(_data.ParameterTemplate(template), identity);
        return HardwareShaping.Shape(filled, ParameterTemplate.CapturedHardware(template), identity.Profile.Hardware, _hardwareTemplates);
    }

    /// <summary>Puts the device's serial where the capture has the scrubbed one (host names, friendly names, MAC).</summary>
    private static ParameterTree WithSerial(ParameterTree captured, VapixIdentity identity) =>
        ParameterTree.FromEntries(captured.Entries.Select(e => KeyValuePair.Create(e.Key, e.Value
            .Replace(CapturedSerial, identity.Serial, StringComparison.Ordinal)
            .Replace(CapturedSerial.ToLowerInvariant(), identity.Serial.ToLowerInvariant(), StringComparison.Ordinal)
            .Replace("01:23:45:67:89:AB", identity.MacAddress, StringComparison.Ordinal))));

    /// <summary>Values that follow the device rather than the model capture.</summary>
    private static Dictionary<string, string> DeviceOwned(
        VapixIdentity identity, NetworkState network, AuthenticationPolicy policy)
    {
        var profile = identity.Profile;
        var firmware = profile.Firmware;
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Brand.Brand"] = "AXIS",
            ["Brand.ProdFullName"] = profile.ProductFullName,
            ["Brand.ProdNbr"] = profile.Model,
            ["Brand.ProdShortName"] = identity.ProductShortName,
            ["Brand.ProdType"] = profile.ProductType,
            ["Brand.ProdVariant"] = identity.ProductVariant,
            ["Brand.WebURL"] = identity.WebUrl,
            ["Properties.Firmware.Version"] = firmware.Version,
            ["Properties.System.SerialNumber"] = identity.Serial,
            ["Network.DHCP.VendorClass"] = $"AXIS,{profile.ProductType},{profile.Model},{firmware.Version}",
            ["Network.HTTP.AuthenticationPolicy"] = policy.ToParameterValue(),
        };

        // Empty profile fields keep what the capture (or the generator) has.
        AddIfGiven(values, "Properties.Firmware.BuildDate", firmware.BuildDate);
        AddIfGiven(values, "Properties.System.Architecture", firmware.Architecture);
        AddIfGiven(values, "Properties.System.HardwareID", firmware.HardwareId);
        AddIfGiven(values, "Properties.System.Soc", firmware.Soc);
        foreach (var (name, value) in NetworkParameters(identity, network))
        {
            values[name] = value;
        }

        return values;
    }

    private static Dictionary<string, string> NetworkParameters(VapixIdentity identity, NetworkState network)
    {
        var hostName = network.StaticHostName ?? identity.HostName;
        var current = network.CurrentAddress;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Network.BootProto"] = network.BootProtocol == BootProtocol.Dhcp ? "dhcp" : "none", // documented dhcp|none
            ["Network.IPAddress"] = network.StaticAddress.Address,
            ["Network.SubnetMask"] = network.StaticAddress.SubnetMask,
            ["Network.Broadcast"] = network.StaticAddress.Broadcast,
            ["Network.DefaultRouter"] = network.StaticDefaultRouter,
            ["Network.HostName"] = hostName,
            ["Network.VolatileHostName.HostName"] = hostName,
            ["Network.eth0.MACAddress"] = identity.MacAddress,
            ["Network.eth0.IPAddress"] = current?.Address ?? "",
            ["Network.eth0.SubnetMask"] = current?.SubnetMask ?? "",
            ["Network.eth0.Broadcast"] = current?.Broadcast ?? "",
            ["Network.Routing.DefaultRouter"] = network.CurrentDefaultRouter ?? "",
            ["Network.Resolver.NameServerList"] = string.Join(',', network.NameServers),
            ["Network.Resolver.NameServer1"] = network.NameServers.Count > 0 ? network.NameServers[0] : "",
            ["Network.ZeroConf.IPAddress"] = network.LinkLocalAddress?.Address ?? "",
            ["Network.ZeroConf.SubnetMask"] = network.LinkLocalAddress?.SubnetMask ?? "",
            ["Network.ZeroConf.Fallback"] = network.LinkLocalOnlyAsFallback ? "yes" : "no",
        };
    }

    private static void AddIfGiven(Dictionary<string, string> values, string name, string value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            values[name] = value;
        }
    }
}
