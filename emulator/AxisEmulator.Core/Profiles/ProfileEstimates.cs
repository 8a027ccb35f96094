using AxisEmulator.Core.Validation;
using AxisEmulator.Core.Yaml;

namespace AxisEmulator.Core.Profiles;

/// <summary>
/// The checked <c>estimates:</c> lists: each file names the dotted keys of the values it sets that
/// are estimates. An inherited estimate stays unless a file further down the chain sets that value
/// itself (then that file vouches for it, and lists it again if it is still an estimate).
/// </summary>
internal static class ProfileEstimates
{
    /// <summary>One listed estimate and where it was listed.</summary>
    public sealed record Estimate(string Key, string File, int Line);

    /// <summary>Reports items of a file's list that name no profile key.</summary>
    public static void CheckKeys(YMapping root, Func<YNode, bool> valid, ICollection<FileError> errors)
    {
        foreach (var item in Items(root, valid))
        {
            if (!IsValueKey(item.Value))
            {
                var suggestion = Suggest.DidYouMean(item.Value, HardwareProfileSchema.Paths.Where(IsValueKey));
                errors.Add(new FileError(item.File, item.Line, $"estimate '{item.Value}' is not a profile key" + suggestion));
            }
        }
    }

    /// <summary>The estimates of the merged profile, walking the chain from its base.</summary>
    public static List<Estimate> Effective(IEnumerable<ProfileFile> chainBaseFirst, Func<YNode, bool> valid)
    {
        var effective = new List<Estimate>();
        foreach (var file in chainBaseFirst)
        {
            // A file that sets a value itself overrides the inherited provenance of that value.
            effective.RemoveAll(e => file.Root!.Find(e.Key) is not null && !HardwareProfileSchema.IsMapping(e.Key));
            foreach (var item in Items(file.Root!, valid))
            {
                if (IsValueKey(item.Value) && !effective.Exists(e => e.Key == item.Value))
                {
                    effective.Add(new Estimate(item.Value, file.Path, item.Line));
                }
            }
        }

        return effective;
    }

    private static bool IsValueKey(string key) => HardwareProfileSchema.IsKey(key) && key is not "extends" and not "estimates";

    private static IEnumerable<YScalar> Items(YMapping root, Func<YNode, bool> valid) =>
        root.Get("estimates") is YSequence list && valid(list)
            ? list.Items.OfType<YScalar>().Where(i => !i.IsNull && valid(i))
            : [];
}
