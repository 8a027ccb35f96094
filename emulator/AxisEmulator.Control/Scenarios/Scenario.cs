using System.Globalization;
using AxisEmulator.Core.Profiles;

namespace AxisEmulator.Control.Scenarios;

/// <summary>
/// A parsed scenario file: which devices to create and the flat list of steps to run on them, in
/// manual virtual time (DESIGN.md §8). Build one with <see cref="ScenarioParser"/>.
/// </summary>
public sealed record Scenario
{
    /// <summary>What the scenario shows, for people (report and JUnit suite name).</summary>
    public required string Name { get; init; }

    /// <summary>A paragraph a presenter can read out; may be null.</summary>
    public string? Description { get; init; }

    /// <summary>The file name or path the scenario was read from, as given to the parser.</summary>
    public string? File { get; init; }

    /// <summary>The device every step acts on (or the template of <see cref="DeviceCount"/> devices).</summary>
    public ScenarioDevice Device { get; init; } = new();

    /// <summary>How many devices run the same steps (<c>devices: N</c>); 1 by default.</summary>
    public int DeviceCount { get; init; } = 1;

    /// <summary>
    /// Emulator seed (mushy contacts, boot ids, serials); null when the file gives none (the runner's
    /// own emulator then uses 0, and an emulator passed in keeps its seed).
    /// </summary>
    public int? Seed { get; init; }

    /// <summary>What the scenario needs beyond the emulator itself (see <see cref="ScenarioRequirements"/>).</summary>
    public IReadOnlyList<string> Requires { get; init; } = [];

    public required IReadOnlyList<ScenarioStep> Steps { get; init; }

    /// <summary>True when the scenario sends VAPIX requests and so needs an <see cref="IScenarioVapixClient"/>.</summary>
    public bool RequiresVapix => Requires.Contains(ScenarioRequirements.Vapix, StringComparer.Ordinal);
}

/// <summary>Names accepted in a scenario's <c>requires:</c> list.</summary>
public static class ScenarioRequirements
{
    /// <summary>VAPIX steps: the devices must have real HTTP listeners and a client to reach them.</summary>
    public const string Vapix = "vapix";

    public static IReadOnlyList<string> All { get; } = [Vapix];
}

/// <summary>The device of a scenario: its hardware profile and, optionally, id, serial and an admin account.</summary>
public sealed record ScenarioDevice
{
    public string Profile { get; init; } = ProfileCatalog.DefaultProfileId;

    /// <summary>Device id; with several devices it is the prefix (<c>lobby-1</c>, <c>lobby-2</c>…). Null: <c>cam-N</c>.</summary>
    public string? Id { get; init; }

    /// <summary>Serial (= MAC), 12 hex digits; null derives one from the profile, the id and the seed.</summary>
    public string? Serial { get; init; }

    /// <summary>An admin account the unit starts with (it is in service, not in setup mode); null: setup mode.</summary>
    public ScenarioAdmin? Admin { get; init; }
}

/// <summary>An admin account a scenario device starts with. Only its Digest HA1 is stored on the device.</summary>
public sealed record ScenarioAdmin(string User, string Password)
{
    /// <summary>Never prints the password.</summary>
    public override string ToString() => $"{User} (admin)";
}

/// <summary>A duration from a scenario file with the text it was written as (<c>1.5s</c>, <c>2m</c>).</summary>
public readonly record struct ScenarioDuration(TimeSpan Value, string Text)
{
    public static ScenarioDuration FromSeconds(double seconds) =>
        new(TimeSpan.FromSeconds(seconds), seconds.ToString("0.###", CultureInfo.InvariantCulture) + "s");

    public override string ToString() => Text;
}
