using System.Text.Json;
using System.Text.RegularExpressions;
using AxisEmulator.Cli;
using AxisEmulator.Core.Profiles;

namespace AxisEmulator.Tests;

public class ProfilesCommandTests
{
    [Fact]
    public async Task List_prints_a_table_of_every_shipped_profile()
    {
        var catalog = ProfileCatalog.LoadInstalled();

        var result = await CliHarness.RunAsync("profiles", "list");

        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        var lines = result.OutputLines;
        lines[0].Should().MatchRegex(@"^ID\s+MODEL\s+FAMILY\s+AXIS OS\s+POE\s+RESET WINDOW$");
        lines.Skip(1).Select(l => l.Split(' ')[0]).Should().Equal(catalog.Ids);
        var p3265 = lines.Single(l => l.StartsWith("P3265-LVE ", StringComparison.Ordinal));
        var profile = catalog.Get("P3265-LVE");
        p3265.Should().Contain(profile.Family).And.Contain(profile.Firmware.Version).And.Contain($"class {profile.Power.PoeClass}").And.EndWith("15-30 s");
        var dcOnly = catalog.All.FirstOrDefault(p => p.Power.PoeClass is null);
        if (dcOnly is not null)
        {
            lines.Single(l => l.StartsWith(dcOnly.Id + " ", StringComparison.Ordinal)).Should().Contain("none (DC)");
        }

        var headerColumn = lines[0].IndexOf("AXIS OS", StringComparison.Ordinal);
        lines.Skip(1).Should().OnlyContain(l => l.Length > headerColumn && l[headerColumn - 1] == ' ', "columns are aligned");
    }

    [Theory]
    [InlineData("P3265-LVE")]
    [InlineData("p3245-lve-10.12")]
    public async Task Show_prints_the_merged_profile_as_JSON_with_its_estimates(string id)
    {
        var profile = ProfileCatalog.LoadInstalled().Get(id);

        var result = await CliHarness.RunAsync("profiles", "show", id);

        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        root.GetProperty("id").GetString().Should().Be(profile.Id);
        root.GetProperty("model").GetString().Should().Be(profile.Model);
        root.GetProperty("firmware").GetProperty("version").GetString().Should().Be(profile.Firmware.Version);
        root.GetProperty("reset").GetProperty("holdMinSeconds").GetDouble().Should().Be(profile.Reset.HoldMinSeconds);
        root.GetProperty("boot").GetProperty("readySeconds").GetDouble().Should().Be(profile.Boot.ReadySeconds);
        root.GetProperty("estimates").EnumerateArray().Select(e => e.GetString()).Should().Equal(profile.Estimates);
        profile.Estimates.Should().NotBeEmpty("the shipped profiles list their estimates");
        root.GetProperty("reset").GetProperty("lateRelease").ValueKind.Should().Be(JsonValueKind.String, "enums are written as names");
    }

    [Fact]
    public async Task Show_of_an_unknown_profile_lists_the_known_ones()
    {
        var result = await CliHarness.RunAsync("profiles", "show", "P9999");

        result.ExitCode.Should().Be(ExitCodes.InvalidInput);
        result.ErrorLines.Should().ContainSingle().Which.Should().StartWith("error: unknown profile 'P9999'").And.Contain("P3265-LVE");
        result.Output.Should().BeEmpty();
    }

    [Fact]
    public async Task Validate_without_a_path_checks_the_shipped_profiles()
    {
        var result = await CliHarness.RunAsync("profiles", "validate");

        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        result.OutputLines.Should().ContainSingle().Which.Should().EndWith($"{ProfileCatalog.LoadInstalled().All.Count} profiles, all valid");
        result.Error.Should().BeEmpty();
    }

    [Fact]
    public async Task Validate_accepts_directories_and_files()
    {
        var file = Path.Combine(RepositoryPaths.HardwareProfiles, "P3245-LVE-10.12.yaml");

        var result = await CliHarness.RunAsync("profiles", "validate", RepositoryPaths.HardwareProfiles, file);

        result.ExitCode.Should().Be(ExitCodes.Success, result.ToString());
        result.OutputLines.Should().HaveCount(2);
        result.OutputLines[1].Should().Be($"{file}: 1 profile, all valid");
    }

    [Fact]
    public async Task Validate_prints_every_problem_as_file_line_message_and_exits_1()
    {
        using var directory = new TempDirectory();
        File.Copy(Path.Combine(RepositoryPaths.HardwareProfiles, "_base.yaml"), Path.Combine(directory.Path, "_base.yaml"));
        var broken = directory.Write("X1000.yaml", "extends: \"_base\"\nmodel: \"X1000\"\nfamily: 42\ncolour: blue\n");

        var result = await CliHarness.RunAsync("profiles", "validate", directory.Path);

        result.ExitCode.Should().Be(ExitCodes.Failure, result.ToString());
        result.OutputLines.Should().ContainSingle().Which.Should().Match($"{directory.Path}: INVALID, * errors");
        result.ErrorLines.Should().NotBeEmpty().And.OnlyContain(l => Regex.IsMatch(l, "^" + Regex.Escape(directory.Path) + @"/[^:/]+\.yaml:[0-9]+: "), "every error is file:line: message");
        result.ErrorLines.Should().Contain(l => l.StartsWith(broken + ":4: ", StringComparison.Ordinal) && l.Contains("colour", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_of_one_bad_file_exits_1()
    {
        using var directory = new TempDirectory();
        var broken = directory.Write("Y2000.yaml", "model: [\n");

        var result = await CliHarness.RunAsync("profiles", "validate", broken);

        result.ExitCode.Should().Be(ExitCodes.Failure, result.ToString());
        result.ErrorLines.Should().NotBeEmpty().And.OnlyContain(l => l.StartsWith(broken + ":", StringComparison.Ordinal));
    }
}
