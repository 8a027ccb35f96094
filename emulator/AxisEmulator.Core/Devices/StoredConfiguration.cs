using AxisEmulator.Core.Config;

namespace AxisEmulator.Core.Devices;

/// <summary>Where a device's identity and configuration come from when it is built: the store, else the factory.</summary>
internal static class StoredConfiguration
{
    /// <summary>
    /// The stored configuration (under the options' serial, if one is given), or the factory one for
    /// a new device, which is on disk before anyone can use the device.
    /// </summary>
    public static (DeviceIdentity Identity, DeviceConfig Config) LoadOrCreate(DeviceOptions options, IDeviceStateStore store)
    {
        if (options.Serial is not null && !DeviceIdentity.IsValidSerial(options.Serial))
        {
            throw new ArgumentException($"Serial '{options.Serial}' is not 12 hexadecimal digits (e.g. ACCC8E0A1B2C).", nameof(options));
        }

        var stored = store.Load(options.Id);
        var profile = options.Profile;
        var identity = new DeviceIdentity(options.Serial ?? stored?.Serial ?? DeviceIdentity.Generate(profile.Identity.SerialOui, options.Id, options.Seed).Serial);
        var config = stored is null ? DeviceConfig.Factory(identity.Serial, profile.Firmware.Version) : stored with { Serial = identity.Serial };
        if (stored is null || stored.Serial != identity.Serial)
        {
            store.Save(options.Id, config);
        }

        return (identity, config);
    }

    /// <summary>The seed of a device's randomness (mushy contact, boot ids): the emulator's seed and the id, stable across runs.</summary>
    public static int StableSeed(int seed, string id)
    {
        var hash = 2166136261u ^ (uint)seed;
        foreach (var c in id)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }
}
