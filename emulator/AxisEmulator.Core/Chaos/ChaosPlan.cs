using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AxisEmulator.Core.Chaos;

/// <summary>What a chaos action does to a device (wire names kebab-case: <c>network-loss</c>).</summary>
public enum ChaosActionKind
{
    /// <summary>Power cut, restored after <see cref="ChaosAction.Seconds"/>.</summary>
    Brownout,

    /// <summary>Soft reboot.</summary>
    Reboot,

    /// <summary>The control button turns mushy (default dropout figures) and stays so.</summary>
    MushyButton,

    /// <summary>The unit bricks and stays bricked.</summary>
    Brick,

    /// <summary>The network link drops, back after <see cref="ChaosAction.Seconds"/>.</summary>
    NetworkLoss,
}

/// <summary>Wire names of <see cref="ChaosActionKind"/>.</summary>
public static class ChaosActionKinds
{
    public static IReadOnlyList<ChaosActionKind> All { get; } = Enum.GetValues<ChaosActionKind>();

    public static string ToWireString(this ChaosActionKind kind) => kind switch
    {
        ChaosActionKind.Brownout => "brownout",
        ChaosActionKind.Reboot => "reboot",
        ChaosActionKind.MushyButton => "mushy-button",
        ChaosActionKind.Brick => "brick",
        ChaosActionKind.NetworkLoss => "network-loss",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown chaos action"),
    };

    public static bool TryParse(string? text, out ChaosActionKind kind)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.ToWireString(), text, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>Whether the action lasts a number of seconds (and is then undone).</summary>
    public static bool HasDuration(this ChaosActionKind kind) => kind is ChaosActionKind.Brownout or ChaosActionKind.NetworkLoss;
}

/// <summary>
/// One planned fault: <paramref name="At"/> (whole milliseconds) after the plan starts, to
/// <paramref name="DeviceId"/>; <paramref name="Seconds"/> is how long a brown-out or network loss
/// lasts (0 for the others).
/// </summary>
public sealed record ChaosAction(TimeSpan At, string DeviceId, ChaosActionKind Kind, double Seconds = 0)
{
    /// <summary>"brown-out, power back after 3.2 s" — for timeline messages.</summary>
    public string Describe() => Kind switch
    {
        ChaosActionKind.Brownout => Invariant($"brown-out: power cut for {Seconds} s"),
        ChaosActionKind.Reboot => "reboot",
        ChaosActionKind.MushyButton => "the control button turns mushy",
        ChaosActionKind.Brick => "the unit bricks",
        ChaosActionKind.NetworkLoss => Invariant($"network link lost for {Seconds} s"),
        _ => Kind.ToString(),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// A deterministic schedule of faults over a fleet: the same <see cref="ChaosOptions"/> (seed
/// included) and the same ordered device ids always give the same plan, on every machine and run.
/// Print it with <see cref="ToText"/> (or <see cref="ToJson"/>) when a run fails; <see cref="Parse"/>
/// reads it back for a replay.
/// </summary>
public sealed class ChaosPlan
{
    /// <summary>First line of the text form.</summary>
    public const string TextHeader = "# axis-emulator chaos plan v1";

    private static readonly JsonSerializerOptions Json = CreateJsonOptions();

    public ChaosPlan(ChaosOptions options, int deviceCount, IReadOnlyList<ChaosAction> actions)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(actions);
        Options = options;
        DeviceCount = deviceCount;
        Actions = actions;
    }

    public ChaosOptions Options { get; }

    /// <summary>How many devices the plan was drawn over.</summary>
    public int DeviceCount { get; }

    /// <summary>The actions in time order (ties keep the order they were drawn in).</summary>
    public IReadOnlyList<ChaosAction> Actions { get; }

    /// <summary>
    /// Draws the plan. Each kind of action has its own random stream derived from the seed, so that
    /// changing one rate does not move the actions of the others. Timed actions arrive as a Poisson
    /// process (exponential gaps) at their fleet-wide rate, each on a device drawn uniformly; the
    /// mushy-button and bricked fractions pick that many distinct devices, each at a uniform moment.
    /// </summary>
    /// <exception cref="ArgumentException">Invalid options, or a device id that is empty or repeated.</exception>
    public static ChaosPlan Generate(ChaosOptions options, IReadOnlyList<string> deviceIds)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(deviceIds);
        options.EnsureValid();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in deviceIds)
        {
            if (string.IsNullOrWhiteSpace(id) || id.Any(char.IsWhiteSpace))
            {
                throw new ArgumentException($"device id '{id}' is empty or contains blanks", nameof(deviceIds));
            }

            if (!seen.Add(id))
            {
                throw new ArgumentException($"device id '{id}' appears twice", nameof(deviceIds));
            }
        }

