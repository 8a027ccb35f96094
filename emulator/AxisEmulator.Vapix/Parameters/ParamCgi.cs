using System.Text;
using AxisEmulator.Vapix.Auth;
using AxisEmulator.Vapix.Forms;

namespace AxisEmulator.Vapix.Parameters;

/// <summary>A parameter set (value) or removed (null) by a param.cgi call, for the device to persist.</summary>
public sealed record ParameterChange(string Name, string? Value);

/// <summary>The answer to a param.cgi call, the tree after it and what changed.</summary>
public sealed record ParamCgiResult(VapixResponse Response, ParameterTree Tree, IReadOnlyList<ParameterChange> Changes);

/// <summary>
/// <c>/axis-cgi/param.cgi</c> (and <c>/axis-cgi/admin/param.cgi</c>): list, update, add, remove
/// (vapix-facts §2). Arguments come from the query and/or the body. Always HTTP 200 <c>text/plain</c>;
/// failures are <c># Error:</c> / <c># Request failed:</c> lines in the body.
/// </summary>
public static class ParamCgi
{
    /// <summary>Arguments that steer the call rather than name a parameter.</summary>
    private static readonly HashSet<string> ControlArguments =
        new(StringComparer.Ordinal) { "action", "usergroup", "responseformat", "listformat", "template", "group" };

    /// <summary>Access the call needs: viewer to list, operator or admin to change (per <see cref="ParameterRules"/>).</summary>
    public static AccessLevel RequiredAccess(FormFields args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args["action"] switch
        {
            "update" => ParameterArguments(args).Select(p => ParameterRules.WriteAccess(p.Key)).DefaultIfEmpty(AccessLevel.Operator).Max(),
            "add" or "remove" => Groups(args).Select(ParameterRules.WriteAccess).DefaultIfEmpty(AccessLevel.Operator).Max(),
            _ => AccessLevel.Viewer,
        };
    }

