using System.Diagnostics;
using System.Reflection;

namespace AxisEmulator.Tests;

/// <summary>
/// Wall time enters product code in one place on each side (BannedSymbols.txt, docs/architecture.md):
/// the simulation clock's <c>Core/Clock/WallTime.cs</c> and the client's <c>Client/WallTime.cs</c>.
/// The analyzer holds the line at build time; these tests keep the line itself from moving: the ban
/// stays in the list, every entry names a real API, and nobody suppresses it anywhere else.
/// </summary>
public class WallTimeTests
{
    /// <summary>The files allowed to suppress RS0030 (a banned API), relative to <c>emulator/</c>.</summary>
    private static readonly string[] WallTimeEntries = ["AxisEmulator.Core/Clock/WallTime.cs", "AxisEmulator.Client/WallTime.cs"];

    private static string Emulator => Path.Combine(RepositoryPaths.Root, "emulator");

    [Theory]
    [InlineData("P:System.TimeProvider.System")]
    [InlineData("P:System.DateTimeOffset.UtcNow")]
    [InlineData("M:System.Threading.Tasks.Task.Delay(System.TimeSpan)")]
    [InlineData("M:System.Threading.CancellationTokenSource.#ctor(System.TimeSpan)")]
    [InlineData("M:System.Threading.CancellationTokenSource.CancelAfter(System.TimeSpan)")]
    [InlineData("M:System.Threading.Tasks.Task.WaitAsync(System.TimeSpan,System.Threading.CancellationToken)")]
    [InlineData("M:System.Diagnostics.Stopwatch.GetTimestamp")]
    public void The_banned_list_keeps_the_ways_wall_time_leaks_in(string entry)
    {
        BannedEntries().Should().Contain(entry);
    }

    [Fact]
    public void Every_banned_entry_names_an_api_that_exists()
    {
        var unresolved = BannedEntries().Where(e => !DocumentationIds.Exists(e)).ToList();

        unresolved.Should().BeEmpty("an entry the analyzer cannot resolve bans nothing (documentation comment ID format: M:Type.Method(Param.Types), P:Type.Property, T:Type)");
    }

    [Fact]
    public void Only_the_two_wall_time_entries_suppress_the_banned_api_analyzer()
    {
        var suppressing =
            from file in SourceFiles(Emulator, "*.cs")
            let relative = Path.GetRelativePath(Emulator, file).Replace('\\', '/')
            where !WallTimeEntries.Contains(relative, StringComparer.Ordinal)
            from line in File.ReadLines(file).Select((text, index) => (text, number: index + 1))
            where line.text.Contains("RS0030", StringComparison.Ordinal)
            select $"{relative}:{line.number}: {line.text.Trim()}";

        suppressing.Should().BeEmpty("wall time enters through the simulation clock (its Wall) or the client's WallClock; a suppression elsewhere is a second entry");
    }

    [Fact]
    public void No_build_file_turns_the_banned_api_analyzer_off()
    {
        var files = SourceFiles(Emulator, "*.csproj")
            .Concat(SourceFiles(RepositoryPaths.Root, "*.props"))
            .Concat(SourceFiles(RepositoryPaths.Root, "*.targets"))
            .Concat(SourceFiles(RepositoryPaths.Root, ".editorconfig"))
            .Concat(SourceFiles(RepositoryPaths.Root, "*.globalconfig"));

        var offenders = files.Where(f => File.ReadAllText(f).Contains("RS0030", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(RepositoryPaths.Root, f))
            .ToList();

        offenders.Should().BeEmpty("NoWarn or a severity for RS0030 would let wall time in unseen");
    }

    [Fact]
    public void Each_wall_time_entry_suppresses_in_one_block_and_says_why()
    {
        foreach (var entry in WallTimeEntries)
        {
            var lines = File.ReadAllLines(Path.Combine(Emulator, entry));
            var disables = lines.Where(l => l.TrimStart().StartsWith("#pragma warning disable RS0030", StringComparison.Ordinal)).ToList();

            disables.Should().ContainSingle(entry + " is the one place, with one suppression").Which.Should().Contain("//", "the suppression gives its reason");
            lines.Count(l => l.TrimStart().StartsWith("#pragma warning restore RS0030", StringComparison.Ordinal)).Should().Be(1, entry + " restores the analyzer");
        }
    }

    private static List<string> BannedEntries() =>
        [.. File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "BannedSymbols.txt"))
            .Select(l => l.Split(';')[0].Trim())
            .Where(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal))];

    private static IEnumerable<string> SourceFiles(string root, string pattern) =>
        Directory.EnumerateFiles(root, pattern, SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin" or ".git" or "test-output"));

    /// <summary>Documentation comment IDs (what BannedSymbols.txt is written in) of the runtime's public members.</summary>
    private static class DocumentationIds
    {
        private static readonly Assembly[] Runtime = [typeof(object).Assembly, typeof(Stopwatch).Assembly, typeof(Process).Assembly, typeof(System.Timers.Timer).Assembly];

        public static bool Exists(string id)
        {
            var kind = id[..2];
            var name = id[2..];
            if (kind == "T:")
            {
                return FindType(name) is not null;
            }

            var parameters = name.IndexOf('(', StringComparison.Ordinal) is var open and >= 0 ? name[open..] : "";
            var qualified = parameters.Length == 0 ? name : name[..name.IndexOf('(', StringComparison.Ordinal)];
            var dot = qualified.LastIndexOf('.');
            var type = FindType(qualified[..dot]);
            var member = qualified[(dot + 1)..];
            const BindingFlags All = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static;
            return (kind, type) switch
            {
                (_, null) => false,
                ("P:", _) => type.GetProperty(member, All) is not null,
                ("M:", _) when member == "#ctor" => type.GetConstructors().Any(c => Parameters(c) == parameters),
                ("M:", _) => type.GetMethods(All).Any(m => m.Name == member && Parameters(m) == parameters),
                _ => false,
            };
        }

        private static Type? FindType(string name) => Runtime.Select(a => a.GetType(name)).FirstOrDefault(t => t is not null);

        private static string Parameters(MethodBase method)
        {
            var types = method.GetParameters().Select(p => Name(p.ParameterType)).ToList();
            return types.Count == 0 ? "" : $"({string.Join(",", types)})";
        }

        private static string Name(Type type) =>
            type.IsArray ? Name(type.GetElementType()!) + "[]"
            : type.IsGenericType ? $"{type.Namespace}.{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}{{{string.Join(",", type.GetGenericArguments().Select(Name))}}}"
            : type.FullName!;
    }
}
