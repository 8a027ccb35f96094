using System.Globalization;
using AxisEmulator.Core.Yaml;

namespace AxisEmulator.Core.Profiles;

/// <summary>
/// The merged profile's values by dotted key, each with the file and line that set it. A value the
/// schema refused reads as absent, so a rule never reports on top of the value's own error.
/// </summary>
internal sealed class ProfileValues(YMapping merged, Func<YNode, bool> valid)
{
    public YMapping Merged => merged;

    /// <summary>The node at <paramref name="path"/>, usable or not (null when no file sets it).</summary>
    public YNode? Node(string path) => merged.Find(path);

    /// <summary>The key node of <paramref name="path"/> in the file that set it last (where a message about a whole mapping goes).</summary>
    public YScalar? KeyOf(string path)
    {
        var dot = path.LastIndexOf('.');
        var parent = dot < 0 ? merged : merged.Find(path[..dot]) as YMapping;
        return parent?.KeyOf(path[(dot + 1)..]);
    }

    /// <summary>A valid, non-null scalar.</summary>
    public YScalar? Scalar(string path) => Node(path) is YScalar { IsNull: false } scalar && valid(scalar) ? scalar : null;

    public double? Number(string path) =>
        Scalar(path) is { Plain: true } scalar && YamlScalars.IsDecimal(scalar.Value)
            ? double.Parse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture)
            : null;

    public bool? Boolean(string path) => Scalar(path) is { Plain: true } scalar && YamlScalars.IsBool(scalar.Value, out var value) ? value : null;

    public bool IsValid(YNode node) => valid(node);
}
