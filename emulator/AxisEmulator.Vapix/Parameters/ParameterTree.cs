using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace AxisEmulator.Vapix.Parameters;

/// <summary>
/// A device's parameters: case-sensitive dotted names without the <c>root.</c> prefix
/// (<c>Brand.ProdFullName</c>) mapped to string values, always in param.cgi order. Immutable: every
/// change returns a new tree, so a handler can be given the current tree and hand back the next.
/// </summary>
public sealed class ParameterTree
{
    public const string RootPrefix = "root.";

    /// <summary>Group answers kept per tree; the tree never changes, so a cached answer never goes stale.</summary>
    private const int MaxCachedGroups = 256;

    private readonly ImmutableSortedDictionary<string, string> _values;
    private readonly ConcurrentDictionary<string, KeyValuePair<string, string>[]> _groups = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _renderings = new(StringComparer.Ordinal);

    private ParameterTree(ImmutableSortedDictionary<string, string> values) => _values = values;

    public static ParameterTree Empty { get; } = new(ImmutableSortedDictionary.Create<string, string>(ParameterNameComparer.Instance));

    public int Count => _values.Count;

    /// <summary>All parameters in param.cgi order.</summary>
    public IEnumerable<KeyValuePair<string, string>> Entries => _values;

    public string? this[string name] => _values.TryGetValue(StripRoot(name), out var value) ? value : null;

    public bool Contains(string name) => _values.ContainsKey(StripRoot(name));

    /// <summary>Reads <c>[root.]Name=value</c> lines, as captured from <c>param.cgi?action=list</c>; blank lines are skipped.</summary>
    public static ParameterTree FromLines(IEnumerable<string> lines)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(ParameterNameComparer.Instance);
        foreach (var line in lines)
        {
            var trimmed = line.TrimEnd('\r');
            var equals = trimmed.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                builder[StripRoot(trimmed[..equals])] = trimmed[(equals + 1)..];
            }
        }

        return new ParameterTree(builder.ToImmutable());
    }

    public static ParameterTree FromEntries(IEnumerable<KeyValuePair<string, string>> entries) =>
        Empty.WithMany(entries);

    public ParameterTree With(string name, string value) => new(_values.SetItem(StripRoot(name), value));

    public ParameterTree WithMany(IEnumerable<KeyValuePair<string, string>> entries) =>
        new(_values.SetItems(entries.Select(e => KeyValuePair.Create(StripRoot(e.Key), e.Value))));

    public ParameterTree Without(string name) => new(_values.Remove(StripRoot(name)));

    /// <summary>Removes a group and everything under it.</summary>
    public ParameterTree WithoutGroup(string group) => new(_values.RemoveRange(InGroup(group).Select(e => e.Key).ToList()));

    /// <summary>
    /// The parameter named <paramref name="group"/> or everything below it, in order. Segments of
    /// <c>*</c> match any one name (<c>ImageSource.*.Name</c>); <c>root</c> alone means everything.
    /// </summary>
    public IEnumerable<KeyValuePair<string, string>> InGroup(string group)
    {
        var pattern = StripRoot(group);
        if (pattern is "root" or "")
        {
            return _values;
        }

        // param.cgi lists the same few groups over and over (the hot path of a polling client):
        // match once per tree and group, then answer from the cache.
        if (_groups.TryGetValue(pattern, out var cached))
        {
            return cached;
        }

        var segments = pattern.Split('.');
        var matched = _values.Where(e => MatchesPrefix(e.Key, segments)).ToArray();
        if (_groups.Count < MaxCachedGroups)
        {
            _groups.TryAdd(pattern, matched);
        }

        return matched;
    }

    public bool HasGroup(string group) => InGroup(group).Any();

    /// <summary>
    /// <paramref name="render"/>(this tree, <paramref name="key"/>), computed once per tree and key
    /// (param.cgi's listing of a comma list of groups): the tree never changes, and a polling client
    /// asks for the same listing again and again.
    /// </summary>
    public string Rendered(string key, Func<ParameterTree, string, string> render)
    {
        ArgumentNullException.ThrowIfNull(render);
        if (_renderings.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var rendered = render(this, key);
        if (_renderings.Count < MaxCachedGroups)
        {
            _renderings.TryAdd(key, rendered);
        }

        return rendered;
    }

    /// <summary>The tree as param.cgi lists it without a group: <c>root.Name=value</c> lines.</summary>
    public IEnumerable<string> ToLines() => _values.Select(e => $"{RootPrefix}{e.Key}={e.Value}");

    public static string StripRoot(string name) =>
        name.StartsWith(RootPrefix, StringComparison.Ordinal) ? name[RootPrefix.Length..] : name;

    /// <summary>Whether the first segments of <paramref name="name"/> match <paramref name="pattern"/>, compared in place.</summary>
    private static bool MatchesPrefix(string name, string[] pattern)
    {
        var start = 0;
        foreach (var part in pattern)
        {
            if (start > name.Length)
            {
                return false; // the name has fewer segments than the pattern
            }

            var dot = name.IndexOf('.', start);
            var end = dot < 0 ? name.Length : dot;
            if (part != "*" && !name.AsSpan(start, end - start).SequenceEqual(part))
            {
                return false;
            }

            start = end + 1;
        }

        return true;
    }
}
