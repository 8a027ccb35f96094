using System.Diagnostics.CodeAnalysis;

namespace AxisEmulator.Core.Profiles;

/// <summary>The hardware profiles the emulator knows, by id (case-insensitive).</summary>
public sealed class ProfileCatalog
{
    /// <summary>The profile a device gets when none is named (DESIGN.md §7 examples).</summary>
    public const string DefaultProfileId = "P3265-LVE";

    private readonly Dictionary<string, HardwareProfile> _byId;

    public ProfileCatalog(IEnumerable<HardwareProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        _byId = new Dictionary<string, HardwareProfile>(StringComparer.OrdinalIgnoreCase);
        foreach (var profile in profiles)
        {
            if (!_byId.TryAdd(profile.Id, profile))
            {
                throw new ArgumentException($"two hardware profiles share the id '{profile.Id}'", nameof(profiles));
            }
        }

        All = [.. _byId.Values.OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase)];
        Ids = [.. All.Select(p => p.Id)];
    }

    /// <summary>Every profile, sorted by id.</summary>
    public IReadOnlyList<HardwareProfile> All { get; }

    /// <summary>Every id, sorted.</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>The <see cref="DefaultProfileId"/> profile; throws <see cref="UnknownProfileException"/> if the catalog lacks it.</summary>
    public HardwareProfile Default => Get(DefaultProfileId);

    /// <summary>Loads every profile of a directory (throws <see cref="ProfileValidationException"/> listing all errors).</summary>
    public static ProfileCatalog Load(string directory) => new(ProfileLoader.LoadDirectory(directory));

    /// <summary>Loads the profiles shipped with the emulator, found by <see cref="HardwareProfilesDirectory.Find()"/>.</summary>
    public static ProfileCatalog LoadInstalled() => Load(HardwareProfilesDirectory.Find());

    public bool TryGet(string id, [NotNullWhen(true)] out HardwareProfile? profile)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _byId.TryGetValue(id, out profile);
    }

    /// <summary>The profile with this id; throws <see cref="UnknownProfileException"/> ("unknown profile 'X'; known: …").</summary>
    public HardwareProfile Get(string id) =>
        TryGet(id, out var profile) ? profile : throw new UnknownProfileException(id, Ids);
}
