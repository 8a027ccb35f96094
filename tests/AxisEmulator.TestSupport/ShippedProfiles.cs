using AxisEmulator.Core.Profiles;

namespace AxisEmulator.TestSupport;

/// <summary>The repository's hardware profiles, loaded once per test run.</summary>
public static class ShippedProfiles
{
    private static readonly Lazy<ProfileCatalog> Loaded = new(() => ProfileCatalog.Load(RepositoryPaths.HardwareProfiles));

    public static ProfileCatalog Catalog => Loaded.Value;
}
