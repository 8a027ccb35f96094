using System.Text.Json;
using System.Text.Json.Serialization;

namespace AxisEmulator.Core.Config;

/// <summary>
/// One JSON file per device in a state directory, written atomically and durably: temp file, flush
/// to disk, rename over the old one, then (where the platform allows) flush the directory so the
/// rename itself survives a power cut. A crash mid-write never leaves a torn or empty config. No
/// lock: each device's file has one writer (<see cref="DeviceConfigWriter"/>), and devices write
/// their own files side by side.
/// </summary>
public sealed class FileDeviceStateStore : IDeviceStateStore
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public FileDeviceStateStore(string directory)
    {
        Directory = Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public DeviceConfig? Load(string deviceId)
    {
        var path = PathFor(deviceId);
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

    public void Save(string deviceId, DeviceConfig config)
    {
        var path = PathFor(deviceId);
        var temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, config, Json);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
        DirectorySync.Flush(Directory);
    }

    public void Delete(string deviceId)
    {
        File.Delete(PathFor(deviceId));
        DirectorySync.Flush(Directory);
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
