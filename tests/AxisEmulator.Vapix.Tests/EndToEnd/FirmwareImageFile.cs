using AxisEmulator.Vapix.Server;

namespace AxisEmulator.Vapix.Tests.EndToEnd;

/// <summary>An emulated firmware image on disk, for a real client to upload; deleted when disposed.</summary>
internal sealed class FirmwareImageFile : IDisposable
{
    private FirmwareImageFile(string path) => Path = path;

    public string Path { get; }

    public static async Task<FirmwareImageFile> CreateAsync(string model, string version, int paddingBytes = 0)
    {
        var file = new FirmwareImageFile(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"axis-emulator-{Guid.NewGuid():N}.bin"));
        await File.WriteAllBytesAsync(file.Path, EmulatedFirmwareImage.Create(model, version, paddingBytes: paddingBytes));
        return file;
    }

    public void Dispose() => File.Delete(Path);
}
