namespace AxisEmulator.Vapix.Parameters.Hardware;

/// <summary>The group templates shaping may need besides the tree's own line (read only when needed).</summary>
/// <param name="MechanicalPtz">The <c>root.PTZ</c> group of a mechanical PTZ (<c>_templates/ptz-mechanical.txt</c>).</param>
public sealed record HardwareTemplates(Func<ParameterTree> MechanicalPtz);
