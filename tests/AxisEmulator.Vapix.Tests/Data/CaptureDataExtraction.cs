using System.Text.Json.Nodes;
using AxisEmulator.Vapix.Json;
using AxisEmulator.Vapix.Tests.Captures;
using AxisEmulator.Vapix.Tests.Support;

namespace AxisEmulator.Vapix.Tests.Data;

/// <summary>
/// Derives the checked-in data files of <c>hardware-profiles/vapix/</c> from the captures, so that
/// a test can prove the files are what the captures say (and rewrite them on request).
/// </summary>
internal static class CaptureDataExtraction
{
    /// <summary>Relative path (with <c>/</c>) → file content.</summary>
    public static SortedDictionary<string, string> ExpectedFiles(CaptureLibrary captures)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var fullTrees = NewestPerModel(captures, "parameter_management_list_all");
        foreach (var (model, cassette) in fullTrees)
        {
            files[$"{model}/params.txt"] = cassette.Exchanges.Single().Response.Body;
        }

        // Single values captured for models without a full list: laid over their generated tree.
        foreach (var (model, cassette) in NewestPerModel(captures, "parameter_management_list_image_resolution"))
        {
            if (!fullTrees.ContainsKey(model))
            {
                var lines = cassette.Exchanges.Single().Response.Body.Split('\n').Where(l => l.Contains('=', StringComparison.Ordinal));
                files[$"{model}/params-overlay.txt"] = string.Concat(lines.Select(l => "root." + l + "\n"));
            }
        }

        var apiLists = ApiLists(captures);
        foreach (var ((device, entries), _) in apiLists.Select((l, i) => (l, i)))
        {
            files[$"{device.Model}/apis-{device.Version}.json"] = WriteEntries(entries);
        }

        var cameras = CameraDevices(captures);
        foreach (var group in apiLists.GroupBy(l => CapturedPersonality.Of(l.Device)))
        {
            var name = $"_default/apis-{group.Key.ToString().ToLowerInvariant()}";
            files[name + ".json"] = WriteEntries(Intersection(group.Select(l => l.Entries).ToList()));
            var video = group.Where(l => cameras.Contains(l.Device.ToString())).Select(l => l.Entries).ToList();
            if (video.Count > 0)
            {
                files[name + "-video.json"] = WriteEntries(Intersection(video));
            }
        }

        return files;
    }

    /// <summary>One entry per line, in the device's order, each written exactly as the device wrote it.</summary>
    private static string WriteEntries(IEnumerable<JsonNode> entries) =>
        "[\n" + string.Join(",\n", entries.Select(e => "  " + AxisJsonWriter.Write(e, JsonLayout.Spaced))) + "\n]\n";

    /// <summary>Entries (same id and version) every list has, in the order of the first list.</summary>
    private static List<JsonNode> Intersection(List<List<JsonNode>> lists)
    {
        static string Key(JsonNode e) => $"{e["id"]}@{e["version"]}";
        var common = lists.Skip(1).Aggregate(
            lists[0].Select(Key).ToHashSet(StringComparer.Ordinal),
            (set, list) => { set.IntersectWith(list.Select(Key)); return set; });
        return lists[0].Where(e => common.Contains(Key(e))).ToList();
    }

    private static List<(CapturedDevice Device, List<JsonNode> Entries)> ApiLists(CaptureLibrary captures) =>
        captures.Cases("api_discovery_1_get_api_list")
            .SelectMany(c => c.Devices.Select(d => (Device: d, Body: c.Exchanges.Single().Response.Body)))
            .OrderBy(l => l.Device.ToString(), StringComparer.Ordinal)
            .Select(l => (l.Device, JsonNode.Parse(l.Body)!["data"]!["apiList"]!.AsArray().Select(e => e!.DeepClone()).ToList()))
            .ToList();

    /// <summary>Devices whose captured ProdType names a camera (they list the video APIs).</summary>
    private static HashSet<string> CameraDevices(CaptureLibrary captures) =>
        captures.Cases("basic_device_info_get_all_properties")
            .SelectMany(c => c.Devices.Select(d => (Device: d, Body: c.Exchanges.Single().Response.Body)))
            .Where(l => JsonNode.Parse(l.Body)!["data"]!["propertyList"]!["ProdType"]!.GetValue<string>().EndsWith("Camera", StringComparison.Ordinal))
            .Select(l => l.Device.ToString())
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>For each model, the cassette of its newest firmware in a case.</summary>
    private static Dictionary<string, CaptureCassette> NewestPerModel(CaptureLibrary captures, string caseName) =>
        captures.Cases(caseName)
            .Where(c => c.Case == caseName)
            .SelectMany(c => c.Devices.Select(d => (Device: d, Cassette: c)))
            .GroupBy(x => x.Device.Model, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.OrderByDescending(x => Version.Parse(x.Device.Version)).First().Cassette,
                StringComparer.Ordinal);
}
