using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;
using AxisEmulator.Core.Profiles;

namespace AxisEmulator.Core.Network;

/// <summary>
/// A device's face on the emulated LAN: the link, the address it takes (static, DHCP lease,
/// fallback or link-local), conflicts with others on that address, and whether it listens.
/// Driven under the device's gate.
/// </summary>
internal sealed class DeviceNetwork
{
    private readonly Device _device;
    private readonly EmulatedLan _lan;
    private NetworkAddressing? _addressing;
    private string? _address;
    private string? _linkLocal;
    private AddressOrigin _origin;
    private bool _sharedAddress;
    private List<string> _detected = [];

    public DeviceNetwork(Device device, EmulatedLan lan)
    {
        _device = device;
        _lan = lan;
        Publish();
        _lan.Watch(device.Serial, OnSharingChanged);
    }

    public bool LinkUp { get; private set; } = true;

    public bool Listening { get; private set; }

    /// <summary>The addressing now, lock-free, without the conflict list.</summary>
    public NetworkAddressing Addressing => Volatile.Read(ref _addressing)!;

    public NetworkSnapshot Snapshot => new(Listening, _address, _linkLocal, BootProto, LinkUp, Conflicts);

    public ListenerClose Close => ListenerCloses.For(Listening, _device.Boot.Phase, _device.Boot.Bricked, LinkUp);

    private BootProtocol BootProto => _device.Config.Network.BootProto;

    /// <summary>Serials sharing this device's address (empty when it has the address to itself).</summary>
    private IReadOnlyList<string> Conflicts => _sharedAddress ? _lan.OthersAt(_address, _device.Serial) : _detected;

    /// <summary>Plugs or unplugs the cable to the switch; false when it already was.</summary>
    public bool SetLink(bool up)
    {
        if (LinkUp == up)
        {
            return false;
        }

        LinkUp = up;
        Publish();
        _device.Timeline.Append(up ? new LinkRestored() : new LinkLost());
        return true;
    }

    public void AssignAddress()
    {
        var settings = _device.Config.Network;
        var serial = _device.Serial;
        _linkLocal = EmulatedLan.LinkLocalFor(serial);
        // [S] after a reset without DHCP: AXIS OS ≤ 11 falls back to 192.168.0.90, 12.x to link-local only.
        _address = settings.BootProto == BootProtocol.None ? settings.IpAddress
            : _lan.RequestLease(serial) ?? (_device.Profile.Firmware.Personality == FirmwarePersonality.Os12 ? _linkLocal : settings.IpAddress);
        Publish();
        _detected = [];
        var conflict = _lan.Claim(serial, _address, _device.TellSharingChangeLocked);
        _sharedAddress = conflict.Count > 0;
        _origin = settings.BootProto == BootProtocol.None ? AddressOrigin.Static : _lan.DhcpServing ? AddressOrigin.Dhcp : AddressOrigin.Fallback;
        _device.Timeline.Append(new AddressAssigned(_address, _linkLocal, settings.BootProto, _origin));
        if (_sharedAddress)
        {
            RecordConflict(_address!, conflict);
        }
    }

    /// <summary>
    /// A lease a real DHCP client got on the device's interface (the network lab) replaces the address
    /// taken at network-up, as the firmware's netd does: it puts the fallback on eth0, starts DHCP, and
    /// a lease replaces it (hardware-facts §3.1, fw 8.40.3). The replaced address is released; the
    /// link-local one stays (AXIS OS 12's link-local-only fallback is that address, so nothing goes).
    /// False when the device is off the network, not on DHCP, or already has the address.
    /// </summary>
    public bool AdoptLease(string address)
    {
        if (!_device.Boot.Phase.HasNetwork() || BootProto != BootProtocol.Dhcp || _address == address)
        {
            return false;
        }

        if (_address is { } replaced && replaced != _linkLocal)
        {
            _device.Timeline.Append(new AddressReleased(replaced, _origin));
        }

        _address = address;
        _origin = AddressOrigin.Dhcp;
        Publish();
        _detected = [];
        var conflict = _lan.Claim(_device.Serial, address, _device.TellSharingChangeLocked);
        _sharedAddress = conflict.Count > 0;
        _device.Timeline.Append(new AddressAssigned(address, _linkLocal, BootProto, AddressOrigin.Dhcp, LinkLocalKept: true));
        if (_sharedAddress)
        {
            RecordConflict(address, conflict);
        }

        return true;
    }

    /// <summary>
    /// Another host answered ARP for an address this device uses (the network lab's RFC 5227 probe
    /// or its ongoing detection): a conflict the emulated LAN cannot see, reported as its own are.
    /// False when the device no longer uses the address, or the conflict is known already.
    /// </summary>
    public bool ReportDetectedConflict(string address, string otherMac)
    {
        if (!_device.Boot.Phase.HasNetwork() || (address != _address && address != _linkLocal) || _sharedAddress || _detected.Contains(otherMac))
        {
            return false;
        }

        _detected = [.. _detected, otherMac];
        _device.Timeline.Append(new IpConflict(address, _detected.Count, [.. _detected.Take(AddressConflict.DefaultNamed)]));
        return true;
    }

    /// <summary>Opens or closes the listener for the phase; outside the network phases the address is given back.</summary>
    public void UpdateListening()
    {
        var phase = _device.Boot.Phase;
        var listening = phase.HasNetwork() && LinkUp && !_device.Boot.Bricked;
        if (!phase.HasNetwork())
        {
            _lan.Claim(_device.Serial, null, _device.TellSharingChangeLocked);
            _sharedAddress = false;
            _detected = [];
        }

        if (listening == Listening)
        {
            return;
        }

        Listening = listening;
        _device.Timeline.Append(listening ? new ListenerOpened() : new ListenerClosed());
        _device.RaiseListeningChangedLocked(listening);
    }

    /// <summary>Replaces <see cref="Addressing"/> when one of its parts changed.</summary>
    public void Publish()
    {
        var current = _addressing;
        if (current is null || current.IpAddress != _address || current.LinkLocalAddress != _linkLocal
            || current.BootProto != BootProto || current.LinkUp != LinkUp)
        {
            Volatile.Write(ref _addressing, new NetworkAddressing(_address, _linkLocal, BootProto, LinkUp));
        }
    }

    public void Unplug() => _lan.Unwatch(_device.Serial);

    /// <summary>
    /// The address this device holds became shared, or stopped being shared. Told by another device
    /// once its gate is released; the update runs as a clock event under this device's own gate, at
    /// the same simulated instant, after what was already due then.
    /// </summary>
    private void OnSharingChanged(string address, bool shared) => _device.ScheduleUnderGate(TimeSpan.Zero, "network: address sharing changed", () =>
    {
        if (_address != address || !_device.Boot.Phase.HasNetwork() || shared == _sharedAddress)
        {
            return;
        }

        _sharedAddress = shared;
        if (shared)
        {
            RecordConflict(address, _lan.ConflictAt(address, _device.Serial));
        }
        else
        {
            _device.Timeline.Append(new IpConflictResolved(address));
        }
    });

    // A mass reset can put hundreds on one address: name a few, count the rest.
    private void RecordConflict(string address, AddressConflict conflict) => _device.Timeline.Append(new IpConflict(address, conflict.Count, conflict.FirstSerials));
}
