using System.Globalization;
using AxisEmulator.Vapix.Parameters;

namespace AxisEmulator.Vapix.IoPortManagement;

/// <summary>
/// One I/O port as the parameters describe it (<c>IOPort.I&lt;n&gt;.*</c>, generated from the
/// profile's input/output counts): the port management API is a JSON view of those parameters,
/// so param.cgi and portmanagement.cgi always agree.
/// </summary>
public sealed record IoPort(int Index, bool Configurable, string Direction, string Usage, string Name, string NormalState)
{
    public string Prefix => PrefixOf(Index);

    /// <summary>Every port of the tree, by index.</summary>
    public static IReadOnlyList<IoPort> AllIn(ParameterTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var ports = new List<IoPort>();
        for (var index = 0; tree[PrefixOf(index) + "Direction"] is { } direction; index++)
        {
            var prefix = PrefixOf(index);
            var side = direction == "output" ? "Output" : "Input";
            // Input.Trig / Output.Active name the triggered state: the normal state is the other one.
            var triggered = tree[$"{prefix}{side}.{(side == "Input" ? "Trig" : "Active")}"] ?? "closed";
            ports.Add(new IoPort(
                index,
                tree[prefix + "Configurable"] == "yes",
                direction,
                tree[prefix + "Usage"] ?? "",
                tree[$"{prefix}{side}.Name"] ?? $"Port {index + 1}",
                Opposite(triggered)));
        }

        return ports;
    }

    /// <summary>The parameters that store a port's settings (names without <c>root.</c>).</summary>
    public IEnumerable<ParameterChange> ToParameters()
    {
        var side = Direction == "output" ? "Output" : "Input";
        yield return new ParameterChange(Prefix + "Direction", Direction);
        yield return new ParameterChange(Prefix + "Usage", Usage);
        yield return new ParameterChange($"{Prefix}{side}.Name", Name);
        yield return new ParameterChange($"{Prefix}{side}.{(side == "Input" ? "Trig" : "Active")}", Opposite(NormalState));
    }

    public static string Opposite(string state) => state == "open" ? "closed" : "open";

    private static string PrefixOf(int index) => $"IOPort.I{index.ToString(CultureInfo.InvariantCulture)}.";
}
