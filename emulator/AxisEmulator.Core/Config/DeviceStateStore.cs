using System.Text.Json;
using System.Text.Json.Serialization;

namespace AxisEmulator.Core.Config;

/// <summary>Where devices keep their configuration between emulator runs.</summary>
public interface IDeviceStateStore
{
    DeviceConfig? Load(string deviceId);

    void Save(string deviceId, DeviceConfig config);

    void Delete(string deviceId);
}

/// <summary>Keeps nothing: for ephemeral runs and tests.</summary>
public sealed class InMemoryDeviceStateStore : IDeviceStateStore
{
    private readonly Dictionary<string, DeviceConfig> _configs = [];
    private readonly object _sync = new();

    public DeviceConfig? Load(string deviceId)
    {
        lock (_sync)
        {
            return _configs.GetValueOrDefault(deviceId);
        }
    }

    public void Save(string deviceId, DeviceConfig config)
    {
        lock (_sync)
        {
            _configs[deviceId] = config;
        }
    }

    public void Delete(string deviceId)
    {
        lock (_sync)
        {
            _configs.Remove(deviceId);
        }
    }
}

/// <summary>
/// One JSON file per device in a state directory, written atomically (temp file, flush to disk,
/// rename over the old one) so a crash mid-write never leaves a torn or empty config.
/// </summary>
public sealed class FileDeviceStateStore : IDeviceStateStore
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    private readonly object _sync = new();

    public FileDeviceStateStore(string directory)
    {
        Directory = Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public DeviceConfig? Load(string deviceId)
    {
        var path = PathFor(deviceId);
        lock (_sync)
        {
            if (!File.Exists(path))
            {
                return null;
            }

            try
            {
                return JsonSerializer.Deserialize<DeviceConfig>(File.ReadAllText(path), Json);
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{path}: stored configuration is not valid ({ex.Message}). Move the file away to start the device from factory defaults.", ex);
            }
        }
    }

    public void Save(string deviceId, DeviceConfig config)
    {
        var path = PathFor(deviceId);
        var temp = path + ".tmp";
        lock (_sync)
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                JsonSerializer.Serialize(stream, config, Json);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
    }

    public void Delete(string deviceId)
    {
        lock (_sync)
        {
            File.Delete(PathFor(deviceId));
        }
    }

    private string PathFor(string deviceId)
    {
        if (deviceId.Length == 0 || deviceId.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')) || deviceId.StartsWith('.'))
        {
            throw new ArgumentException($"Device id '{deviceId}' may contain only letters, digits, '-', '_' and '.'.", nameof(deviceId));
        }

        return Path.Combine(Directory, deviceId + ".json");
    }
}
