namespace AxisEmulator.Lab;

/// <summary>
/// The fixed parts of a lab's Ethernet segment: a bridge in the switch namespace (one broadcast
/// domain, like a PoE switch) and the client namespace on it where the tool under test runs, with an
/// address on the segment and a link-local one and no route anywhere else.
/// </summary>
internal static class LabSegment
{
    public const string Bridge = "br0";

    /// <summary>Every namespace's one Ethernet interface (the camera's and the client's).</summary>
    public const string Interface = "eth0";

    /// <summary>The client's address: on the /24 of a camera's 192.168.0.90 fallback, clear of it and of a DHCP pool's usual range.</summary>
    public const string ClientAddress = "192.168.0.250";

    /// <summary>
    /// The client's prefix: a /21 (192.168.0.0–192.168.7.255), so a DHCP server on the segment can
    /// lease well over a thousand cameras and the client still reaches every one; the fallback's /24 is in it.
    /// </summary>
    public const int ClientPrefixLength = 21;

    public const string ClientLinkLocal = "169.254.250.250";

    /// <summary>Every IPv4 multicast group (224.0.0.0/4), routed onto the segment in the client namespace.</summary>
    public const string MulticastRoute = "224.0.0.0/4";

    /// <summary>Removes every namespace of the lab (what a crashed run left, or all of a lab being taken down); returns their names.</summary>
    public static IReadOnlyList<string> Remove(LabNames names)
    {
        var present = NetworkNamespace.Named(names.NamespacePrefix);
        foreach (var name in present)
        {
            // Deleting a namespace deletes its interfaces; a veth's peer on the bridge goes with it.
            IpCommand.Run("netns", "delete", name);
        }

        return present;
    }

    /// <summary>Makes the switch and the client namespace (after clearing leftovers of the same lab).</summary>
    public static void Create(LabNames names)
    {
        Remove(names);
        AddNamespace(names.Switch);
        IpCommand.In(names.Switch, "link", "add", Bridge, "type", "bridge", "stp_state", "0");
        IpCommand.In(names.Switch, "link", "set", Bridge, "up");

        AddNamespace(names.Client);
        Plug(names, names.Client, "client", mac: null);
        IpCommand.In(names.Client, "address", "add", $"{ClientAddress}/{ClientPrefixLength}", "dev", Interface);
        IpCommand.In(names.Client, "address", "add", ClientLinkLocal + "/16", "dev", Interface);
        IpCommand.In(names.Client, "link", "set", Interface, "up");
        // Tools send to multicast groups (SSDP's and WS-Discovery's 239.255.255.250) without naming an
        // interface, as a LAN host's default route would carry them: a route onto the segment, only here.
        IpCommand.In(names.Client, "route", "replace", MulticastRoute, "dev", Interface);
    }

    public static void AddNamespace(string name)
    {
        IpCommand.Run("netns", "add", name);
        IpCommand.In(name, "link", "set", "lo", "up");
    }

    /// <summary>
    /// A veth pair from <paramref name="networkNamespace"/>'s eth0 to port <paramref name="port"/> of
    /// the bridge, created from inside that namespace (so it never exists in the host's), the bridge
    /// side up; eth0 is left down.
    /// </summary>
    public static void Plug(LabNames names, string networkNamespace, string port, string? mac)
    {
        string[] address = mac is null ? [] : ["address", mac];
        IpCommand.In(networkNamespace, ["link", "add", Interface, .. address, "type", "veth", "peer", "name", port, "netns", names.Switch]);
        IpCommand.In(names.Switch, "link", "set", port, "master", Bridge, "up");
    }
}
