using AxisEmulator.Core.Yaml;

namespace AxisEmulator.Core.Profiles;

/// <summary>
/// How <c>extends</c> combines files: mappings merge key by key, anything else is replaced by the
/// extending file's value. Every value keeps the file and line it came from.
/// </summary>
internal static class ProfileMerge
{
    /// <summary>Merges <paramref name="child"/> over <paramref name="parent"/>; a value the schema refused replaces, never merges.</summary>
    public static YNode Merge(YNode parent, YNode child, Func<YNode, bool> valid)
    {
        if (child is not YMapping over || parent is not YMapping under || !valid(child) || !valid(parent))
        {
            return child;
        }

        var entries = new List<KeyValuePair<YScalar, YNode>>(under.Entries);
        foreach (var (key, value) in over.Entries)
        {
            var index = entries.FindIndex(e => e.Key.Value == key.Value);
            if (index < 0)
            {
                entries.Add(new(key, value));
            }
            else
            {
                entries[index] = new(key, Merge(entries[index].Value, value, valid));
            }
        }

        return new YMapping(over.File, over.Line, entries);
    }
}
