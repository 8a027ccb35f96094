using AxisEmulator.Vapix.Auth;
using AxisEmulator.Vapix.Data;
using AxisEmulator.Vapix.Forms;
using AxisEmulator.Vapix.Parameters;
using AxisEmulator.Vapix.Snapshots;
using AxisEmulator.Vapix.Tests.Captures;
using AxisEmulator.Vapix.Tests.Support;

namespace AxisEmulator.Vapix.Tests.Parameters;

/// <summary>
/// Replays every <c>parameter_management_*</c> cassette through param.cgi with the tree the factory
/// builds for the captured model, and compares the answers byte for byte.
/// </summary>
public class ParamCgiGoldenTests
{
    private static readonly ParameterTreeFactory Factory = new(new VapixDataCatalog(RepositoryPaths.VapixData));

    public static TheoryData<string, string> Cassettes => CaptureLibrary.KeysByDevice("parameter_management_");

    [Theory]
    [MemberData(nameof(Cassettes))]
    public void Answers_match_the_capture_byte_for_byte(string cassetteKey, string device)
    {
        var cassette = CaptureLibrary.Default[cassetteKey];
        var identity = CapturedDevices.Identity(CapturedDevice.Parse(device));
        var tree = Factory.Build(InputsMatching(cassette, identity));

        foreach (var exchange in cassette.Exchanges)
        {
            var result = ParamCgi.Handle(FormFields.Parse(exchange.Request.Query, exchange.Request.Body), tree);

            result.Response.StatusCode.Should().Be(exchange.Response.Status);
            result.Response.ContentType.Should().Be("text/plain");
            result.Response.Body.Should().Be(exchange.Response.Body, $"exchange {exchange.Index} of {cassetteKey} on {device}");
            tree = result.Tree;
        }
    }

    /// <summary>
    /// The device state the capture was taken in. A full list shows the device-owned values (network,
    /// policy) the recorder saw; a sequence starting with a list shows the value it started from.
    /// Everything else must come from the model's data.
    /// </summary>
    private static ParameterInputs InputsMatching(CaptureCassette cassette, DeviceIdentity identity)
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
        return new ParameterInputs(identity, new NetworkSnapshot()) { Overrides = startState };
    }

    private static NetworkSnapshot NetworkOf(ParameterTree listed)
    {
        static int Prefix(string mask) => mask.Split('.').Sum(o => System.Numerics.BitOperations.PopCount(uint.Parse(o, System.Globalization.CultureInfo.InvariantCulture)));
        string Value(string name) => listed[name]!;
        Ipv4Address? Address(string prefix) => Value(prefix + "IPAddress") is { Length: > 0 } ip
            ? new Ipv4Address(ip, Prefix(Value(prefix + "SubnetMask")), listed[prefix + "Broadcast"] ?? "")
            : null;

        return new NetworkSnapshot
        {
            BootProtocol = Value("Network.BootProto") == "dhcp" ? BootProtocol.Dhcp : BootProtocol.Static,
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
