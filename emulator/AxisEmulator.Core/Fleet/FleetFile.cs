using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using AxisEmulator.Core.Button;
using AxisEmulator.Core.Chaos;
using AxisEmulator.Core.Power;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Core.Yaml;

namespace AxisEmulator.Core.Fleet;

/// <summary>
/// A fleet described in YAML: the emulated LAN's DHCP pool, how the device listeners are laid out,
/// groups of devices (profile, count, ids, power, faults) and optional seeded chaos. Read with
/// <see cref="Parse"/> or <see cref="Load"/> (strict: every problem is reported as
/// <c>file:line: message</c>), build with <see cref="FleetBuilder.Apply"/>.
/// </summary>
/// <example>
/// <code>
/// dhcp: { pool: 192.168.0.100-192.168.0.199 }
/// listeners: { basePort: 8081 }
/// groups:
///   - profile: P3265-LVE
///     count: 50
///     idPrefix: lobby
///     power: { kind: poe, standard: 802.3at, pseClass: 4, cableMeters: 30, cableCategory: cat5e }
///   - profile: M3086-V
///     count: 10
///     power: off
///     faults: { button: mushy, dropoutsPerSecond: 1, dropoutMs: 150 }
/// chaos: { seed: 42, duration: 2h, brownoutsPerHour: 3, rebootsPerHour: 5 }
/// </code>
/// </example>
public sealed record FleetFile
{
    /// <summary>Most devices one fleet file may describe; split larger fleets over shards (deploy/README.md).</summary>
    public const int MaxDevices = 10_000;

    /// <summary>The file the fleet came from (as given to <see cref="Parse"/>).</summary>
    public string Source { get; init; } = "";

    /// <summary>The DHCP pool "first-last"; null: no DHCP server on the emulated LAN.</summary>
    public string? DhcpPool { get; init; }

    /// <summary>How device listeners are laid out; null: the host's default.</summary>
    public FleetListeners? Listeners { get; init; }

    public IReadOnlyList<FleetGroup> Groups { get; init; } = [];

    /// <summary>Seeded chaos to start with the fleet; null: none.</summary>
    public FleetChaos? Chaos { get; init; }

    /// <summary><c>network: lab</c>: the fleet lives in a network lab (as <c>serve --network lab</c>); false: on loopback ports.</summary>
    public bool LabNetwork { get; init; }

    public int DeviceCount => Groups.Sum(g => g.Count);

    /// <summary>The emulator options this fleet needs: <paramref name="options"/> with the fleet's DHCP pool.</summary>
    public EmulatorOptions ApplyTo(EmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options with { DhcpPool = DhcpPool };
    }

    /// <summary>Parses a fleet file; throws <see cref="FleetFileException"/> listing every problem.</summary>
    public static FleetFile Parse(string text, ProfileCatalog profiles, string file = "fleet.yaml")
    {
        var fleet = TryParse(text, profiles, file, out var errors);
        return fleet ?? throw new FleetFileException(errors);
    }

    /// <summary>Reads and parses <paramref name="path"/>; throws <see cref="FleetFileException"/> (also for an unreadable file).</summary>
    public static FleetFile Load(string path, ProfileCatalog profiles)
    {
        ArgumentNullException.ThrowIfNull(path);
        return FileText.TryRead(path, out var text, out var unreadable)
            ? Parse(text, profiles, path)
            : throw new FleetFileException([unreadable]);
    }

    /// <summary>Parses a fleet file; null with <paramref name="errors"/> (in file order) when it has problems.</summary>
    public static FleetFile? TryParse(string text, ProfileCatalog profiles, string file, out IReadOnlyList<FileError> errors)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(file);
        var found = new List<FileError>();
        var fleet = new FleetFileParser(profiles, file, found).Parse(text);
        errors = [.. found.OrderBy(e => e.Line)];
        return found.Count == 0 ? fleet : null;
    }
}

/// <summary>Listener layout on loopback: a port range from <see cref="BasePort"/>, or one <see cref="SharedPort"/> on distinct 127.0.x.y addresses.</summary>
public sealed record FleetListeners(int? BasePort, int? SharedPort);

/// <summary>
/// <paramref name="Count"/> devices of <paramref name="Profile"/>, with ids <c>{IdPrefix}-1</c> …
/// (or the emulator's <c>cam-N</c> when <paramref name="IdPrefix"/> is null), plugged into
/// <paramref name="Power"/> (null: left unpowered) with <paramref name="Faults"/> set before power-on.
/// </summary>
public sealed record FleetGroup(string Profile, int Count, string? IdPrefix, PowerSource? Power, FleetFaults Faults, int Line)
{
    /// <summary>The ids this group's devices get, or null when the emulator numbers them (<c>cam-N</c>).</summary>
    public IReadOnlyList<string>? Ids => IdPrefix is null
        ? null
        : [.. Enumerable.Range(1, Count).Select(n => IdPrefix + "-" + n.ToString(CultureInfo.InvariantCulture))];
}

/// <summary>Faults a group's devices start with; null parts are left as they are.</summary>
public sealed record FleetFaults(ButtonFault? Button = null, bool? Bricked = null, bool? NetworkLink = null)
{
    public static readonly FleetFaults None = new();
}

/// <summary>The chaos section: its options, and whether its seed was given (else the emulator's seed is used).</summary>
public sealed record FleetChaos(ChaosOptions Options, bool SeedGiven);

/// <summary>A fleet file with problems; <see cref="InvalidFileException.Errors"/> has each as <c>file:line: message</c>.</summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "It is always built from the errors it reports.")]
public sealed class FleetFileException(IReadOnlyList<FileError> errors) : InvalidFileException(errors, "invalid fleet file", "invalid fleet file");
