namespace AxisEmulator.Vapix.Parameters;

/// <summary>
/// The order param.cgi lists parameters in, checked against both full captured trees: at every
/// level a group's own parameters come before its subgroups, and names sort case-insensitively
/// (<c>BootProto, ..., tcpECN</c> then <c>Bonjour, DHCP, eth0, ...</c>). Ties break ordinally so the
/// order is total and case-sensitive names stay distinct.
/// </summary>
public sealed class ParameterNameComparer : IComparer<string>
{
    public static ParameterNameComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var a = x.Split('.');
        var b = y.Split('.');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            if (a[i] == b[i])
            {
                continue;
            }

            var aIsLeaf = i == a.Length - 1;
            var bIsLeaf = i == b.Length - 1;
            if (aIsLeaf != bIsLeaf)
            {
                return aIsLeaf ? -1 : 1;
            }

            var folded = string.Compare(a[i], b[i], StringComparison.OrdinalIgnoreCase);
            return folded != 0 ? folded : string.CompareOrdinal(a[i], b[i]);
        }

        return a.Length.CompareTo(b.Length);
    }
}
