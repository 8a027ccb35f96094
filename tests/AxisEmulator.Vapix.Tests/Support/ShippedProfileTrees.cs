using AxisEmulator.Core.Profiles;
using AxisEmulator.Vapix.Data;
using AxisEmulator.Vapix.Parameters;
using AxisEmulator.Vapix.Snapshots;

namespace AxisEmulator.Vapix.Tests.Support;

/// <summary>The shipped profiles and the parameter trees their devices serve at factory defaults.</summary>
internal static class ShippedProfileTrees
{
    public const string Serial = "B8A44F631339";

    public static VapixDataCatalog Data { get; } = new(RepositoryPaths.VapixData);

    private static readonly Lazy<ProfileCatalog> Catalog = new(() => ProfileCatalog.Load(RepositoryPaths.HardwareProfiles));

    public static IReadOnlyList<HardwareProfile> All => Catalog.Value.All;

    /// <summary>Every shipped profile id, for <c>[MemberData]</c>.</summary>
    public static TheoryData<string> Ids => new(All.Select(p => p.Id));

    public static HardwareProfile Profile(string id) => All.Single(p => p.Id == id);

    public static ParameterTree TreeOf(HardwareProfile profile) =>
        new ParameterTreeFactory(Data).Build(new ParameterInputs(new VapixIdentity(profile, Serial), new NetworkState()));
}
