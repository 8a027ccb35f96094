using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AxisEmulator.Core.Config;
using AxisEmulator.Vapix.Forms;
using AxisEmulator.Vapix.Parameters;

namespace AxisEmulator.Vapix.Server;

/// <summary>
/// Turns param.cgi changes into the device's stored configuration: the IPv4 settings the device
/// itself uses (<c>Network.BootProto</c>, <c>IPAddress</c>, <c>SubnetMask</c>, <c>Broadcast</c>,
/// <c>DefaultRouter</c>, <c>HostName</c>) go to <see cref="NetworkSettings"/>, everything else to the
/// parameter overrides. Values are checked first, so a bad request never reaches stored config.
/// </summary>
internal static class ParameterChanges
{
    private static readonly HashSet<string> ControlArguments =
        new(StringComparer.Ordinal) { "action", "usergroup", "responseformat", "listformat", "template", "group" };

    /// <summary>
    /// For <c>action=update</c>: the error lines (in request order) when any parameter is unknown,
    /// read-only, too long or not a valid value for what it configures; null when all are fine.
    /// </summary>
    public static string? UpdateErrors(FormFields args, ParameterTree tree, int maxValueLength)
    {
        StringBuilder? errors = null;
        foreach (var (key, value) in args.All)
        {
            if (ControlArguments.Contains(key))
            {
                continue;
            }

            var name = ParameterTree.StripRoot(key);
            var refused = !tree.Contains(key) || ParameterRules.IsReadOnly(key) || value.Length > maxValueLength || !IsValid(name, value) || !FitsTree(name, value, tree);
            if (refused)
            {
                (errors ??= new StringBuilder()).Append("# Error: Error setting '").Append(key).Append("' to '").Append(value).Append("'!\n");
            }
        }

        return errors?.ToString();
    }

    /// <summary>The configuration with <paramref name="changes"/> applied (names without <c>root.</c>).</summary>
    public static DeviceConfig Apply(DeviceConfig config, IReadOnlyList<ParameterChange> changes)
    {
        var parameters = new Dictionary<string, string>(config.Parameters, StringComparer.Ordinal);
        var removed = new List<string>(config.RemovedParameters);
        var network = config.Network;
        foreach (var change in changes)
        {
            var name = ParameterTree.StripRoot(change.Name);
            if (change.Value is null)
            {
                parameters.Remove(name);
                if (!removed.Contains(name, StringComparer.Ordinal))
                {
                    removed.Add(name);
                }

                continue;
            }

            removed.Remove(name);
            if (WithNetwork(network, name, change.Value) is { } updated)
            {
                network = updated;
                parameters.Remove(name);
            }
            else
            {
                parameters[name] = change.Value;
            }
        }

        return config with { Parameters = parameters, RemovedParameters = removed, Network = network };
    }

    /// <summary>
    /// Stores <paramref name="changes"/> on the device: the one way param.cgi and the JSON/REST setters
    /// (network_settings, time, ntp, ssh) change parameters and addressing, so both read back alike.
    /// </summary>
    public static void Store(Core.Devices.Device camera, IReadOnlyList<ParameterChange> changes, string? description = null) =>
        camera.UpdateConfig(config => (Apply(config, changes), 0), description ?? Describe(changes));

    /// <summary>A short, value-free description for the timeline (values may be secrets).</summary>
    public static string Describe(IReadOnlyList<ParameterChange> changes)
    {
        var names = changes.Take(5).Select(c => (c.Value is null ? "-" : "") + c.Name);
        return $"param.cgi: {string.Join(", ", names)}{(changes.Count > 5 ? $" and {(changes.Count - 5).ToString(CultureInfo.InvariantCulture)} more" : "")}";
    }

    private static NetworkSettings? WithNetwork(NetworkSettings network, string name, string value) => name switch
    {
        "Network.BootProto" => network with { BootProto = value == "dhcp" ? BootProtocol.Dhcp : BootProtocol.None },
        "Network.IPAddress" => network with { IpAddress = value },
        "Network.SubnetMask" => network with { SubnetMask = value },
        "Network.Broadcast" => network with { Broadcast = value },
        "Network.DefaultRouter" => network with { DefaultRouter = value },
        "Network.HostName" => network with { Hostname = value },
        _ => null,
    };

    /// <summary>Whether <paramref name="value"/> is acceptable for what <paramref name="name"/> (without <c>root.</c>) configures.</summary>
    public static bool IsValid(string name, string value) => name switch
    {
        "Network.BootProto" => value is "dhcp" or "none", // documented values; "static" is not one
        "Network.IPAddress" or "Network.Broadcast" or "Network.DefaultRouter" => IsIpv4(value),
        "Network.SubnetMask" => IsSubnetMask(value),
        "Network.HostName" => IsHostName(value),
        "HTTPS.Enabled" => value.ToLowerInvariant() is "yes" or "no",
        _ => !value.Any(char.IsControl),
    };

    /// <summary>Checks that depend on other parameters: <c>HTTPS.Port</c> is not the HTTP port.</summary>
    private static bool FitsTree(string name, string value, ParameterTree tree) => name switch
    {
        "HTTPS.Port" => Https.DeviceCertificates.HttpsPortError(value, int.TryParse(tree["System.BoaPort"], CultureInfo.InvariantCulture, out var http) ? http : 80) is null,
        _ => true,
    };

    private static bool IsIpv4(string value) =>
        value.Count(c => c == '.') == 3 && IPAddress.TryParse(value, out var address) && address.AddressFamily == AddressFamily.InterNetwork;

    private static bool IsSubnetMask(string value)
    {
        if (!IsIpv4(value))
        {
            return false;
        }

        var bits = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(IPAddress.Parse(value).GetAddressBytes());
        var hostBits = ~bits;
        return bits != 0 && (hostBits & (hostBits + 1)) == 0; // ones from the top, then only zeros
    }

    private static bool IsHostName(string value) =>
        value.Length is > 0 and <= 63 && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && value[0] != '-' && value[^1] != '-';
}
