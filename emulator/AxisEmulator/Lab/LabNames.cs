using System.Text.RegularExpressions;

namespace AxisEmulator.Lab;

/// <summary>
/// The names of everything one lab makes, all under one prefix, <c>axlab-NAME-</c>: what a start
/// clears of a crashed run and what <c>lab down</c> removes is exactly what matches it.
/// </summary>
public sealed partial record LabNames
{
    public const string DefaultLab = "main";

    private LabNames(string lab) => Lab = lab;

    public string Lab { get; }

    /// <summary>The prefix of every namespace of this lab.</summary>
    public string NamespacePrefix => $"axlab-{Lab}-";

    /// <summary>The segment itself: the bridge every port joins, like a PoE switch.</summary>
    public string Switch => NamespacePrefix + "switch";

    /// <summary>Where the tool under test runs (<c>lab exec</c>).</summary>
    public string Client => NamespacePrefix + "client";

    /// <summary>The DHCP server of <c>--dhcp-pool</c> on the segment.</summary>
    public string DhcpServer => NamespacePrefix + "dhcp";

    public string Camera(int index) => $"{NamespacePrefix}cam{index}";

    /// <summary>Checks a lab name: lower-case letters and digits, 1 to 16 of them (it becomes part of namespace names).</summary>
    public static LabNames Parse(string name) =>
        Valid().IsMatch(name ?? "")
            ? new LabNames(name!)
            : throw new FormatException($"lab name '{name}' is not valid: use 1 to 16 lower-case letters or digits (it prefixes the lab's namespaces, axlab-NAME-…)");

    [GeneratedRegex("^[a-z0-9]{1,16}$")]
    private static partial Regex Valid();
}