    public static ParamCgiResult Handle(FormFields args, ParameterTree tree)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(tree);
        return args["action"] switch
        {
            "list" => Unchanged(tree, List(args, tree)),
            "listdefinitions" => ListDefinitions(args, tree),
            "update" => Update(args, tree),
            "add" => Add(args, tree),
            "remove" => Remove(args, tree),
            var action => Unchanged(tree, $"# Request failed: Invalid action '{action}'\n"), // [E] text
        };
    }

    /// <summary>
    /// One line per parameter, each echoing the group the way it was asked for (with or without
    /// <c>root.</c>); an unknown group gives an error line in its place. No group: the whole tree.
    /// </summary>
    private static string List(FormFields args, ParameterTree tree)
    {
        // group=A&group=B lists the same as group=A,B: one key per listing, rendered once per tree.
        return tree.Rendered(GroupArgument(args), static (t, asked) => Listing(t, Groups(asked)));
    }

    /// <summary>The definitions of the asked groups (all without one); an unknown group answers its list error line.</summary>
    private static ParamCgiResult ListDefinitions(FormFields args, ParameterTree tree)
    {
        var groups = Groups(args);
        if (groups.FirstOrDefault(g => !tree.HasGroup(g)) is { } unknown)
        {
            return Unchanged(tree, $"# Error: Error -1 getting param in group '{unknown}'\n");
        }

        var names = groups.Count == 0 ? null : groups.SelectMany(tree.InGroup).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var entries = names is null ? tree.Entries : tree.Entries.Where(e => names.Contains(e.Key));
        var xml = ParameterDefinitions.Render(tree, entries);
        return new ParamCgiResult(VapixResponse.Ok(ParameterDefinitions.XmlContentType, xml), tree, []);
    }

    /// <summary>The <c>group</c> values as one comma list (the usual single value as it is).</summary>
    private static string GroupArgument(FormFields args)
    {
        string? single = null;
        List<string>? several = null;
        foreach (var (key, value) in args.All)
        {
            if (key != "group")
            {
                continue;
            }

            if (single is null)
            {
                single = value;
            }
            else
            {
                (several ??= [single]).Add(value);
            }
        }

        return several is null ? single ?? "" : string.Join(',', several);
    }

    private static string Listing(ParameterTree tree, List<string> groups)
    {
        if (groups.Count == 0)
        {
            return string.Concat(tree.ToLines().Select(l => l + "\n"));
        }

        var body = new StringBuilder();
        foreach (var group in groups)
        {
            var prefix = group.StartsWith(ParameterTree.RootPrefix, StringComparison.Ordinal) || group == "root"
                ? ParameterTree.RootPrefix
                : "";
            var matches = tree.InGroup(group).ToList();
            if (matches.Count == 0)
            {
                body.Append("# Error: Error -1 getting param in group '").Append(group).Append("'\n");
            }

            foreach (var (name, value) in matches)
            {
                body.Append(prefix).Append(name).Append('=').Append(value).Append('\n');
            }
        }

        return body.ToString();
    }

    /// <summary>
    /// <c>OK</c> (no newline, as captured) when every parameter was set. Otherwise one error line per
    /// refused parameter (unknown or read-only) and nothing is changed ([E]: the device's behaviour
    /// for mixed updates is not captured).
    /// </summary>
    private static ParamCgiResult Update(FormFields args, ParameterTree tree)
    {
        var updates = ParameterArguments(args);
        var refused = updates.Where(u => !tree.Contains(u.Key) || ParameterRules.IsReadOnly(u.Key)).ToList();
        if (refused.Count > 0)
        {
            return Unchanged(tree, string.Concat(refused.Select(u => $"# Error: Error setting '{u.Key}' to '{u.Value}'!\n")));
        }

        var changes = updates.Select(u => new ParameterChange(ParameterTree.StripRoot(u.Key), u.Value)).ToList();
        return new ParamCgiResult(Text("OK"), tree.WithMany(changes.Select(c => KeyValuePair.Create(c.Name, c.Value!))), changes);
    }

    /// <summary>
    /// <c>action=add&amp;group=StreamProfile&amp;StreamProfile.S.Name=x</c> creates the next free
    /// <c>StreamProfile.S&lt;n&gt;</c> with the given parameters and answers <c>S&lt;n&gt; OK</c>.
    /// A documented <c>template=</c> (<see cref="AddTemplates"/>) creates its parameters first, with
    /// the ones sent laid over them; an unknown template adds nothing.
    /// </summary>
    private static ParamCgiResult Add(FormFields args, ParameterTree tree)
    {
        var group = Groups(args).FirstOrDefault() is { } g ? ParameterTree.StripRoot(g) : null;
        if (group is null || !tree.HasGroup(group))
        {
            return Unchanged(tree, $"# Request failed: Error -1 adding to group '{group}'\n");
        }

        var prefix = group + ".";
        var members = ParameterArguments(args)
            .Select(p => (Name: ParameterTree.StripRoot(p.Key), p.Value))
            .Where(p => p.Name.StartsWith(prefix, StringComparison.Ordinal) && p.Name[prefix.Length..].Contains('.', StringComparison.Ordinal))
            .ToList();
        var template = AddTemplates.Find(args["template"], group);
        if (args["template"] is { Length: > 0 } && template is null)
        {
            return Unchanged(tree, $"# Request failed: Error -1 adding to group '{group}' with template '{args["template"]}'\n");
        }

        var letter = members.Count > 0 ? members[0].Name[prefix.Length..].Split('.')[0] : template?.Letter ?? "";
        var defaults = template?.Defaults.Select(d => (Name: $"{prefix}{letter}.{d.Key}", d.Value)).Where(d => !members.Any(m => m.Name == d.Name)) ?? [];
        members = [.. defaults, .. members];
        if (letter.Length == 0 || !letter.All(char.IsAsciiLetter) || !WithinMaxGroups(tree, group))
        {
            return Unchanged(tree, $"# Request failed: Error -1 adding to group '{group}'\n");
        }

        var index = Enumerable.Range(0, int.MaxValue).First(i => !tree.HasGroup($"{prefix}{letter}{i}"));
        var entry = $"{letter}{index}";
        var changes = members
            .Select(m => new ParameterChange($"{prefix}{entry}.{m.Name[(prefix.Length + letter.Length + 1)..]}", m.Value))
            .ToList();
        return new ParamCgiResult(Text($"{entry} OK"), tree.WithMany(changes.Select(c => KeyValuePair.Create(c.Name, c.Value!))), changes);
    }

    /// <summary>
    /// <c>action=remove&amp;group=A.S7,A.S8</c>: every group must be an existing entry of a top-level
    /// group (two names or more, no wildcard, not read-only), then all go. A whole top-level group, or
    /// <c>root</c>, is never removable.
    /// </summary>
    private static ParamCgiResult Remove(FormFields args, ParameterTree tree)
    {
        var groups = Groups(args).Select(ParameterTree.StripRoot).ToList();
        var missing = groups.FirstOrDefault(g =>
            g.Split('.').Length < 2 || g.Contains('*', StringComparison.Ordinal) || !tree.HasGroup(g) || ParameterRules.IsReadOnly(g + "."));
        if (groups.Count == 0 || missing is not null)
        {
            return Unchanged(tree, $"# Request failed: Error -1 removing group '{missing}'\n");
        }

        var changes = groups.SelectMany(g => tree.InGroup(g)).Select(e => new ParameterChange(e.Key, null)).ToList();
        var after = groups.Aggregate(tree, (t, g) => t.WithoutGroup(g));
        return new ParamCgiResult(Text("OK"), after, changes);
    }

    private static bool WithinMaxGroups(ParameterTree tree, string group)
    {
        if (!int.TryParse(tree[$"{group}.MaxGroups"], System.Globalization.CultureInfo.InvariantCulture, out var max))
        {
            return true;
        }

        var entries = tree.InGroup(group).Select(e => e.Key.Split('.')).Where(s => s.Length > 2).Select(s => s[1]).Distinct().Count();
        return entries < max;
    }

    /// <summary>All <c>group=</c> values, comma lists split, in request order.</summary>
    private static List<string> Groups(FormFields args) => Groups(GroupArgument(args));

    private static List<string> Groups(string commaList) =>
        commaList.Split(',').Select(g => g.Trim()).Where(g => g.Length > 0).ToList();

    private static List<KeyValuePair<string, string>> ParameterArguments(FormFields args) =>
        args.All.Where(f => !ControlArguments.Contains(f.Key)).ToList();

    private static VapixResponse Text(string body) => VapixResponse.Ok(VapixContentTypes.Text, body);

    private static ParamCgiResult Unchanged(ParameterTree tree, string body) => new(Text(body), tree, []);
}
