using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.RegularExpressions;
using AxisEmulator.Core.Devices;

namespace AxisEmulator.Vapix.Server;

/// <summary>
/// The firmware image format the emulated devices accept: a text header line at the very start of
/// the file, optionally followed by any padding,
/// <code>AXIS-EMULATED-FIRMWARE model=P3245-LVE version=11.11.200 signed=yes</code>
/// (a model with spaces is quoted: <c>model="A8207-VE Mk II"</c>; <c>signed</c> defaults to yes).
/// Anything else, a real Axis <c>.bin</c> included, is not an image for this device: like the real
/// firmware with a foreign binary, firmwaremanagement.cgi answers 421.
/// </summary>
public static partial class EmulatedFirmwareImage
{
    public const string Magic = "AXIS-EMULATED-FIRMWARE";

    /// <summary>How much of the upload the header must fit in.</summary>
    public const int MaxHeaderBytes = 1024;

    /// <summary>An image file for <paramref name="model"/> at <paramref name="version"/>, padded with <paramref name="paddingBytes"/> zero bytes.</summary>
    public static byte[] Create(string model, string version, bool signed = true, int paddingBytes = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(model);
        ArgumentException.ThrowIfNullOrEmpty(version);
        var modelText = model.Contains(' ', StringComparison.Ordinal) ? $"\"{model}\"" : model;
        var header = Encoding.ASCII.GetBytes($"{Magic} model={modelText} version={version} signed={(signed ? "yes" : "no")}\n");
        var image = new byte[header.Length + Math.Max(0, paddingBytes)];
        header.CopyTo(image, 0);
        return image;
    }

    /// <summary>Reads the header at the start of <paramref name="head"/> (the first bytes of the upload).</summary>
    public static bool TryParse(ReadOnlySpan<byte> head, [NotNullWhen(true)] out FirmwareImage? image)
    {
        image = null;
        var length = head.IndexOf((byte)'\n');
        var line = length < 0 ? head[..Math.Min(head.Length, MaxHeaderBytes)] : head[..length];
        if (line.Length == 0 || line.Length > MaxHeaderBytes || !line.StartsWith(Encoding.ASCII.GetBytes(Magic + " ")))
        {
            return false;
        }

        foreach (var b in line)
        {
            if (b is < 0x20 and not (byte)'\r' or > 0x7E)
            {
                return false;
            }
        }

        var match = HeaderPattern().Match(Encoding.ASCII.GetString(line).TrimEnd('\r'));
        if (!match.Success || !Core.Profiles.FirmwareVersion.TryParse(match.Groups["version"].Value, out _))
        {
            return false;
        }

        var model = match.Groups["quoted"].Success ? match.Groups["quoted"].Value : match.Groups["bare"].Value;
        image = new FirmwareImage(model, match.Groups["version"].Value, !match.Groups["signed"].Success || match.Groups["signed"].Value == "yes");
        return model.Length > 0;
    }

    [GeneratedRegex("""^AXIS-EMULATED-FIRMWARE model=(?:"(?<quoted>[^"]*)"|(?<bare>\S+)) version=(?<version>\S+)(?: signed=(?<signed>yes|no))?\s*$""", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex HeaderPattern();
}
