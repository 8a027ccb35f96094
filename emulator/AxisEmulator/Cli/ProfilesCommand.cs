using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using AxisEmulator.Core.Profiles;

namespace AxisEmulator.Cli;

/// <summary><c>profiles list|show|validate</c>: the hardware profiles the emulator ships, and a checker for new ones.</summary>
public static class ProfilesCommand
{
    private static readonly string[] ListHeader = ["ID", "MODEL", "FAMILY", "AXIS OS", "POE", "RESET WINDOW"];

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static Command Create()
    {
        var list = new Command("list", "List the shipped hardware profiles: id, model, family, AXIS OS, PoE class, reset hold window");
        list.SetAction(parseResult => List(parseResult.InvocationConfiguration.Output));

        var id = new Argument<string>("id") { HelpName = "ID", Description = "Profile id (case-insensitive), e.g. P3265-LVE" };
        var show = new Command("show", "Print one merged profile as JSON (after 'extends'), with the keys that are estimates") { id };
        show.SetAction(parseResult => Show(parseResult.GetRequiredValue(id), parseResult.InvocationConfiguration.Output));

        var paths = new Argument<string[]>("path")
        {
            Arity = ArgumentArity.ZeroOrMore,
            HelpName = "PATH",
            Description = "Profile files or directories [default: the shipped hardware-profiles directory]",
        };
        var validate = new Command("validate", "Check profile files strictly and print every problem as file:line: message (exit 0: valid, 1: invalid)") { paths };
        validate.SetAction(parseResult => Validate(
            parseResult.GetValue(paths) ?? [],
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));

        return new Command("profiles", "Hardware profiles: list, show one, validate files") { list, show, validate };
    }

    private static int List(TextWriter output)
    {
        var profiles = ProfileCatalog.LoadInstalled();
        var rows = new List<string[]> { ListHeader };
        rows.AddRange(profiles.All.Select(p => new[]
        {
            p.Id,
            p.Model,
            p.Family,
            p.Firmware.Version,
            p.Power.PoeClass is { } poeClass ? "class " + poeClass.ToString(CultureInfo.InvariantCulture) : "none (DC)",
            string.Create(CultureInfo.InvariantCulture, $"{p.Reset.HoldMinSeconds:0.##}-{p.Reset.HoldMaxSeconds:0.##} s"),
        }));
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
        }

        return ExitCodes.Success;
    }

    private static int Show(string id, TextWriter output)
    {
        var profiles = ProfileCatalog.LoadInstalled();
        if (!profiles.TryGet(id, out var profile))
        {
            throw new UsageException($"unknown profile '{id}'; 'profiles list' shows the {profiles.Ids.Count.ToString(CultureInfo.InvariantCulture)} known ones: {string.Join(", ", profiles.Ids)}");
        }

        output.WriteLine(JsonSerializer.Serialize(profile, Json));
        return ExitCodes.Success;
    }

    private static int Validate(string[] paths, TextWriter output, TextWriter error)
    {
        if (paths.Length == 0)
        {
            paths = [HardwareProfilesDirectory.Find()];
        }

        var missing = paths.FirstOrDefault(p => !File.Exists(p) && !Directory.Exists(p));
        if (missing is not null)
        {
            throw new UsageException($"'{missing}' is neither a profile file nor a directory");
        }

        var valid = 0;
        var errors = 0;
        foreach (var path in paths)
        {
            var result = Directory.Exists(path) ? ProfileLoader.ReadDirectory(path) : ProfileLoader.ReadFile(path);
            foreach (var problem in result.Errors)
            {
                error.WriteLine(problem.ToString());
            }

            valid += result.Profiles.Count;
            errors += result.Errors.Count;
            output.WriteLine(result.IsValid
                ? $"{path}: {Count(result.Profiles.Count, "profile")}, all valid"
                : $"{path}: INVALID, {Count(result.Errors.Count, "error")}");
        }

        return errors == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static string Count(int count, string noun) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {noun}{(count == 1 ? "" : "s")}";
}
