using System.Globalization;
using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Fleet;
using AxisEmulator.Core.Profiles;
using Microsoft.Extensions.Configuration;

namespace AxisEmulator.Hosting;

/// <summary>
/// What the host runs, read from configuration: the <c>Emulator</c> section (appsettings.json,
/// environment variables such as <c>Emulator__StateDir</c>) and the command line
/// (<c>--state-dir</c>, <c>--profile</c>, <c>--clock</c>, <c>--seed</c>, <c>--devices</c>).
/// </summary>
public sealed record EmulatorSettings
{
    public const string Section = "Emulator";

    /// <summary>Default state directory, relative to the working directory (DESIGN.md §8).</summary>
    public const string DefaultStateDirectory = ".axis-emulator";

    public const int MaxDevices = 1000;

    /// <summary>Command-line switches and the configuration keys they set.</summary>
    public static IReadOnlyDictionary<string, string> SwitchMappings { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["--state-dir"] = $"{Section}:StateDir",
        ["--profile"] = $"{Section}:Profile",
        ["--clock"] = $"{Section}:Clock",
        ["--seed"] = $"{Section}:Seed",
        ["--devices"] = $"{Section}:Devices",
    };

    public string StateDirectory { get; init; } = DefaultStateDirectory;

    public string Profile { get; init; } = ProfileCatalog.DefaultProfileId;

    public ClockMode ClockMode { get; init; } = ClockMode.Realtime;

    /// <summary>Simulated seconds per wall second when <see cref="ClockMode"/> is scaled.</summary>
    public double ClockScale { get; init; } = 1;

    public int Seed { get; init; }

    /// <summary>Cameras to create at start: <c>cam-1</c> … <c>cam-N</c>.</summary>
    public int Devices { get; init; } = 1;

    /// <summary>The clock setting as it is written on the command line: <c>realtime</c>, <c>scaled:N</c> or <c>manual</c>.</summary>
    public string ClockText => ClockMode switch
    {
        ClockMode.Scaled => string.Create(CultureInfo.InvariantCulture, $"scaled:{ClockScale}"),
        _ => ClockMode.ToString().ToLowerInvariant(),
    };

    public EmulatorOptions ToEmulatorOptions() => new()
    {
        ClockMode = ClockMode,
        ClockScale = ClockScale,
        Seed = Seed,
        StateDirectory = StateDirectory,
    };

    /// <summary>Reads and checks the settings; throws <see cref="FormatException"/> naming the bad value.</summary>
    public static EmulatorSettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var settings = new EmulatorSettings();

        if (section["StateDir"] is { } stateDir)
        {
            if (string.IsNullOrWhiteSpace(stateDir))
            {
                throw new FormatException("--state-dir must name a directory");
            }

            settings = settings with { StateDirectory = stateDir };
        }

        if (section["Profile"] is { } profile)
        {
            if (string.IsNullOrWhiteSpace(profile))
            {
                throw new FormatException("--profile must name a hardware profile, e.g. P3265-LVE");
            }

            settings = settings with { Profile = profile.Trim() };
        }

        if (section["Clock"] is { } clock)
        {
            var (mode, scale) = ParseClock(clock);
            settings = settings with { ClockMode = mode, ClockScale = scale };
        }

        if (section["Seed"] is { } seed)
        {
            settings = settings with
            {
                Seed = int.TryParse(seed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                    ? value
                    : throw new FormatException($"--seed '{seed}' is not a whole number"),
            };
        }

        if (section["Devices"] is { } devices)
        {
            settings = settings with
            {
                Devices = int.TryParse(devices, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= MaxDevices
                    ? value
                    : throw new FormatException($"--devices '{devices}' must be a whole number from 1 to {MaxDevices}"),
            };
        }

        return settings;
    }

    /// <summary>Parses <c>realtime</c>, <c>manual</c> or <c>scaled:N</c> (N greater than 0, at most 1,000,000).</summary>
    public static (ClockMode Mode, double Scale) ParseClock(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim().ToLowerInvariant();
        if (value == "realtime")
        {
            return (ClockMode.Realtime, 1);
        }

        if (value == "manual")
        {
            return (ClockMode.Manual, 1);
        }

        if (value.StartsWith("scaled:", StringComparison.Ordinal)
            && double.TryParse(value["scaled:".Length..], NumberStyles.Float, CultureInfo.InvariantCulture, out var scale)
            && scale > 0 && scale <= 1_000_000)
        {
            return (ClockMode.Scaled, scale);
        }

        throw new FormatException($"--clock '{text}' must be realtime, manual or scaled:N with N greater than 0 and at most 1000000 (e.g. scaled:10)");
    }
}
