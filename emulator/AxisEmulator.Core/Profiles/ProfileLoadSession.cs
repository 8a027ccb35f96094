using AxisEmulator.Core.Yaml;

namespace AxisEmulator.Core.Profiles;

/// <summary>
/// One load of profiles from a directory: reads each file once (YAML → JSON → schema), resolves
/// <c>extends</c> chains, and collects every error once, however many profiles share a broken base.
/// </summary>
internal sealed class ProfileLoadSession(string directory, YamlDocumentRules yamlRules)
{
    private readonly Dictionary<string, ProfileFile?> _byId = new(StringComparer.Ordinal);
    private readonly List<FileError> _errors = [];
    private readonly HashSet<FileError> _seen = [];

    // Values the schema refused, in any file: they replace instead of merging and read as absent in the rules.
    private readonly HashSet<YNode> _invalid = new(ReferenceEqualityComparer.Instance);

    public ProfileFile ParsePath(string path)
    {
        var id = Path.GetFileNameWithoutExtension(path);
        var errors = new List<FileError>();
        if (!FileText.TryRead(path, out var text, out var unreadable))
        {
            errors.Add(unreadable);
            return Remember(new ProfileFile { Id = id, Path = path, HasErrors = true }, errors);
        }

        var root = YamlTreeReader.Read(path, text, errors, yamlRules);
        if (root is YMapping mapping)
        {
            foreach (var failure in HardwareProfileSchema.File.Evaluate(YamlJson.From(mapping)))
            {
                if (failure.At is { } at)
                {
                    _invalid.Add(at.Node);
                }

                if (YamlSchemaMessages.Describe(failure) is { } error)
                {
                    errors.Add(error);
                }
            }

            ProfileEstimates.CheckKeys(mapping, IsValid, errors);
        }
        else if (root is not null)
        {
            errors.Add(new FileError(path, root.Line, "a profile must be a mapping of keys ('key: value' lines)"));
        }

        return Remember(new ProfileFile { Id = id, Path = path, Root = root as YMapping, HasErrors = errors.Count > 0 }, errors);
    }

    public HardwareProfile? Resolve(ProfileFile leaf)
    {
        if (Chain(leaf) is not { } chain)
        {
            return null;
        }

        chain.Reverse(); // base first
        var merged = chain.Skip(1).Aggregate((YNode)chain[0].Root!, (under, file) => ProfileMerge.Merge(under, file.Root!, IsValid));
        var json = YamlJson.From(merged);
        var estimates = ProfileEstimates.Effective(chain, IsValid);
        var errors = new List<FileError>();
        MissingKeys(json, leaf, errors);
        ProfileRules.Check(new ProfileValues((YMapping)merged, IsValid), estimates, errors);
        foreach (var error in errors)
        {
            Add(error);
        }

        if (errors.Count > 0 || chain.Any(f => f.HasErrors))
        {
            return null;
        }

        return ProfileBinder.Bind(leaf.Id, leaf.Path, json.Json!, [.. estimates.Select(e => e.Key)]);
    }

    public IReadOnlyList<FileError> SortedErrors() =>
        [.. _errors.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line)];

    /// <summary>The leaf, its base, that base's base…; null (with the error recorded) when the chain is broken.</summary>
    private List<ProfileFile>? Chain(ProfileFile leaf)
    {
        if (leaf.Root is null)
        {
            return null;
        }

        var chain = new List<ProfileFile> { leaf };
        var current = leaf;
        while (current.Extends is { } extends)
        {
            if (extends is not YScalar { IsNull: false } name || !IsValid(extends))
            {
                return null; // its own error is already reported
            }

            if (Find(name.Value) is not { } target)
            {
                var known = KnownIds();
                Add(new FileError(current.Path, name.Line,
                    $"extends '{name.Value}': no such profile ({name.Value}{ProfileLoader.FileExtension}) in {directory}; known: {(known.Count == 0 ? "(none)" : string.Join(", ", known))}"));
                return null;
            }

            var start = chain.IndexOf(target);
            if (start >= 0)
            {
                // Reported once, in the file where the cycle starts (shared by every file that extends into it).
                var cycle = chain.Skip(start).Select(f => f.Id).Append(target.Id);
                Add(new FileError(target.Path, target.Extends!.Line, "extends cycle: " + string.Join(" -> ", cycle)));
                return null;
            }

            if (target.Root is null)
            {
                return null; // its own errors are already reported
            }

            chain.Add(target);
            current = target;
        }

        return chain;
    }

    /// <summary>Keys the merged profile lacks, reported in the file being loaded at the mapping that lacks them (when that file has it).</summary>
    private static void MissingKeys(YamlJson merged, ProfileFile leaf, List<FileError> errors)
    {
        foreach (var failure in HardwareProfileSchema.Complete.Evaluate(merged).Where(f => f.Keyword == "required"))
        {
            var present = failure.At?.Node as YMapping;
            var root = leaf.Root!;
            var line = failure.Path.Length > 0 && root.Find(failure.Path) is not null ? KeyLine(root, failure.Path) : root.Line;
            foreach (var key in failure.Subschema["required"]!.AsArray().Select(k => k!.GetValue<string>()))
            {
                if (present?.KeyOf(key) is null)
                {
                    errors.Add(new FileError(leaf.Path, line, $"missing required key '{(failure.Path.Length == 0 ? key : failure.Path + "." + key)}'"));
                }
            }
        }
    }

    private static int KeyLine(YMapping root, string path)
    {
        var dot = path.LastIndexOf('.');
        var parent = dot < 0 ? root : (YMapping)root.Find(path[..dot])!;
        return parent.KeyOf(path[(dot + 1)..])!.Line;
    }

    private bool IsValid(YNode node) => !_invalid.Contains(node);

    private ProfileFile? Find(string id)
    {
        if (_byId.TryGetValue(id, out var known))
        {
            return known;
        }

        var path = Path.Combine(directory, id + ProfileLoader.FileExtension);
        if (id.Length == 0 || id.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || id.Contains('/', StringComparison.Ordinal) || !File.Exists(path))
        {
            _byId[id] = null;
            return null;
        }

        return ParsePath(path);
    }

    private List<string> KnownIds() =>
        [.. Directory.EnumerateFiles(directory, "*" + ProfileLoader.FileExtension)
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Order(StringComparer.Ordinal)];

    private ProfileFile Remember(ProfileFile file, List<FileError> errors)
    {
        _byId[file.Id] = file;
        foreach (var error in errors)
        {
            Add(error);
        }

        return file;
    }

    private void Add(FileError error)
    {
        if (_seen.Add(error))
        {
            _errors.Add(error);
        }
    }
}
