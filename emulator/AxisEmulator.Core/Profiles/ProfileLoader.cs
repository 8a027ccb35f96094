using System.Globalization;
using AxisEmulator.Core.Validation;
using AxisEmulator.Core.Yaml;

namespace AxisEmulator.Core.Profiles;

/// <summary>The outcome of reading profile files without throwing: what loaded, and every error found.</summary>
public sealed record ProfileLoadResult(IReadOnlyList<HardwareProfile> Profiles, IReadOnlyList<FileError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Loads hardware-profile YAML files (<c>hardware-profiles/*.yaml</c>): resolves <c>extends</c>
/// chains (deep merge of mappings, the extending file wins), validates strictly and reports every
/// error of every file as <c>path/to/file.yaml:LINE: message</c>.
/// </summary>
/// <remarks>
/// <para>A profile's id is its file name without <c>.yaml</c>; <c>extends: X</c> names <c>X.yaml</c> in
/// the same directory. Files whose name starts with <c>_</c> (such as <c>_base.yaml</c>) are abstract:
/// they are checked for syntax, keys and types, but only complete profiles are returned.</para>
/// <para>Estimates: each file lists under <c>estimates:</c> the dotted keys of the values it sets that
/// are estimates. An inherited estimate stays unless a file further down the chain sets that value
/// itself (then that file vouches for it, and lists it again if it is still an estimate).</para>
/// </remarks>
public static class ProfileLoader
{
    public const string FileExtension = ".yaml";

    private static readonly YamlDocumentRules YamlRules = new()
    {
        EmptyMessage = "the file is empty; a profile is a mapping of keys",
        FileKind = "a profile file",
        AliasHint = "use 'extends' to share values",
    };

    /// <summary>Loads one profile (and its bases from the same directory); throws <see cref="ProfileValidationException"/> on any error.</summary>
    public static HardwareProfile LoadFile(string path)
    {
        var result = ReadFile(path);
        return result.IsValid ? result.Profiles[0] : throw new ProfileValidationException(result.Errors);
    }

    /// <summary>Loads every complete profile of a directory; throws <see cref="ProfileValidationException"/> with all errors of all files.</summary>
    public static IReadOnlyList<HardwareProfile> LoadDirectory(string directory)
    {
        var result = ReadDirectory(directory);
        return result.IsValid ? result.Profiles : throw new ProfileValidationException(result.Errors);
    }

    /// <summary>Reads one profile file without throwing on validation errors.</summary>
    public static ProfileLoadResult ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"hardware profile '{path}' does not exist", path);
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        var session = new Session(directory);
        var file = session.ParsePath(path);
        var profiles = new List<HardwareProfile>();
        if (session.Resolve(file) is { } profile)
        {
            profiles.Add(profile);
        }

        return new ProfileLoadResult(profiles, session.SortedErrors());
    }

    /// <summary>Reads every <c>*.yaml</c> of a directory without throwing on validation errors.</summary>
    public static ProfileLoadResult ReadDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"hardware-profile directory '{directory}' does not exist");
        }

        var session = new Session(directory);
        var files = Directory.EnumerateFiles(directory, "*" + FileExtension)
            .Where(f => f.EndsWith(FileExtension, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(session.ParsePath)
            .ToList();
        var profiles = new List<HardwareProfile>();
        foreach (var file in files.Where(f => !IsAbstract(f.Id)))
        {
            if (session.Resolve(file) is { } profile)
            {
                profiles.Add(profile);
            }
        }

        return new ProfileLoadResult(profiles, session.SortedErrors());
    }

    /// <summary>Abstract base files (<c>_base.yaml</c>) hold shared defaults and are not profiles themselves.</summary>
    public static bool IsAbstract(string id) => id.StartsWith('_');

    private sealed class ParsedFile
    {
        public required string Id { get; init; }

        public required string Path { get; init; }

        /// <summary>The checked tree; null when the file could not be parsed at all.</summary>
        public PNode? Tree { get; init; }

        public bool HasErrors { get; init; }

        public PNode? Extends => Tree?.Children.GetValueOrDefault("extends");

        public int RootLine => Tree?.Line ?? 1;
    }

    private sealed class Session(string directory)
    {
        private readonly Dictionary<string, ParsedFile?> _byId = new(StringComparer.Ordinal);
        private readonly List<FileError> _errors = [];
        private readonly HashSet<FileError> _seen = [];

        public ParsedFile ParsePath(string path)
        {
            var id = System.IO.Path.GetFileNameWithoutExtension(path);
            var errors = new List<FileError>();
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (IOException ex)
            {
                errors.Add(new FileError(path, 1, "cannot read the file: " + ex.Message));
                return Remember(new ParsedFile { Id = id, Path = path, HasErrors = true }, errors);
            }
            catch (UnauthorizedAccessException ex)
            {
                errors.Add(new FileError(path, 1, "cannot read the file: " + ex.Message));
                return Remember(new ParsedFile { Id = id, Path = path, HasErrors = true }, errors);
            }

            var root = YamlTreeReader.Read(path, text, errors, YamlRules);
            PNode? tree = null;
            if (root is YMapping)
            {
                tree = ProfileTree.Check(root, ProfileSchema.Root, errors);
                CheckEstimateKeys(tree, errors);
            }
            else if (root is not null)
            {
                errors.Add(new FileError(path, root.Line, "a profile must be a mapping of keys ('key: value' lines)"));
            }

            return Remember(new ParsedFile { Id = id, Path = path, Tree = tree, HasErrors = errors.Count > 0 }, errors);
        }

        public HardwareProfile? Resolve(ParsedFile leaf)
        {
            if (leaf.Tree is null)
            {
                return null;
            }

            // Walk the extends chain: leaf, its base, that base's base…
            var chain = new List<ParsedFile> { leaf };
            var current = leaf;
            while (current.Extends is { } extends)
            {
                if (!extends.IsUsable)
                {
                    return null;
                }

                var target = Find(extends.Text);
                if (target is null)
                {
                    var known = KnownIds();
                    Add(new FileError(current.Path, extends.Line,
                        $"extends '{extends.Text}': no such profile ({extends.Text}{FileExtension}) in {directory}; known: {(known.Count == 0 ? "(none)" : string.Join(", ", known))}"));
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

                if (target.Tree is null)
                {
                    return null; // its own errors are already reported
                }

                chain.Add(target);
                current = target;
            }

            chain.Reverse(); // base first
            var merged = chain[0].Tree!;
            foreach (var file in chain.Skip(1))
            {
                merged = ProfileTree.Merge(merged, file.Tree!);
            }

            var estimates = EffectiveEstimates(chain);
            var errors = new List<FileError>();
            ProfileRules.Check(merged, leaf.Tree, leaf.Path, estimates, errors);
            foreach (var error in errors)
            {
                Add(error);
            }

            if (errors.Count > 0 || chain.Any(f => f.HasErrors))
            {
                return null;
            }

            return ProfileRules.Build(leaf.Id, leaf.Path, merged, [.. estimates.Select(e => e.Key)]);
        }

        public IReadOnlyList<FileError> SortedErrors() =>
            [.. _errors.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line)];

        private static List<(string Key, string File, int Line)> EffectiveEstimates(List<ParsedFile> chainBaseFirst)
        {
            var effective = new List<(string Key, string File, int Line)>();
            foreach (var file in chainBaseFirst)
            {
                // A file that sets a value itself overrides the inherited provenance of that value.
                effective.RemoveAll(e => file.Tree!.Get(e.Key) is { } node && node.Spec.Kind != FieldKind.Mapping);
                if (file.Tree!.Children.GetValueOrDefault("estimates") is { IsUsable: true } own)
                {
                    foreach (var (key, line) in own.Items)
                    {
                        if (ProfileSchema.Find(key) is not null && !effective.Exists(e => e.Key == key))
                        {
                            effective.Add((key, file.Path, line));
                        }
                    }
                }
            }

            return effective;
        }

        private static void CheckEstimateKeys(PNode tree, List<FileError> errors)
        {
            if (tree.Children.GetValueOrDefault("estimates") is not { IsUsable: true } estimates)
            {
                return;
            }

            var paths = ProfileSchema.AllPaths().Where(p => p is not "extends" and not "estimates").ToList();
            foreach (var (key, line) in estimates.Items)
            {
                if (ProfileSchema.Find(key) is null || key is "extends" or "estimates")
                {
                    var message = $"estimate '{key}' is not a profile key";
                    if (Suggest.Closest(key, paths) is { } guess)
                    {
                        message += $"; did you mean '{guess}'?";
                    }

                    errors.Add(new FileError(estimates.File, line, message));
                }
            }
        }

        private ParsedFile? Find(string id)
        {
            if (_byId.TryGetValue(id, out var known))
            {
                return known;
            }

            var path = System.IO.Path.Combine(directory, id + FileExtension);
            if (id.Length == 0 || id.IndexOfAny(System.IO.Path.GetInvalidFileNameChars()) >= 0 || id.Contains('/', StringComparison.Ordinal) || !File.Exists(path))
            {
                _byId[id] = null;
                return null;
            }

            return ParsePath(path);
        }

        private List<string> KnownIds() =>
            [.. Directory.EnumerateFiles(directory, "*" + FileExtension)
                .Select(System.IO.Path.GetFileNameWithoutExtension)
                .OfType<string>()
                .Order(StringComparer.Ordinal)];

        private ParsedFile Remember(ParsedFile file, List<FileError> errors)
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
}

/// <summary>Checks that need the merged profile (required keys, cross-field and physical rules) and builds the record.</summary>
internal static class ProfileRules
{
    private const double Slack = 1e-9;

    public static void Check(PNode merged, PNode leaf, string leafFile, List<(string Key, string File, int Line)> estimates, List<FileError> errors)
    {
        CheckRequired(merged, leaf, leafFile, errors);

        // Reset window.
        Ordered(merged, "reset.holdMinSeconds", "reset.holdMaxSeconds", strict: false, errors, "the hold window runs from min to max");

        // Power inputs.
        var power = merged.Get("power");
        if (power is { IsUsable: true })
        {
            var poe = power.Children.GetValueOrDefault("poeClass");
            var dc = power.Children.GetValueOrDefault("dc");
            var hasPoe = poe is { IsNull: false };
            var hasDc = dc is { IsNull: false };
            if (!hasPoe && !hasDc)
            {
                errors.Add(new FileError(power.File, power.Line,
                    "'power' has no input: set power.poeClass (0-8) for PoE or power.dc {min, max} for a DC supply"));
            }

            Ordered(merged, "power.dc.min", "power.dc.max", strict: false, errors, null);

            // Loads: boot loader < kernel <= running <= peak; degraded <= peak.
            Ordered(merged, "power.loads.bootLoader", "power.loads.kernel", strict: true, errors, null);
            Ordered(merged, "power.loads.kernel", "power.loads.running", strict: false, errors, null);
            Ordered(merged, "power.loads.running", "power.loads.peak", strict: false, errors, null);
            Ordered(merged, "power.loads.degraded", "power.loads.peak", strict: false, errors, null);

            if (poe is { IsUsable: true })
            {
                var poeClass = (int)poe.Number;
                var budget = Power.PoeMath.PdWatts(poeClass);
                var canDegrade = Value(merged, "power.canRunDegraded") is { Boolean: true };
                if (Value(merged, "power.loads.running") is { } running && running.Number > budget + Slack)
                {
                    errors.Add(new FileError(running.File, running.Line,
                        $"'power.loads.running' ({Fmt(running.Number)} W) exceeds the {Fmt(budget)} W a class {poeClass.ToString(CultureInfo.InvariantCulture)} PD may draw"));
                }
                else if (!canDegrade && Value(merged, "power.loads.peak") is { } peak && peak.Number > budget + Slack)
                {
                    errors.Add(new FileError(peak.File, peak.Line,
                        $"'power.loads.peak' ({Fmt(peak.Number)} W) exceeds the {Fmt(budget)} W a class {poeClass.ToString(CultureInfo.InvariantCulture)} PD may draw; lower it or set power.canRunDegraded: true"));
                }
            }
        }

        // Boot timeline.
        Ordered(merged, "boot.bootLoaderSeconds", "boot.networkUpSeconds", strict: true, errors, null);
        Ordered(merged, "boot.networkUpSeconds", "boot.readySeconds", strict: false, errors, null);

        foreach (var (key, file, line) in estimates)
        {
            if (merged.Get(key) is null)
            {
                errors.Add(new FileError(file, line, $"estimate '{key}' names a value this profile does not set"));
            }
        }
    }

    public static HardwareProfile Build(string id, string sourceFile, PNode m, IReadOnlyList<string> estimates)
    {
        var version = Text(m, "firmware.version")!;
        var firmware = new FirmwareSpec
        {
            Version = version,
            Personality = FirmwareVersion.PersonalityOf(version),
        };
        firmware = firmware with
        {
            SingleBank = Bool(m, "firmware.singleBank") ?? firmware.SingleBank,
            UpgradeFlashSeconds = Number(m, "firmware.upgradeFlashSeconds") ?? firmware.UpgradeFlashSeconds,
            BuildDate = Text(m, "firmware.buildDate") ?? firmware.BuildDate,
            Architecture = Text(m, "firmware.architecture") ?? firmware.Architecture,
            Soc = Text(m, "firmware.soc") ?? firmware.Soc,
            HardwareId = Text(m, "firmware.hardwareId") ?? firmware.HardwareId,
        };

        var loads = new PhaseLoads
        {
            BootLoader = Number(m, "power.loads.bootLoader")!.Value,
            Kernel = Number(m, "power.loads.kernel")!.Value,
            Running = Number(m, "power.loads.running")!.Value,
            Peak = Number(m, "power.loads.peak")!.Value,
            Degraded = Number(m, "power.loads.degraded"),
        };
        var power = new PowerSpec { Loads = loads };
        power = power with
        {
            PoeClass = Number(m, "power.poeClass") is { } poeClass ? (int)poeClass : null,
            CanRunDegraded = Bool(m, "power.canRunDegraded") ?? power.CanRunDegraded,
            Dc = Number(m, "power.dc.min") is { } min && Number(m, "power.dc.max") is { } max ? new VoltageRange(min, max) : null,
            PseRetrySeconds = Number(m, "power.pseRetrySeconds") ?? power.PseRetrySeconds,
        };

        var lateRelease = ParseEnum<LateReleaseBehavior>(Text(m, "reset.lateRelease")!);
        var reset = new ResetSpec
        {
            HoldMinSeconds = Number(m, "reset.holdMinSeconds")!.Value,
            HoldMaxSeconds = Number(m, "reset.holdMaxSeconds")!.Value,
            LateRelease = lateRelease,
        };
        reset = reset with
        {
            FactoryResetSeconds = Number(m, "reset.factoryResetSeconds") ?? reset.FactoryResetSeconds,
            DebounceMilliseconds = Number(m, "reset.debounceMilliseconds") ?? reset.DebounceMilliseconds,
        };

        var boot = new BootSpec
        {
            BootLoaderSeconds = Number(m, "boot.bootLoaderSeconds")!.Value,
            NetworkUpSeconds = Number(m, "boot.networkUpSeconds")!.Value,
            ReadySeconds = Number(m, "boot.readySeconds")!.Value,
        };
        boot = boot with
        {
            ShutdownSeconds = Number(m, "boot.shutdownSeconds") ?? boot.ShutdownSeconds,
            GreenAfterReadySeconds = Number(m, "boot.greenAfterReadySeconds") ?? boot.GreenAfterReadySeconds,
        };

        var leds = new LedSpec();
        leds = leds with
        {
            Power = Bool(m, "leds.power") ?? leds.Power,
            Network = Bool(m, "leds.network") ?? leds.Network,
            FlashHz = Number(m, "leds.flashHz") ?? leds.FlashHz,
            AlternateHz = Number(m, "leds.alternateHz") ?? leds.AlternateHz,
        };

        var io = new IoSpec();
        io = io with
        {
            Inputs = Number(m, "io.inputs") is { } inputs ? (int)inputs : io.Inputs,
            Outputs = Number(m, "io.outputs") is { } outputs ? (int)outputs : io.Outputs,
        };

        var formFactor = ParseEnum<FormFactor>(Text(m, "formFactor")!);
        var profile = new HardwareProfile
        {
            Id = id,
            Model = Text(m, "model")!,
            Family = Text(m, "family")!,
            FormFactor = formFactor,
            ProductFullName = Text(m, "productFullName")!,
            ProductType = Text(m, "productType")!,
            Firmware = firmware,
            Identity = new IdentitySpec { SerialOui = Text(m, "identity.serialOui")!.ToUpperInvariant() },
            Power = power,
            Reset = reset,
            Boot = boot,
            Leds = leds,
            Io = io,
            Estimates = estimates,
            SourceFile = sourceFile,
        };
        return profile with
        {
            ProductVariant = Text(m, "productVariant") ?? profile.ProductVariant,
            HasVideo = Bool(m, "hasVideo") ?? profile.HasVideo,
        };
    }

    private static void CheckRequired(PNode merged, PNode leaf, string leafFile, List<FileError> errors)
    {
        var stack = new Stack<PNode>();
        stack.Push(merged);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            foreach (var spec in node.Spec.Children)
            {
                if (node.Children.TryGetValue(spec.Name, out var child))
                {
                    if (child.IsUsable && spec.Kind == FieldKind.Mapping)
                    {
                        stack.Push(child);
                    }
                }
                else if (spec.Required)
                {
                    // Reported in the file being loaded, at the mapping that lacks the key when that file has it.
                    var parentPath = node.Spec.Path;
                    var line = parentPath.Length == 0 ? leaf.Line : leaf.Get(parentPath)?.Line ?? leaf.Line;
                    errors.Add(new FileError(leafFile, line, $"missing required key '{spec.Path}'"));
                }
            }
        }
    }

    /// <summary>Reports when <paramref name="lowPath"/> is above <paramref name="highPath"/> (or equal, when strict).</summary>
    private static void Ordered(PNode merged, string lowPath, string highPath, bool strict, List<FileError> errors, string? why)
    {
        if (Value(merged, lowPath) is not { } low || Value(merged, highPath) is not { } high)
        {
            return;
        }

        var bad = strict ? low.Number >= high.Number : low.Number > high.Number;
        if (!bad)
        {
            return;
        }

        var unit = low.Spec.Unit.Length == 0 ? "" : " " + low.Spec.Unit;
        var relation = strict ? "must be less than" : "must not exceed";
        var message = $"'{lowPath}' ({low.Text}{unit}) {relation} '{highPath}' ({high.Text}{unit})";
        if (why is not null)
        {
            message += "; " + why;
        }

        errors.Add(new FileError(low.File, low.Line, message));
    }

    private static TEnum ParseEnum<TEnum>(string text)
        where TEnum : struct, Enum =>
        ProfileSchema.TryParseEnum<TEnum>(text, out var value)
            ? value
            : throw new InvalidOperationException($"'{text}' passed validation but is not a {typeof(TEnum).Name}");

    private static PNode? Value(PNode m, string path) => m.Get(path) is { IsUsable: true } node ? node : null;

    private static double? Number(PNode m, string path) => Value(m, path)?.Number;

    private static bool? Bool(PNode m, string path) => Value(m, path)?.Boolean;

    private static string? Text(PNode m, string path) => Value(m, path)?.Text;

    private static string Fmt(double value) => ProfileTree.Format(value);
}
