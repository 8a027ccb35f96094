using AxisEmulator.Core.Profiles;

namespace AxisEmulator.Vapix.Parameters.Hardware;

/// <summary>
/// Shapes a template tree (captured on one model) to a profile's hardware: each fact that differs from
/// the captured model's rebuilds the groups it owns (<see cref="IHardwareGroups"/>); a fact that is the
/// same leaves the captured groups untouched, so a profile with the captured hardware serves the line as captured.
/// </summary>
public static class HardwareShaping
{
    // Image sources first: the PTZ groups are sized by them.
    private static readonly IHardwareGroups[] Facts =
        [new ImageSourceGroups(), new PtzGroups(), new AudioGroups(), new LightGroups(), new StorageGroups()];

    public static ParameterTree Shape(ParameterTree tree, HardwareSpec captured, HardwareSpec wanted, HardwareTemplates templates)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(captured);
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentNullException.ThrowIfNull(templates);
        foreach (var fact in Facts.Where(f => f.Differs(captured, wanted)))
        {
            tree = fact.Shape(tree, wanted, templates);
        }

        return tree;
    }

    /// <summary>The groups that may differ from the captured line for this hardware (the shape test's explained differences).</summary>
    public static IReadOnlyList<string> ShapedGroups(HardwareSpec captured, HardwareSpec wanted) =>
        [.. Facts.Where(f => f.Differs(captured, wanted)).SelectMany(f => f.Groups)];
}
