using System.Collections.Concurrent;
using AxisEmulator.Core.Chaos;
using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Network;
using AxisEmulator.Core.Profiles;

namespace AxisEmulator.Core.Fleet;

/// <summary>
/// One emulator instance: the simulation clock, the hardware profiles, the emulated LAN and the
/// devices. Hosts (the executable, the test fixture, the scenario runner) build on this.
/// </summary>
public sealed class Emulator : IDisposable
{
    private readonly ConcurrentDictionary<string, Device> _devices = new(StringComparer.Ordinal);
    private readonly object _sync = new();
    private readonly List<Device> _order = [];

    public Emulator(EmulatorOptions options, ProfileCatalog profiles)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Profiles = profiles;
        Clock = new SimulationClock(options.ClockMode, options.ClockScale, wallClock: options.WallClock);
        Store = options.Store ?? (options.StateDirectory is null ? new InMemoryDeviceStateStore() : new FileDeviceStateStore(options.StateDirectory));
        Lan = ParseLan(options.DhcpPool);
        Chaos = new ChaosController(this);
    }

    public EmulatorOptions Options { get; }

    public ProfileCatalog Profiles { get; }

    public SimulationClock Clock { get; }

    public IDeviceStateStore Store { get; }

    public EmulatedLan Lan { get; }

    /// <summary>This emulator's chaos plan, if one runs.</summary>
    public ChaosController Chaos { get; }

    public int Seed => Options.Seed;

    /// <summary>Devices in the order they were added.</summary>
    public IReadOnlyList<Device> Devices
    {
        get
        {
            lock (_sync)
            {
                return _order.ToArray();
            }
        }
    }

    /// <summary>Raised after a device is added.</summary>
    public event Action<Device>? DeviceAdded;

    /// <summary>Raised after a device is removed (it has been powered off).</summary>
    public event Action<Device>? DeviceRemoved;

    public bool TryGet(string id, out Device? device) => _devices.TryGetValue(id, out device);

    /// <summary>
    /// Adds a device of <paramref name="profileId"/>. The id defaults to <c>cam-N</c>; a device whose
    /// id has stored state gets that state back (an emulator restart keeps config).
    /// </summary>
    public Device AddDevice(string profileId, string? id = null, string? serial = null)
    {
        var profile = Profiles.Get(profileId);
        lock (_sync)
        {
            id ??= NextId();
            var camera = new Device(
                new DeviceOptions
                {
                    Id = id,
                    Profile = profile,
                    Serial = serial,
                    Seed = Options.Seed,
                    Store = Store,
                    Lan = Lan,
                    TimelineCapacity = Options.TimelineCapacity,
                },
                Clock);
            if (!_devices.TryAdd(id, camera))
            {
                throw new InvalidOperationException($"A device with id '{id}' already exists.");
            }

            _order.Add(camera);
            DeviceAdded?.Invoke(camera);
            return camera;
        }
    }

    /// <summary>Powers the device off and forgets it; <paramref name="deleteState"/> also erases its stored config.</summary>
    public bool RemoveDevice(string id, bool deleteState = false)
    {
        lock (_sync)
        {
            if (!_devices.TryRemove(id, out var camera))
            {
                return false;
            }

            _order.Remove(camera);
            try
            {
                // Waits for the device's last writes, so a device added again under this id finds them.
                camera.Retire().GetAwaiter().GetResult();
            }
            finally
            {
                if (deleteState)
                {
                    Store.Delete(id);
                }

                DeviceRemoved?.Invoke(camera);
            }

            return true;
        }
    }

    /// <summary>Completes once every device's configuration changes so far are on disk.</summary>
    public Task FlushAsync() => Task.WhenAll(Devices.Select(d => d.FlushConfigAsync()));

    /// <summary>Waits for the devices' last configuration writes (an emulator restart finds them), then stops the clock.</summary>
    public void Dispose()
    {
        try
        {
            FlushAsync().GetAwaiter().GetResult();
        }
        finally
        {
            Clock.Dispose();
        }
    }

    private string NextId()
    {
        for (var n = _order.Count + 1; ; n++)
        {
            var candidate = $"cam-{n}";
            if (!_devices.ContainsKey(candidate))
            {
                return candidate;
            }
        }
    }

    private static EmulatedLan ParseLan(string? pool)
    {
        if (string.IsNullOrWhiteSpace(pool))
        {
            return new EmulatedLan();
        }

        var parts = pool.Split('-', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
        {
            throw new ArgumentException($"DHCP pool '{pool}' must be 'first-last', e.g. 192.168.0.100-192.168.0.199.", nameof(pool));
        }

        return new EmulatedLan(parts[0], parts[1]);
    }
}
