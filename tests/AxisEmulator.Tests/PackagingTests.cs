using System.Xml.Linq;
using AxisEmulator.TestSupport;

namespace AxisEmulator.Tests;

/// <summary>
/// The packages' promises that a build does not check: the Testing package carries the server's
/// assemblies (which are not packages), so it must declare every package they depend on; the four
/// packable projects are the documented ones. The packages themselves are proven by
/// tests/external-project/run.sh in CI.
/// </summary>
public class PackagingTests
{
    private static readonly string[] BundledServerProjects = ["AxisEmulator", "AxisEmulator.Core", "AxisEmulator.Vapix", "AxisEmulator.Control"];

    private static XDocument Project(string name) => XDocument.Load(Path.Combine(RepositoryPaths.Root, "emulator", name, name + ".csproj"));

    private static IEnumerable<string> PackageReferences(XDocument project, bool includePrivate) =>
        project.Descendants("PackageReference")
            .Where(r => includePrivate || (string?)r.Attribute("PrivateAssets") != "all")
            .Select(r => (string)r.Attribute("Include")!);

    [Fact]
    public void The_testing_package_declares_every_package_the_bundled_server_needs()
    {
        var declared = PackageReferences(Project("AxisEmulator.Testing"), includePrivate: false).ToHashSet();
        var needed = BundledServerProjects.SelectMany(p => PackageReferences(Project(p), includePrivate: false)).Distinct();

        needed.Where(p => !declared.Contains(p)).Should().BeEmpty(
            "emulator/AxisEmulator.Testing/AxisEmulator.Testing.csproj must reference each package of the server it bundles, or a user's in-process test fails to load it");
    }

    [Fact]
    public void Exactly_the_documented_projects_are_packable_and_the_host_is_the_axis_emulator_tool()
    {
        var packable = Directory.GetDirectories(Path.Combine(RepositoryPaths.Root, "emulator"))
            .Select(Path.GetFileName)
            .Where(name => Project(name!).Descendants("IsPackable").Any(e => e.Value == "true"))
            .Order(StringComparer.Ordinal);

        packable.Should().Equal("AxisEmulator", "AxisEmulator.Client", "AxisEmulator.Contracts", "AxisEmulator.Testing");
        var host = Project("AxisEmulator");
        host.Descendants("ToolCommandName").Single().Value.Should().Be("axis-emulator");
        host.Descendants("PackageId").Single().Value.Should().Be("AxisEmulator.Tool");
    }
}
