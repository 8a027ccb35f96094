using AxisEmulator.Core.Profiles;

namespace AxisEmulator.Vapix.Parameters.Hardware;

/// <summary>
/// <c>Properties.LightControl</c>: present, with a light available, when the model has built-in IR or
/// white light (the P3245-LVE capture's values); absent otherwise, as on the captured D4200-VE.
/// </summary>
internal sealed class LightGroups : IHardwareGroups
{
    public IReadOnlyList<string> Groups { get; } = ["Properties.LightControl"];

    public bool Differs(HardwareSpec captured, HardwareSpec wanted) => captured.HasLight != wanted.HasLight;

    public ParameterTree Shape(ParameterTree tree, HardwareSpec wanted, HardwareTemplates templates) =>
        wanted.HasLight
            ? tree.With("Properties.LightControl.LightControl2", "yes").With("Properties.LightControl.LightControlAvailable", "yes")
            : tree.WithoutGroup("Properties.LightControl");
}
