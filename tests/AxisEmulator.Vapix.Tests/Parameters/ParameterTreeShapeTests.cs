using System.Globalization;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Vapix.Data;
using AxisEmulator.Vapix.Parameters;
using AxisEmulator.Vapix.ServedApis;
using AxisEmulator.Vapix.Snapshots;
using Xunit.Abstractions;

namespace AxisEmulator.Vapix.Tests.Parameters;

/// <summary>
/// Every shipped profile serves a tree of the real size and shape: the captured tree of its line
/// (camera or sensorless device), key for key, except where the profile says the hardware differs.
/// </summary>
public class ParameterTreeShapeTests(ITestOutputHelper output)
{
    private const string Serial = "B8A44F631339";

    private static readonly VapixDataCatalog Data = new(RepositoryPaths.VapixData);

    private static readonly Lazy<ProfileCatalog> Profiles = new(() => ProfileCatalog.Load(RepositoryPaths.HardwareProfiles));

    public static TheoryData<string> ProfileIds => new(ProfileCatalog.Load(RepositoryPaths.HardwareProfiles).All.Select(p => p.Id));

    [Theory]
    [MemberData(nameof(ProfileIds))]
    public void Each_profile_has_the_groups_and_keys_of_its_captured_line_but_what_the_profile_changes(string id)
    {
        var profile = Profiles.Value.All.Single(p => p.Id == id);
        var tree = TreeOf(profile);
        // The line as served: less the Properties.API entries of APIs the emulator does not serve (docs/served-apis.md).
        var line = AdvertisedApiProperties.WithdrawUnserved(
            Data.CapturedParameters(profile.Model) ?? Data.CapturedParameters(ParameterTemplate.CapturedModel(ParameterTemplate.NameFor(profile)))!,
            profile);

        // The model's own captured values (params-overlay.txt) may add keys its line lacks.
        var overlay = Data.ParameterOverlay(profile.Model)?.Entries.Select(e => e.Key).ToHashSet() ?? [];
        KeysOutsideProfileSizedGroups(tree).Where(k => !overlay.Contains(k))
            .Should().BeEquivalentTo(KeysOutsideProfileSizedGroups(line).Where(k => !overlay.Contains(k)), "the tree of {0} follows its captured line", id);
        if (Data.CapturedParameters(profile.Model) is null)
        {
            // The explained differences: the I/O ports are the profile's.
            tree["Input.NbrOfInputs"].Should().Be(profile.Io.Inputs.ToString(CultureInfo.InvariantCulture));
            tree["Output.NbrOfOutputs"].Should().Be(profile.Io.Outputs.ToString(CultureInfo.InvariantCulture));
            tree.InGroup("IOPort.*.Direction").Select(e => e.Value).Should().Equal(
                Enumerable.Repeat("input", profile.Io.Inputs).Concat(Enumerable.Repeat("output", profile.Io.Outputs)));
        }

        tree["Brand.ProdNbr"].Should().Be(profile.Model);
        tree["Brand.ProdFullName"].Should().Be(profile.ProductFullName);
        tree["Network.Bonjour.FriendlyName"].Should().Be("AXIS " + profile.Model);
        tree["Properties.System.SerialNumber"].Should().Be(Serial);
        tree["Properties.System.HardwareID"].Should().MatchRegex("^[0-9A-F]{3}(\\.[0-9]+)?$");
        tree.Entries.Should().NotContain(e => e.Value.Contains('{', StringComparison.Ordinal), "every template placeholder is filled");
    }

    [Fact]
    public void Profiles_serve_trees_as_large_as_the_captured_ones()
    {
        var counts = Profiles.Value.All.Select(p => TreeOf(p).Count).Order().ToList();
        var captured = new[] { "P3245-LVE", "D4200-VE" }.Select(m => Data.CapturedParameters(m)!.Count).Order().ToList();
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"parameters per profile ({counts.Count} profiles): min {counts[0]}, median {counts[counts.Count / 2]}, max {counts[^1]}; captured trees: {string.Join(", ", captured)}");
        output.WriteLine(line);
        Console.WriteLine(line);

        var smallest = AdvertisedApiProperties.WithdrawUnserved(Data.CapturedParameters("D4200-VE")!);
        var withoutPorts = smallest.Count - smallest.InGroup("IOPort").Count();
        counts[0].Should().BeGreaterThanOrEqualTo(withoutPorts, "a sensorless device loses at most the D4200-VE capture's I/O ports");
        counts[^1].Should().BeLessThanOrEqualTo(captured[^1] + (8 * 11), "a camera adds at most a few I/O ports (11 parameters each) to the P3245-LVE capture");
    }

    [Fact]
    public void A_sensorless_profile_has_no_image_groups_and_a_camera_has_the_ones_clients_read()
    {
        var radar = TreeOf(Profiles.Value.All.First(p => p.Model == "D2210-VE" && !p.HasVideo));
        var camera = TreeOf(Profiles.Value.All.First(p => p.Model == "Q1656-LE"));

        radar.HasGroup("Image").Should().BeFalse();
        radar.HasGroup("PTZ").Should().BeFalse();
        foreach (var group in new[] { "Image.I0.Stream", "ImageSource", "PTZ", "StreamProfile", "IOPort", "Audio", "Storage", "Layout" })
        {
            camera.HasGroup(group).Should().BeTrue(group);
        }
    }

    private static ParameterTree TreeOf(HardwareProfile profile) =>
        new ParameterTreeFactory(Data).Build(new ParameterInputs(new VapixIdentity(profile, Serial), new NetworkState()));

    private static IEnumerable<string> KeysOutsideProfileSizedGroups(ParameterTree tree) =>
        tree.Entries.Select(e => e.Key).Where(k => !ParameterTemplate.ProfileSizedGroups.Any(g => k == g || k.StartsWith(g + ".", StringComparison.Ordinal)));
}
