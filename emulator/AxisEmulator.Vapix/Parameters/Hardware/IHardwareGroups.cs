using AxisEmulator.Core.Profiles;

namespace AxisEmulator.Vapix.Parameters.Hardware;

/// <summary>The parameter groups one hardware fact decides, and how to shape them to a profile's hardware.</summary>
internal interface IHardwareGroups
{
    /// <summary>The groups (and single parameters) this fact owns: what may differ from the captured line.</summary>
    IReadOnlyList<string> Groups { get; }

    /// <summary>True when the profile's hardware differs from the captured model's in this fact.</summary>
    bool Differs(HardwareSpec captured, HardwareSpec wanted);

    ParameterTree Shape(ParameterTree tree, HardwareSpec wanted, HardwareTemplates templates);
}