        var actions = new List<ChaosAction>();
        if (deviceIds.Count > 0)
        {
            var duration = options.Duration.TotalSeconds;
            Timed(ChaosActionKind.Brownout, options.BrownoutsPerHour, random => Math.Round(1 + random.NextDouble() * 4, 1));
            Timed(ChaosActionKind.Reboot, options.RebootsPerHour, _ => 0);
            Timed(ChaosActionKind.NetworkLoss, options.NetworkLossesPerHour, _ => options.NetworkLossSeconds);
            Fraction(ChaosActionKind.MushyButton, options.MushyButtonFraction);
            Fraction(ChaosActionKind.Brick, options.BrickedFraction);

            void Timed(ChaosActionKind kind, double perHour, Func<Random, double> seconds)
            {
                if (perHour <= 0)
                {
                    return;
                }

                var random = StreamFor(options.Seed, kind);
                var perSecond = perHour / 3600;
                var t = 0.0;
                while (true)
                {
                    t += -Math.Log(1 - random.NextDouble()) / perSecond;
                    if (t >= duration)
                    {
                        return;
                    }

                    var device = deviceIds[random.Next(deviceIds.Count)];
                    actions.Add(new ChaosAction(Offset(t, duration), device, kind, seconds(random)));
                }
            }

            void Fraction(ChaosActionKind kind, double fraction)
            {
                var count = (int)Math.Round(fraction * deviceIds.Count, MidpointRounding.AwayFromZero);
                if (count == 0)
                {
                    return;
                }

                var random = StreamFor(options.Seed, kind);
                var order = Enumerable.Range(0, deviceIds.Count).ToArray();
                for (var i = 0; i < count; i++)
                {
                    var j = i + random.Next(order.Length - i);
                    (order[i], order[j]) = (order[j], order[i]);
                    actions.Add(new ChaosAction(Offset(random.NextDouble() * duration, duration), deviceIds[order[i]], kind));
                }
            }
        }

