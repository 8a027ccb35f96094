using System.Globalization;
using System.Text.RegularExpressions;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Core.Validation;
using AxisEmulator.Core.Yaml;

namespace AxisEmulator.Core.Fleet;

/// <summary>Reads a fleet file (see <see cref="FleetFile"/>) with every problem located by line.</summary>
internal sealed partial class FleetFileParser(ProfileCatalog profiles, string file, List<FileError> errors)
{
    /// <summary>Longest device id (it names the state file).</summary>
    internal const int MaxIdLength = 64;

    private static readonly YamlDocumentRules Rules = new()
    {
        EmptyMessage = "the file is empty; a fleet file is a mapping with 'groups' (and optionally dhcp, listeners, chaos, network)",
        FileKind = "a fleet file",
        AliasHint = "write each group out",
    };

    private static readonly string[] TopKeys = ["dhcp", "listeners", "groups", "chaos", "network"];
    private static readonly string[] DhcpKeys = ["pool"];
    private static readonly string[] ListenerKeys = ["basePort", "sharedPort"];
    private static readonly string[] GroupKeys = ["profile", "count", "idPrefix", "power", "faults"];

    public FleetFile? Parse(string text)
    {
        var root = YamlTreeReader.Read(file, text, errors, Rules);
        if (root is null)
        {
            return null;
        }

        var top = YamlFields.Of(root, "", TopKeys, errors);
        if (top is null)
        {
            return null;
        }

        var pool = top.Fields("dhcp", DhcpKeys) is { } dhcp ? Pool(dhcp) : null;
        var groups = Groups(top);
        var total = groups.Sum(g => g.Count);
        if (total > FleetFile.MaxDevices)
        {
            top.Error(top.LineOf("groups"), $"the groups add up to {total} devices; one fleet file holds at most {FleetFile.MaxDevices}: split the fleet over shards (deploy/README.md)");
        }

        var listeners = top.Fields("listeners", ListenerKeys) is { } l ? Listeners(l, total) : null;
        var chaos = top.Fields("chaos", ChaosKeys) is { } c ? Chaos(c) : null;
        var lab = top.String("network", mode => mode is "loopback" or "lab" ? null : $"must be loopback (each device on a 127.0.0.1 port) or lab (each camera in its own network namespace, on port 80 of its own address), got '{mode}'") == "lab";
        if (lab && top.Has("listeners"))
        {
            top.Error(top.LineOf("listeners"), "'listeners' does not apply with 'network: lab': each camera listens on port 80 of its own address in the lab");
        }

        return new FleetFile { Source = file, DhcpPool = pool, Listeners = listeners, Groups = groups, Chaos = chaos, LabNetwork = lab };
    }

    private static string? Pool(YamlFields dhcp)
    {
        if (!dhcp.Require("pool", "e.g. pool: 192.168.0.100-192.168.0.199"))
        {
            return null;
        }

        return dhcp.String("pool", CheckPool);
    }

    /// <summary>"first-last" with two IPv4 addresses in order.</summary>
    internal static string? CheckPool(string pool) =>
        DhcpPoolRange.TryParse(pool) switch
        {
            null => $"'{pool}' must be two IPv4 addresses 'first-last', e.g. {DhcpPoolRange.Example}",
            { EndsBeforeStart: true } range => $"the pool ends ({range.Last}) before it starts ({range.First})",
            _ => null,
        };

    private static FleetListeners? Listeners(YamlFields listeners, int devices)
    {
        var hasBase = listeners.Has("basePort");
        var hasShared = listeners.Has("sharedPort");
        if (hasBase == hasShared)
        {
            listeners.Error(listeners.KeyLine, hasBase
                ? "give either 'listeners.basePort' (a port range on 127.0.0.1) or 'listeners.sharedPort' (one port on distinct 127.0.x.y addresses), not both"
                : "'listeners' needs basePort (a port range on 127.0.0.1, e.g. basePort: 8081) or sharedPort (one port on distinct 127.0.x.y addresses, e.g. sharedPort: 80)");
            return null;
        }

        if (hasBase)
        {
            var basePort = listeners.Integer("basePort", NumberRange.Between(0, 65535));
            if (basePort is > 0 && basePort.Value + Math.Max(devices, 1) - 1 > 65535)
            {
                listeners.Error(listeners.LineOf("basePort"), $"'listeners.basePort' {basePort} leaves no room for {devices} devices (the last would need port {basePort.Value + devices - 1}); at most {65536 - devices}");
                return null;
            }

            return basePort is null ? null : new FleetListeners(basePort, null);
        }

        var shared = listeners.Integer("sharedPort", NumberRange.Between(1, 65535));
        return shared is null ? null : new FleetListeners(null, shared);
    }

