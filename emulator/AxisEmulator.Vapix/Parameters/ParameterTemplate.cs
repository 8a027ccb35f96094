using AxisEmulator.Core.Profiles;
using AxisEmulator.Vapix.Snapshots;

namespace AxisEmulator.Vapix.Parameters;

/// <summary>
/// The tree of a model without a captured list: the captured tree of the nearest captured line
/// (<c>hardware-profiles/vapix/_templates/</c>, see its README) with the model's own values put in
/// and the parts the profile sizes (I/O ports) rebuilt from the profile. Identity, firmware and
/// network values are laid over it afterwards by <see cref="ParameterTreeFactory"/>.
/// </summary>
public static class ParameterTemplate
{
    public const string Folder = "_templates";

    /// <summary>A video device (P3245-LVE 11.11 capture: Image, ImageSource, PTZ, Audio, StreamProfile…).</summary>
    public const string Camera = "camera";

    /// <summary>A device without a sensor (D4200-VE 12.9 capture: Audio, MediaClip, IOPort, no Image).</summary>
    public const string Device = "device";

    /// <summary>root.PTZ of a mechanical PTZ, laid over a camera tree by <see cref="Hardware.PtzGroups"/> (see the templates' README).</summary>
    public const string MechanicalPtz = "ptz-mechanical";

    /// <summary>Groups the profile sizes rather than the capture: the shape test expects them to differ.</summary>
    public static IReadOnlyList<string> ProfileSizedGroups { get; } = ["IOPort", "Input.NbrOfInputs", "Output.NbrOfOutputs"];

    /// <summary>The template a profile's tree starts from.</summary>
    public static string NameFor(HardwareProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.HasVideo ? Camera : Device;
    }

    /// <summary>The template's captured model, whose tree the template was derived from.</summary>
    public static string CapturedModel(string template) => template == Camera ? "P3245-LVE" : "D4200-VE";

    /// <summary>
    /// The hardware of the template's captured model, as its captured tree shows it (and its profile's
    /// <c>hardware:</c> block says): what the hardware shaping starts from.
    /// </summary>
    public static HardwareSpec CapturedHardware(string template) => template == Camera
        ? new HardwareSpec { ImageSources = 1, Ptz = PtzKind.Digital, Audio = new AudioSpec { Inputs = 1, Outputs = 1 }, Infrared = true, SdCard = true }
        : new HardwareSpec { ImageSources = 0, Ptz = PtzKind.None, Audio = new AudioSpec { Inputs = 1, Outputs = 1 }, SdCard = true };

    public static ParameterTree Fill(ParameterTree template, VapixIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(identity);
        var filled = ParameterTree.FromEntries(template.Entries.Select(e => KeyValuePair.Create(e.Key, e.Value
            .Replace("{ProdShortName}", identity.ProductShortName, StringComparison.Ordinal)
            .Replace("{ProdNbr}", identity.Model, StringComparison.Ordinal)
            .Replace("{HardwareID}", identity.HardwareId, StringComparison.Ordinal))));
        return filled.WithoutGroup("IOPort").WithMany(IoPortParameters.For(identity.Profile.Io));
    }
}
