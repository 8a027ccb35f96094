using System.Xml.Linq;

namespace AxisEmulator.Tests;

/// <summary>
/// The arrows between the projects under <c>emulator/</c> are the ones on the whiteboard
/// (docs/architecture.md): this reads every <c>ProjectReference</c> and names each edge that is not.
/// </summary>
public class ArchitectureTests
{
    /// <summary>Project → the projects it may reference. A project missing here has no arrows yet: add it here first.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        ["AxisEmulator"] = ["AxisEmulator.Core", "AxisEmulator.Vapix", "AxisEmulator.Control"],
        ["AxisEmulator.Core"] = [],
        ["AxisEmulator.Contracts"] = [],
        ["AxisEmulator.Vapix"] = ["AxisEmulator.Core"],
        ["AxisEmulator.Control"] = ["AxisEmulator.Core", "AxisEmulator.Contracts"],
        ["AxisEmulator.Client"] = ["AxisEmulator.Contracts"],
        ["AxisEmulator.Testing"] = ["AxisEmulator.Client", "AxisEmulator"],
    };

    /// <summary>Projects that carry no server and no test framework: any framework or package reference in them is named.</summary>
    private static readonly string[] WithoutDependencies = ["AxisEmulator.Contracts", "AxisEmulator.Client"];

    [Fact]
    public void Every_project_reference_under_emulator_is_an_allowed_arrow()
    {
        var forbidden = Edges().Where(e => !IsAllowed(e)).Select(e => e.ToString()).ToList();

        forbidden.Should().BeEmpty(
            "these references break the project arrows (Core → nothing, Vapix ↔ Control never, Client → Contracts only); allowed: {0}",
            string.Join("; ", Allowed.Select(a => $"{a.Key} → {(a.Value.Length == 0 ? "nothing" : string.Join(", ", a.Value))}")));
    }

    [Fact]
    public void Every_project_under_emulator_has_its_arrows_on_the_whiteboard()
    {
        var projects = ProjectFiles().Select(Path.GetFileNameWithoutExtension).ToList();

        projects.Should().NotBeEmpty().And.OnlyContain(p => Allowed.ContainsKey(p!), "a new project needs its allowed references in ArchitectureTests.Allowed (and docs/architecture.md)");
    }

    [Fact]
    public void The_contracts_and_the_client_reference_no_framework_and_no_package()
    {
        var references =
            from file in ProjectFiles()
            where WithoutDependencies.Contains(Path.GetFileNameWithoutExtension(file))
            from reference in XDocument.Load(file).Descendants().Where(e => e.Name.LocalName is "FrameworkReference" or "PackageReference")
            select $"{Path.GetFileNameWithoutExtension(file)} → {reference.Name.LocalName} {reference.Attribute("Include")?.Value}";

        references.Should().BeEmpty("the client works against any emulator over HTTP: no ASP.NET, no server, no xunit or FluentAssertions (those are AxisEmulator.Testing's)");
    }

    private static bool IsAllowed(Edge edge) => Allowed.TryGetValue(edge.From, out var to) && to.Contains(edge.To, StringComparer.Ordinal);

    private static IEnumerable<string> ProjectFiles() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "emulator"), "*.csproj", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static IEnumerable<Edge> Edges() =>
        from file in ProjectFiles()
        from reference in XDocument.Load(file).Descendants("ProjectReference")
        let include = reference.Attribute("Include")?.Value ?? ""
        select new Edge(Path.GetFileNameWithoutExtension(file), Path.GetFileNameWithoutExtension(include.Replace('\\', Path.DirectorySeparatorChar)));

    private sealed record Edge(string From, string To)
    {
        public override string ToString() => $"{From} → {To}";
    }
}
