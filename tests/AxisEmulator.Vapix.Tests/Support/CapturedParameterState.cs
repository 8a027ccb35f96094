using AxisEmulator.Core.Config;
using AxisEmulator.Vapix.Auth;
using AxisEmulator.Vapix.Parameters;
using AxisEmulator.Vapix.Snapshots;
using AxisEmulator.Vapix.Tests.Captures;

namespace AxisEmulator.Vapix.Tests.Support;

internal static class CapturedParameterState
{
    /// <summary>
    /// The device state the capture was taken in. A full list shows the device-owned values (network,
    /// policy) the recorder saw; a sequence starting with a list shows the value it started from.
    /// Everything else must come from the model's data.
    /// </summary>
    public static ParameterInputs InputsMatching(CaptureCassette cassette, VapixIdentity identity)
    {
        var first = cassette.Exchanges[0];
        var listed = ParameterTree.FromLines(first.Response.Body.Split('\n'));
        if (first.Request.Query == "action=list")
        {
            return new ParameterInputs(identity, NetworkOf(listed))
            {
                DefaultPolicy = AuthenticationPolicies.FromParameter(listed["Network.HTTP.AuthenticationPolicy"]),
            };
        }

        var startState = cassette.Exchanges.Count > 1
            ? listed.Entries.ToDictionary(e => e.Key, e => (string?)e.Value)
            : [];
        return new ParameterInputs(identity, new NetworkState()) { Overrides = startState };
    }

    private static NetworkState NetworkOf(ParameterTree listed)
    {
        static int Prefix(string mask) => mask.Split('.').Sum(o => System.Numerics.BitOperations.PopCount(uint.Parse(o, System.Globalization.CultureInfo.InvariantCulture)));
        string Value(string name) => listed[name]!;
        Ipv4Address? Address(string prefix) => Value(prefix + "IPAddress") is { Length: > 0 } ip
            ? new Ipv4Address(ip, Prefix(Value(prefix + "SubnetMask")), listed[prefix + "Broadcast"] ?? "")
            : null;

        return new NetworkState
        {
            BootProtocol = Value("Network.BootProto") == "dhcp" ? BootProtocol.Dhcp : BootProtocol.None,
            StaticAddress = Address("Network.")!,
            StaticDefaultRouter = Value("Network.DefaultRouter"),
            CurrentAddress = Address("Network.eth0."),
            CurrentDefaultRouter = Value("Network.Routing.DefaultRouter"),
            LinkLocalAddress = Address("Network.ZeroConf."),
            NameServers = Value("Network.Resolver.NameServerList").Split(',', StringSplitOptions.RemoveEmptyEntries),
            LinkLocalOnlyAsFallback = Value("Network.ZeroConf.Fallback") == "yes",
        };
    }
}
