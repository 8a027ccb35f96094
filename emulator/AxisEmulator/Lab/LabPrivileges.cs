using System.Globalization;

namespace AxisEmulator.Lab;

/// <summary>
/// Whether this process may build a lab: creating and entering network namespaces takes
/// CAP_SYS_ADMIN (ip netns's mount, setns(2)) and configuring their interfaces CAP_NET_ADMIN; root
/// has both. Read from the effective set in <c>/proc/self/status</c>, so the answer comes before
/// anything is made.
/// </summary>
public static class LabPrivileges
{
    private const int CapNetAdmin = 12;
    private const int CapSysAdmin = 21;

    /// <summary>Throws <see cref="LabUnavailableException"/> with one line saying what is missing.</summary>
    public static void Demand()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new LabUnavailableException("--network lab needs Linux network namespaces; this is " + System.Runtime.InteropServices.RuntimeInformation.OSDescription);
        }

        if (Missing(File.ReadAllText("/proc/self/status")) is { Length: > 0 } missing)
        {
            throw new LabUnavailableException($"--network lab needs root or {missing} (network namespaces, veth, a bridge); run as root, or in a container with cap_add: [NET_ADMIN, SYS_ADMIN]");
        }
    }

    /// <summary>The capabilities a <c>/proc/PID/status</c> text lacks for the lab, joined with " and "; empty when none.</summary>
    public static string Missing(string status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var line = status.Split('\n').FirstOrDefault(l => l.StartsWith("CapEff:", StringComparison.Ordinal));
        var effective = line is null ? 0UL : ulong.Parse(line["CapEff:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var missing = new List<string>();
        if ((effective & (1UL << CapNetAdmin)) == 0)
        {
            missing.Add("CAP_NET_ADMIN");
        }

        if ((effective & (1UL << CapSysAdmin)) == 0)
        {
            missing.Add("CAP_SYS_ADMIN");
        }

        return string.Join(" and ", missing);
    }
}
