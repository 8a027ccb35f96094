using AxisEmulator.Core.Profiles;

namespace AxisEmulator.Vapix.Parameters.Hardware;

/// <summary>
/// One <c>ImageSource.I&lt;n&gt;</c> per image source, and at least one view (<c>Image.I&lt;n&gt;</c>,
/// <c>Properties.Image.I&lt;n&gt;</c>) per source showing it. The captured line has eight views on one
/// sensor; a multisensor model keeps the eight and shows sensor n in view n (an estimate: no multisensor
/// tree was captured).
/// </summary>
internal sealed class ImageSourceGroups : IHardwareGroups
{
    public IReadOnlyList<string> Groups { get; } = ["ImageSource", "Image", "Properties.Image", "PTZ.ImageSource"];

    public bool Differs(HardwareSpec captured, HardwareSpec wanted) => captured.ImageSources != wanted.ImageSources;

    public ParameterTree Shape(ParameterTree tree, HardwareSpec wanted, HardwareTemplates templates)
    {
        var sources = wanted.ImageSources;
        if (sources == 0)
        {
            return tree.WithoutGroup("ImageSource").WithoutGroup("Image").WithoutGroup("Properties.Image").WithoutGroup("Properties.ImageSource");
        }

        tree = NumberedGroups.Resize(tree, "ImageSource", 'I', sources, (n, member, value) => member == "Name" ? $"Camera {n + 1}" : value)
            .With("ImageSource.NbrOfSources", NumberedGroups.Number(sources));
        var views = Math.Max(sources, NumberedGroups.Numbers(tree, "Image.I").Count);
        tree = NumberedGroups.Resize(tree, "Image", 'I', views, (n, member, value) => member == "Name" ? $"View Area {n + 1}" : value);
        tree = NumberedGroups.Resize(tree, "Properties.Image", 'I', views);
        for (var source = 0; source < sources; source++)
        {
            var view = $"Image.I{NumberedGroups.Number(source)}.";
            tree = tree.With(view + "Source", NumberedGroups.Number(source)).With(view + "Enabled", "yes");
        }

        if (tree.Contains("Image.NbrOfConfigs"))
        {
            tree = tree.With("Image.NbrOfConfigs", NumberedGroups.Number(views));
        }

        if (tree.Contains("Properties.Image.NbrOfViews"))
        {
            tree = tree.With("Properties.Image.NbrOfViews", NumberedGroups.Number(views));
        }

        return tree.HasGroup("PTZ.ImageSource") ? NumberedGroups.Resize(tree, "PTZ.ImageSource", 'I', sources) : tree;
    }
}
