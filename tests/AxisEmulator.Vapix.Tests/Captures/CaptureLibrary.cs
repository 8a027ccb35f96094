using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace AxisEmulator.Vapix.Tests.Captures;

/// <summary>
/// The real-device captures in the repository's <c>tests/fixtures/vapix-captures/</c> (found from
/// the repository root). Every <c>&lt;case&gt;/&lt;hash&gt;</c> folder is read and mapped to the devices
/// manifest.json lists for it, so adding a capture folder needs no code change.
/// </summary>
public sealed class CaptureLibrary
{
    private static readonly Lazy<CaptureLibrary> Shared = new(() => Load(FindRoot()));

    private readonly Dictionary<string, CaptureCassette> _cassettes;

    private CaptureLibrary(string root, Dictionary<string, CaptureCassette> cassettes)
    {
        Root = root;
        _cassettes = cassettes;
    }

    public static CaptureLibrary Default => Shared.Value;

    public string Root { get; }

    public IEnumerable<CaptureCassette> All => _cassettes.Values.OrderBy(c => c.Key, StringComparer.Ordinal);

    public CaptureCassette this[string key] => _cassettes[key];

    /// <summary>Cassettes whose case name starts with <paramref name="casePrefix"/>.</summary>
    public IEnumerable<CaptureCassette> Cases(string casePrefix) =>
        All.Where(c => c.Case.StartsWith(casePrefix, StringComparison.Ordinal));

    /// <summary>xunit theory rows: one cassette key per row.</summary>
    public static TheoryData<string> Keys(string casePrefix)
    {
        var data = new TheoryData<string>();
        foreach (var cassette in Default.Cases(casePrefix))
        {
            data.Add(cassette.Key);
        }

        return data;
    }

    /// <summary>xunit theory rows: one (cassette key, device) per device that produced the cassette.</summary>
    public static TheoryData<string, string> KeysByDevice(string casePrefix)
    {
        var data = new TheoryData<string, string>();
        foreach (var cassette in Default.Cases(casePrefix))
        {
            foreach (var device in cassette.Devices)
            {
                data.Add(cassette.Key, device.ToString());
            }
        }

        return data;
    }

    public static CaptureLibrary Load(string root)
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "manifest.json")))!["cassettes"]!.AsObject();
        var cassettes = new Dictionary<string, CaptureCassette>(StringComparer.Ordinal);
        foreach (var caseDirectory in Directory.GetDirectories(root))
        {
            var caseName = Path.GetFileName(caseDirectory);
            foreach (var hashDirectory in Directory.GetDirectories(caseDirectory))
            {
                var hash = Path.GetFileName(hashDirectory);
                var devices = manifest[caseName]?[hash]?.AsArray().Select(d => CapturedDevice.Parse(d!.GetValue<string>())).ToList()
                    ?? throw new InvalidDataException($"manifest.json has no devices for {caseName}/{hash}.");
                var cassette = new CaptureCassette(caseName, hash, devices, ReadExchanges(hashDirectory));
                cassettes.Add(cassette.Key, cassette);
            }
        }

        return new CaptureLibrary(root, cassettes);
    }

    public static string FindRoot()
    {
        var root = Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "vapix-captures");
        return Directory.Exists(root) ? root : throw new DirectoryNotFoundException($"The captures are missing from the repository: {root}.");
    }

    private static List<CapturedExchange> ReadExchanges(string directory)
    {
        const string RequestSuffix = "-request";
        return Directory.GetFiles(directory, "*" + RequestSuffix)
            .Select(path => Path.GetFileName(path))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                var stem = name[..^RequestSuffix.Length];
                var dash = stem.IndexOf('-', StringComparison.Ordinal);
                var request = CaptureFileParser.ParseRequest(ReadText(Path.Combine(directory, name)));
                var response = CaptureFileParser.ParseResponse(ReadText(Path.Combine(directory, stem + "-response")));
                return new CapturedExchange(
                    int.Parse(stem[..dash], CultureInfo.InvariantCulture), stem[(dash + 1)..], request, response);
            })
            .ToList();
    }

    /// <summary>Captures are ASCII/UTF-8; read without BOM handling surprises or newline translation.</summary>
    private static string ReadText(string path) => new UTF8Encoding(false).GetString(File.ReadAllBytes(path));
}