    private List<FleetGroup> Groups(YamlFields top)
    {
        var groups = new List<FleetGroup>();
        if (!top.Require("groups", "e.g. groups: [ { profile: P3265-LVE, count: 10 } ]"))
        {
            return groups;
        }

        var list = top.Sequence("groups");
        if (list is null)
        {
            return groups;
        }

        if (list.Items.Count == 0)
        {
            top.Error(top.LineOf("groups"), "'groups' is empty; list at least one group, e.g. - { profile: P3265-LVE, count: 10 }");
            return groups;
        }

        var prefixes = new Dictionary<string, int>(StringComparer.Ordinal);
        var unprefixed = false;
        for (var i = 0; i < list.Items.Count; i++)
        {
            var path = $"groups[{i.ToString(CultureInfo.InvariantCulture)}]";
            var fields = YamlFields.Of(list.Items[i], path, GroupKeys, errors);
            if (fields is null)
            {
                continue;
            }

            var group = Group(fields);
            if (group is null)
            {
                continue;
            }

            if (group.IdPrefix is { } prefix)
            {
                if (prefixes.TryGetValue(prefix, out var firstLine))
                {
                    fields.Error(fields.LineOf("idPrefix"), $"idPrefix '{prefix}' is already used by the group at line {firstLine.ToString(CultureInfo.InvariantCulture)}; the ids would clash");
                    continue;
                }

                prefixes[prefix] = fields.LineOf("idPrefix");
            }
            else
            {
                unprefixed = true;
            }

            groups.Add(group);
        }

        if (unprefixed && prefixes.TryGetValue("cam", out var camLine))
        {
            errors.Add(new FileError(file, camLine, "idPrefix 'cam' clashes with the default ids (cam-1, cam-2, …) of the groups without an idPrefix; choose another prefix"));
        }

        return groups;
    }

    private FleetGroup? Group(YamlFields group)
    {
        var ok = group.Require("profile", "e.g. profile: P3265-LVE") & group.Require("count", "e.g. count: 10");
        var profileId = group.String("profile");
        HardwareProfile? profile = null;
        if (profileId is not null && !profiles.TryGet(profileId, out profile))
        {
            var message = $"unknown profile '{profileId}'";
            message += Suggest.Closest(profileId, profiles.Ids) is { } guess
                ? $"; did you mean '{guess}'?"
                : $"; known: {string.Join(", ", profiles.Ids)}";
            group.Error(group.Node("profile")!, message);
        }

        var count = group.Integer("count", NumberRange.Between(1, FleetFile.MaxDevices));
        var prefix = group.String("idPrefix", CheckPrefix);
        if (prefix is not null && count is { } n && prefix.Length + 1 + n.ToString(CultureInfo.InvariantCulture).Length > MaxIdLength)
        {
            group.Error(group.Node("idPrefix")!, $"'{group.PathOf("idPrefix")}' is too long: ids are at most {MaxIdLength} characters ('{prefix}-{n}')");
            prefix = null;
            ok = false;
        }

        var powerOk = true;
        var power = profile is null ? null : Power(group, profile, out powerOk);
        var faults = group.Fields("faults", FaultKeys) is { } f ? Faults(f) : FleetFaults.None;
        if (!ok || profile is null || count is null || (group.Has("idPrefix") && prefix is null) || faults is null || !powerOk)
        {
            return null;
        }

        return new FleetGroup(profile.Id, count.Value, prefix, power, faults, group.Line);
    }

    private static string? CheckPrefix(string prefix) =>
        IdPattern().IsMatch(prefix) && !prefix.StartsWith('.')
            ? null
            : $"'{prefix}' may hold only letters, digits, '-', '_' and '.', and may not start with '.'";

    [GeneratedRegex(@"^[A-Za-z0-9._-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
