using AxisEmulator.Core.Profiles;

namespace AxisEmulator.Vapix.Parameters.Hardware;

/// <summary>
/// <c>root.PTZ</c> and <c>Properties.PTZ</c>: absent (and <c>PTZ=no</c>) without PTZ, the captured
/// digital PTZ of a fixed camera, or a mechanical head's (<c>_templates/ptz-mechanical.txt</c>).
/// <c>Properties.PTZ.PTZ=yes</c> exactly when <c>root.PTZ</c> is there.
/// </summary>
internal sealed class PtzGroups : IHardwareGroups
{
    public IReadOnlyList<string> Groups { get; } = ["PTZ", "Properties.PTZ"];

    public bool Differs(HardwareSpec captured, HardwareSpec wanted) => captured.Ptz != wanted.Ptz;

    public ParameterTree Shape(ParameterTree tree, HardwareSpec wanted, HardwareTemplates templates)
    {
        switch (wanted.Ptz)
        {
            case PtzKind.None:
                // A camera without PTZ says so in the one property and has no PTZ group (estimate).
                return tree.WithoutGroup("PTZ").WithoutGroup("Properties.PTZ").With("Properties.PTZ.PTZ", "no");
            case PtzKind.Mechanical:
                tree = tree.WithoutGroup("PTZ").WithMany(templates.MechanicalPtz().Entries)
                    .With("Properties.PTZ.DigitalPTZ", "no");
                break;
            default:
                tree = tree.With("Properties.PTZ.DigitalPTZ", "yes");
                break;
        }

        tree = tree.With("Properties.PTZ.PTZ", "yes");
        return NumberedGroups.Resize(tree, "PTZ.ImageSource", 'I', Math.Max(1, wanted.ImageSources));
    }
}
