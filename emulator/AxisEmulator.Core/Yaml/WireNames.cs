using System.Text;

namespace AxisEmulator.Core.Yaml;

/// <summary>Builds <see cref="WireNames{T}"/>.</summary>
public static class WireNames
{
    /// <summary>Names <paramref name="values"/> with <paramref name="name"/>, in their order.</summary>
    public static WireNames<T> Of<T>(IEnumerable<T> values, Func<T, string> name)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(name);
        return new WireNames<T>(values.Select(v => new KeyValuePair<string, T>(name(v), v)));
    }

    /// <summary>Every value of <typeparamref name="T"/>, named with <paramref name="name"/>.</summary>
    public static WireNames<T> Of<T>(Func<T, string> name)
        where T : struct, Enum => Of(Enum.GetValues<T>(), name);

    /// <summary>"ModelMismatch" → "model-mismatch": a dash before every capital but the first, all lower case.</summary>
    public static string Kebab(string pascal)
    {
        ArgumentNullException.ThrowIfNull(pascal);
        var builder = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]))
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(pascal[i]));
        }

        return builder.ToString();
    }
}

/// <summary>
/// The names an enum's values have in files (<c>reset-armed</c>, <c>802.3at</c>, <c>cat5e</c>), in the
/// order messages list them. Matching is exact: a near miss gets a "did you mean" instead.
/// </summary>
public sealed class WireNames<T>
    where T : struct
{
    private readonly KeyValuePair<string, T>[] _pairs;

    public WireNames(IEnumerable<KeyValuePair<string, T>> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        _pairs = [.. pairs];
        Names = [.. _pairs.Select(p => p.Key)];
    }

    /// <summary>Every name, in order.</summary>
    public IReadOnlyList<string> Names { get; }

    public bool TryParse(string name, out T value)
    {
        foreach (var (key, candidate) in _pairs)
        {
            if (string.Equals(key, name, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The name of <paramref name="value"/>; throws when it has none.</summary>
    public string NameOf(T value) =>
        _pairs.FirstOrDefault(p => EqualityComparer<T>.Default.Equals(p.Value, value)).Key
            ?? throw new ArgumentOutOfRangeException(nameof(value), value, "no wire name");
}
