using AxisEmulator.Control.Scenarios;
using AxisEmulator.Core.Profiles;

namespace AxisEmulator.Control.Tests.Scenarios;

/// <summary>Paths, the shipped profiles and small helpers shared by the scenario tests.</summary>
public static class ScenarioFixtures
{
    public static string ScenariosDirectory => RepositoryPaths.Scenarios;

    public static ProfileCatalog Profiles => ShippedProfiles.Catalog;

    /// <summary>The shipped scenario files, by file name.</summary>
    public static IReadOnlyList<string> ShippedFiles { get; } =
        [.. Directory.EnumerateFiles(ScenariosDirectory, "*.yaml").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    public static Scenario Parse(string yaml) => ScenarioParser.Parse(yaml, "test.yaml", Profiles);

    /// <summary>The errors of <paramref name="yaml"/> as <c>test.yaml:LINE: message</c>.</summary>
    public static IReadOnlyList<string> Errors(string yaml) =>
        [.. ScenarioParser.Read(yaml, "test.yaml", Profiles).Errors.Select(e => e.ToString())];

    public static ScenarioReport Run(string yaml, IScenarioVapixClient? vapix = null) =>
        ScenarioRunner.Run(Parse(yaml), Profiles, vapix);
}