        return new ChaosPlan(options, deviceIds.Count, [.. actions.OrderBy(a => a.At)]);
    }

    /// <summary>
    /// The plan as text: a header with the options, then one line per action,
    /// <c>+H:MM:SS.fff device action [seconds]</c>. <see cref="Parse"/> reads it back exactly.
    /// </summary>
    public string ToText()
    {
        var o = Options;
        var text = new StringBuilder();
        text.Append(TextHeader).Append('\n');
        text.Append(CultureInfo.InvariantCulture,
            $"# seed={o.Seed} duration={ChaosDuration.Format(o.Duration)} brownoutsPerHour={N(o.BrownoutsPerHour)} rebootsPerHour={N(o.RebootsPerHour)} mushyButtonFraction={N(o.MushyButtonFraction)} brickedFraction={N(o.BrickedFraction)} networkLossesPerHour={N(o.NetworkLossesPerHour)} networkLossSeconds={N(o.NetworkLossSeconds)} devices={DeviceCount} actions={Actions.Count}");
        text.Append('\n');
        foreach (var action in Actions)
        {
            text.Append('+').Append(FormatOffset(action.At)).Append(' ').Append(action.DeviceId).Append(' ').Append(action.Kind.ToWireString());
            if (action.Kind.HasDuration())
            {
                text.Append(' ').Append(N(action.Seconds)).Append('s');
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Reads <see cref="ToText"/>'s form back; throws <see cref="FormatException"/> ("line N: …").</summary>
    public static ChaosPlan Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length < 2 || lines[0].Trim() != TextHeader)
        {
            throw new FormatException($"line 1: a chaos plan starts with '{TextHeader}'");
        }

        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in lines[1].TrimStart('#').Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new FormatException($"line 2: '{pair}' is not name=value");
            }

            settings[pair[..eq]] = pair[(eq + 1)..];
        }

        var options = new ChaosOptions
        {
            Seed = (int)Setting("seed", integer: true),
            Duration = ChaosDuration.TryParse(Raw("duration"), out var problem) ?? throw new FormatException("line 2: " + problem),
            BrownoutsPerHour = Setting("brownoutsPerHour"),
            RebootsPerHour = Setting("rebootsPerHour"),
            MushyButtonFraction = Setting("mushyButtonFraction"),
            BrickedFraction = Setting("brickedFraction"),
            NetworkLossesPerHour = Setting("networkLossesPerHour"),
            NetworkLossSeconds = Setting("networkLossSeconds"),
        };
        var devices = (int)Setting("devices", integer: true);
        var expected = (int)Setting("actions", integer: true);
        if (options.Validate() is { Count: > 0 } invalid)
        {
            throw new FormatException("line 2: " + string.Join("; ", invalid));
        }

        var actions = new List<ChaosAction>();
        for (var i = 2; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            actions.Add(ParseAction(line, i + 1));
        }

        if (actions.Count != expected)
        {
            throw new FormatException(Invariant($"line 2: the header announces {expected} actions but the plan lists {actions.Count}"));
        }

        return new ChaosPlan(options, devices, actions);

        string Raw(string name) => settings.TryGetValue(name, out var value) ? value : throw new FormatException($"line 2: the header lacks {name}=");

        double Setting(string name, bool integer = false)
        {
            var raw = Raw(name);
            if (integer)
            {
                return int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)
                    ? whole
                    : throw new FormatException($"line 2: {name}={raw} is not a whole number");
            }

            return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
                ? value
                : throw new FormatException($"line 2: {name}={raw} is not a number");
        }
    }

    /// <summary>The plan as JSON (camelCase; offsets and durations in seconds; actions kebab-case).</summary>
    public string ToJson() => JsonSerializer.Serialize(ToDocument(), Json);

    /// <summary>Reads <see cref="ToJson"/>'s form back; throws <see cref="FormatException"/> when it is not a plan.</summary>
    public static ChaosPlan FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        PlanDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<PlanDocument>(json, Json);
        }
        catch (JsonException ex)
        {
            throw new FormatException("not a chaos plan: " + ex.Message, ex);
        }

        if (document?.Options is null || document.Actions is null)
        {
            throw new FormatException("not a chaos plan: it needs options and actions");
        }

        var o = document.Options;
        var options = new ChaosOptions
        {
            Seed = o.Seed,
            Duration = TimeSpan.FromMilliseconds(Math.Round(o.DurationSeconds * 1000)),
            BrownoutsPerHour = o.BrownoutsPerHour,
            RebootsPerHour = o.RebootsPerHour,
            MushyButtonFraction = o.MushyButtonFraction,
            BrickedFraction = o.BrickedFraction,
            NetworkLossesPerHour = o.NetworkLossesPerHour,
            NetworkLossSeconds = o.NetworkLossSeconds,
        };
        if (options.Validate() is { Count: > 0 } invalid)
        {
            throw new FormatException("not a usable chaos plan: " + string.Join("; ", invalid));
        }

        var actions = new List<ChaosAction>();
        foreach (var a in document.Actions)
        {
            if (a.DeviceId is null || !ChaosActionKinds.TryParse(a.Action, out var kind) || !double.IsFinite(a.AtSeconds) || a.AtSeconds < 0)
            {
                throw new FormatException($"not a usable chaos action: device {a.DeviceId ?? "(none)"}, action {a.Action ?? "(none)"}");
            }

            actions.Add(new ChaosAction(TimeSpan.FromMilliseconds(Math.Round(a.AtSeconds * 1000)), a.DeviceId, kind, a.Seconds ?? 0));
        }

        return new ChaosPlan(options, document.DeviceCount, actions);
    }

    /// <summary><c>H:MM:SS.fff</c> with as many hours as it takes.</summary>
    public static string FormatOffset(TimeSpan offset) =>
        string.Create(CultureInfo.InvariantCulture, $"{(long)offset.TotalHours}:{offset.Minutes:00}:{offset.Seconds:00}.{offset.Milliseconds:000}");

    private static ChaosAction ParseAction(string line, int number)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 3 or > 4 || !parts[0].StartsWith('+'))
        {
            throw new FormatException($"line {number}: expected '+H:MM:SS.fff device action [seconds]', got '{line}'");
        }

        var at = ParseOffset(parts[0][1..]) ?? throw new FormatException($"line {number}: '{parts[0]}' is not an offset +H:MM:SS.fff");
        if (!ChaosActionKinds.TryParse(parts[2], out var kind))
        {
            throw new FormatException($"line {number}: unknown action '{parts[2]}'; expected one of {string.Join(", ", ChaosActionKinds.All.Select(k => k.ToWireString()))}");
        }

        double seconds = 0;
        if (kind.HasDuration())
        {
            if (parts.Length != 4 || !parts[3].EndsWith('s')
                || !double.TryParse(parts[3][..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out seconds) || !(seconds > 0) || !double.IsFinite(seconds))
            {
                throw new FormatException($"line {number}: {parts[2]} needs its length in seconds, e.g. 3.5s");
            }
        }
        else if (parts.Length == 4)
        {
            throw new FormatException($"line {number}: {parts[2]} takes no length");
        }

        return new ChaosAction(at, parts[1], kind, seconds);
    }

    private static TimeSpan? ParseOffset(string text)
    {
        var parts = text.Split(':');
        if (parts.Length != 3
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) || minutes > 59
            || !decimal.TryParse(parts[2], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) || seconds >= 60)
        {
            return null;
        }

        return TimeSpan.FromHours(hours) + TimeSpan.FromMinutes(minutes) + TimeSpan.FromMilliseconds((double)Math.Round(seconds * 1000));
    }

    private PlanDocument ToDocument() => new()
    {
        Options = new OptionsDocument
        {
            Seed = Options.Seed,
            DurationSeconds = Options.Duration.TotalSeconds,
            BrownoutsPerHour = Options.BrownoutsPerHour,
            RebootsPerHour = Options.RebootsPerHour,
            MushyButtonFraction = Options.MushyButtonFraction,
            BrickedFraction = Options.BrickedFraction,
            NetworkLossesPerHour = Options.NetworkLossesPerHour,
            NetworkLossSeconds = Options.NetworkLossSeconds,
        },
        DeviceCount = DeviceCount,
        Actions = [.. Actions.Select(a => new ActionDocument
        {
            AtSeconds = a.At.TotalSeconds,
            DeviceId = a.DeviceId,
            Action = a.Kind.ToWireString(),
            Seconds = a.Kind.HasDuration() ? a.Seconds : null,
        })],
    };

    /// <summary>A stream per action kind: the seed mixed with the kind (splitmix-style), so kinds don't share draws.</summary>
    private static Random StreamFor(int seed, ChaosActionKind kind)
    {
        var z = unchecked((ulong)(uint)seed * 0x9E3779B97F4A7C15UL + (ulong)(kind + 1) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return new Random((int)(z & 0x7FFFFFFF));
    }

    private static TimeSpan Offset(double seconds, double duration) =>
        TimeSpan.FromMilliseconds(Math.Min(Math.Round(seconds * 1000), Math.Floor(duration * 1000) - 1));

    private static string N(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = true,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed class PlanDocument
    {
        public OptionsDocument? Options { get; set; }

        public int DeviceCount { get; set; }

        public List<ActionDocument>? Actions { get; set; }
    }

    private sealed class OptionsDocument
    {
        public int Seed { get; set; }

        public double DurationSeconds { get; set; }

        public double BrownoutsPerHour { get; set; }

        public double RebootsPerHour { get; set; }

        public double MushyButtonFraction { get; set; }

        public double BrickedFraction { get; set; }

        public double NetworkLossesPerHour { get; set; }

        public double NetworkLossSeconds { get; set; }
    }

    private sealed class ActionDocument
    {
        public double AtSeconds { get; set; }

        public string? DeviceId { get; set; }

        public string? Action { get; set; }

        public double? Seconds { get; set; }
    }
}
