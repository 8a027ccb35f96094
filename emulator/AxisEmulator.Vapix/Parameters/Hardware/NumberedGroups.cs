using System.Globalization;
using System.Text.RegularExpressions;

namespace AxisEmulator.Vapix.Parameters.Hardware;

/// <summary>
/// Numbered groups such as <c>ImageSource.I0..In</c> or <c>AudioSource.A0..An</c>, resized to a
/// hardware count: the ones below it stay as captured, missing ones are copies of number 0, the ones
/// at or above it go.
/// </summary>
internal static partial class NumberedGroups
{
    /// <param name="valueOf">The copy's value from (number, member below the group, number 0's value).</param>
    public static ParameterTree Resize(ParameterTree tree, string group, char letter, int count, Func<int, string, string, string>? valueOf = null)
    {
        var prefix = $"{group}.{letter}";
        var numbers = Numbers(tree, prefix);
        foreach (var number in numbers.Where(n => n >= count))
        {
            tree = tree.WithoutGroup(prefix + Number(number));
        }

        var first = prefix + "0.";
        var prototype = tree.InGroup(prefix + "0").ToList();
        for (var number = 0; number < count; number++)
        {
            if (numbers.Contains(number) || prototype.Count == 0)
            {
                continue;
            }

            var copy = number;
            tree = tree.WithMany(prototype.Select(e =>
            {
                var member = e.Key[first.Length..];
                return KeyValuePair.Create(prefix + Number(copy) + "." + member, valueOf?.Invoke(copy, member, e.Value) ?? e.Value);
            }));
        }

        return tree;
    }

    /// <summary>The numbers of the groups <c>prefix0</c>, <c>prefix1</c>… present in the tree.</summary>
    public static HashSet<int> Numbers(ParameterTree tree, string prefix)
    {
        var dot = prefix.LastIndexOf('.');
        var numbers = new HashSet<int>();
        foreach (var (key, _) in tree.InGroup(prefix[..dot]))
        {
            if (key.Length > prefix.Length && key.StartsWith(prefix, StringComparison.Ordinal)
                && Numbered().Match(key, prefix.Length) is { Success: true } match && match.Index == prefix.Length)
            {
                numbers.Add(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
            }
        }

        return numbers;
    }

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\G([0-9]+)\.")]
    private static partial Regex Numbered();
}
