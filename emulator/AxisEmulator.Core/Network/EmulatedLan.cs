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
    private readonly Dictionary<string, Action<string, bool>> _watchers = new(StringComparer.OrdinalIgnoreCase);
    private volatile bool _dhcpStopped;

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

    /// <summary>The DHCP server answers (a LAN with one whose server is stopped: no leases, devices fall back).</summary>
    public bool DhcpServing => DhcpEnabled && !_dhcpStopped;

    /// <summary>Stops or restarts the DHCP server (its leases are kept, as a server's lease database is).</summary>
    public void SetDhcpServing(bool serving) => _dhcpStopped = !serving;

    /// <summary>The DHCP server's pool, or null without a server.</summary>
    public Fleet.DhcpPoolRange? Pool => DhcpEnabled ? new Fleet.DhcpPoolRange(FromUInt(PoolStart), FromUInt(PoolEnd)) : null;

    /// <summary>The address is one the DHCP server may lease.</summary>
    public bool InPool(string address) =>
        DhcpEnabled && IPAddress.TryParse(address, out var parsed) && parsed.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && ToUInt(parsed) >= PoolStart && ToUInt(parsed) <= PoolEnd;

    private uint PoolStart { get; }

    private uint PoolEnd { get; }

    /// <summary>A lease for <paramref name="serial"/> (the same one on every renewal), or null without a serving server or when the pool is empty.</summary>
    public string? RequestLease(string serial)
    {
        if (!DhcpServing)
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
    /// Asks to be told (address, shared) when the address <paramref name="serial"/> holds becomes
    /// shared with another device or stops being shared. Only the device whose situation changes is
    /// told, so a mass reset onto one address costs one notification per arrival, not one per pair.
    /// </summary>
    public void Watch(string serial, Action<string, bool> onSharingChanged)
    {
        lock (_sync)
        {
            _watchers[serial] = onSharingChanged;
        }
    }

    public void Unwatch(string serial)
    {
        lock (_sync)
        {
            _watchers.Remove(serial);
        }
    }

    /// <summary>
    /// Records that <paramref name="serial"/> now uses <paramref name="address"/> (null: none); returns
    /// how many other serials use it (an IP conflict) and the first <paramref name="named"/> of them.
    /// The devices whose address became shared or stopped being shared are told through
    /// <paramref name="tell"/> (the claiming device's outbox, so they hear of it once its gate is
    /// released), or at once when it is null.
    /// </summary>
    public AddressConflict Claim(string serial, string? address, Action<SharingChange>? tell = null, int named = AddressConflict.DefaultNamed)
    {
        var notify = new List<SharingChange>(2);
        var others = AddressConflict.None;
        lock (_sync)
        {
            foreach (var (held, holders) in _holders)
            {
                // The one device left alone on an address is no longer in conflict.
                if (held != address && holders.Remove(serial) && holders.Count == 1 && _watchers.TryGetValue(holders.First(), out var alone))
                {
                    notify.Add(new SharingChange(alone, held, Shared: false));
                }
            }

            if (address is not null)
            {
                if (!_holders.TryGetValue(address, out var set))
                {
                    _holders[address] = set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                }

                // The one device that had the address to itself is now in conflict; later arrivals
                // find it already flagged.
                if (set.Count == 1 && !set.Contains(serial) && _watchers.TryGetValue(set.First(), out var first))
                {
                    notify.Add(new SharingChange(first, address, Shared: true));
                }

                set.Add(serial);
                others = ConflictLocked(set, serial, named);
            }
        }

        foreach (var change in notify)
        {
            if (tell is null)
            {
                change.Watcher(change.Address, change.Shared);
            }
            else
            {
                tell(change);
            }
        }

        return others;
    }

    /// <summary>The other serials holding <paramref name="address"/> besides <paramref name="serial"/>.</summary>
    public IReadOnlyList<string> OthersAt(string? address, string serial)
    {
        if (address is null)
        {
            return [];
        }

        lock (_sync)
        {
            return _holders.TryGetValue(address, out var set) ? OthersLocked(set, serial) : [];
        }
    }

    /// <summary>The other serials on <paramref name="address"/>: how many, and the first few in order.</summary>
    public AddressConflict ConflictAt(string? address, string serial, int named = AddressConflict.DefaultNamed)
    {
        if (address is null)
        {
            return AddressConflict.None;
        }

        lock (_sync)
        {
            return _holders.TryGetValue(address, out var set) ? ConflictLocked(set, serial, named) : AddressConflict.None;
        }
    }

    /// <summary>
    /// Counts the others and keeps the lowest <paramref name="named"/> serials in one pass: a mass reset
    /// puts a thousand cameras on one address, and each of them claims it.
    /// </summary>
    private static AddressConflict ConflictLocked(HashSet<string> set, string serial, int named)
    {
        var first = new List<string>(named + 1);
        var count = 0;
        foreach (var holder in set)
        {
            if (string.Equals(holder, serial, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            count++;
            if (named == 0 || (first.Count == named && string.CompareOrdinal(holder, first[^1]) >= 0))
            {
                continue;
            }

            var at = first.BinarySearch(holder, StringComparer.Ordinal);
            first.Insert(at < 0 ? ~at : at, holder);
            if (first.Count > named)
            {
                first.RemoveAt(named);
            }
        }

        return count == 0 ? AddressConflict.None : new AddressConflict(count, first);
    }

    private static string[] OthersLocked(HashSet<string> set, string serial) =>
        set.Where(s => !string.Equals(s, serial, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToArray();

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

/// <summary>News for the device watching as <see cref="Watcher"/>: <see cref="Address"/>, which it holds, is now shared or no longer.</summary>
public sealed record SharingChange(Action<string, bool> Watcher, string Address, bool Shared);

/// <summary>An address shared with other devices: how many, and the first few serials in order.</summary>
public sealed record AddressConflict(int Count, IReadOnlyList<string> FirstSerials)
{
    /// <summary>How many serials a conflict names (a mass reset can put hundreds on one address).</summary>
    public const int DefaultNamed = 5;

    public static AddressConflict None { get; } = new(0, []);
}
