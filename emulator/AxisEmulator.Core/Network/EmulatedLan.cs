using System.Globalization;
using System.Net;

namespace AxisEmulator.Core.Network;

/// <summary>
/// The emulated LAN the devices sit on: an optional DHCP server with a shared pool. Addresses here
/// are reported, never bound — the real listeners are on loopback.
/// </summary>
public sealed class EmulatedLan
{
    private readonly object _sync = new();
    private readonly Dictionary<string, string> _leases = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, HashSet<string>> _holders = [];

    /// <summary>A LAN without a DHCP server: devices fall back by personality.</summary>
    public EmulatedLan()
    {
    }

    /// <summary>A LAN whose DHCP server leases <paramref name="poolStart"/>..<paramref name="poolEnd"/>.</summary>
    public EmulatedLan(string poolStart, string poolEnd)
    {
        PoolStart = ToUInt(IPAddress.Parse(poolStart));
        PoolEnd = ToUInt(IPAddress.Parse(poolEnd));
        if (PoolEnd < PoolStart)
        {
            throw new ArgumentException($"DHCP pool end {poolEnd} is before its start {poolStart}.", nameof(poolEnd));
        }

        DhcpEnabled = true;
    }

    public bool DhcpEnabled { get; }

    private uint PoolStart { get; }

    private uint PoolEnd { get; }

    /// <summary>A lease for <paramref name="serial"/> (the same one on every renewal), or null without a server or when the pool is empty.</summary>
    public string? RequestLease(string serial)
    {
        if (!DhcpEnabled)
        {
            return null;
        }

        lock (_sync)
        {
            if (_leases.TryGetValue(serial, out var existing))
            {
                return existing;
            }

            var taken = _leases.Values.ToHashSet();
            for (var candidate = PoolStart; candidate <= PoolEnd; candidate++)
            {
                var address = FromUInt(candidate);
                if (!taken.Contains(address))
                {
                    _leases[serial] = address;
                    return address;
                }
            }

            return null;
        }
    }

    /// <summary>
    /// Raised (address, the serials now holding it) whenever a device arrives at or leaves an address
    /// that others hold, so every party to an IP conflict learns of it, not only the last to arrive.
    /// </summary>
    public event Action<string, IReadOnlyList<string>>? HoldersChanged;

    /// <summary>Records that <paramref name="serial"/> now uses <paramref name="address"/>; returns the other serials using it (an IP conflict).</summary>
    public IReadOnlyList<string> Claim(string serial, string? address)
    {
        var changed = new List<(string Address, IReadOnlyList<string> Holders)>();
        IReadOnlyList<string> others = [];
        lock (_sync)
        {
            foreach (var (held, holders) in _holders)
            {
                if (held != address && holders.Remove(serial) && holders.Count > 0)
                {
                    changed.Add((held, Sorted(holders)));
                }
            }

            if (address is not null)
            {
                if (!_holders.TryGetValue(address, out var set))
                {
                    _holders[address] = set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                }

                if (set.Add(serial) && set.Count > 1)
                {
                    changed.Add((address, Sorted(set)));
                }

                others = set.Where(s => !string.Equals(s, serial, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToArray();
            }
        }

        foreach (var (held, holders) in changed)
        {
            HoldersChanged?.Invoke(held, holders);
        }

        return others;
    }

    private static string[] Sorted(IEnumerable<string> serials) => serials.Order(StringComparer.Ordinal).ToArray();

    /// <summary>The 169.254/16 address zeroconf derives from the MAC (stable per device).</summary>
    public static string LinkLocalFor(string serial)
    {
        var low = Convert.ToUInt32(serial[^4..], 16);
        var third = 1 + (int)(low >> 8) % 254;
        var fourth = (int)(low & 0xFF);
        return string.Create(CultureInfo.InvariantCulture, $"169.254.{third}.{fourth}");
    }

    private static uint ToUInt(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        if (bytes.Length != 4)
        {
            throw new ArgumentException($"{address} is not an IPv4 address.", nameof(address));
        }

        return (uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]);
    }

    private static string FromUInt(uint value) =>
        string.Create(CultureInfo.InvariantCulture, $"{value >> 24}.{(value >> 16) & 0xFF}.{(value >> 8) & 0xFF}.{value & 0xFF}");
}
