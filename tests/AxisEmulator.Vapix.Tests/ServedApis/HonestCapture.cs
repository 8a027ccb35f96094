using System.Text.Json.Nodes;
using AxisEmulator.Vapix.Json;
using AxisEmulator.Vapix.Parameters;
using AxisEmulator.Vapix.ServedApis;

namespace AxisEmulator.Vapix.Tests.ServedApis;

/// <summary>
/// A captured answer as the emulator must give it under the honesty rule: what the real device said,
/// less the APIs the emulator does not serve. Everything left must still match byte for byte.
/// </summary>
internal static class HonestCapture
{
    /// <summary>A captured getApiList answer without the entries of unserved APIs (other answers unchanged).</summary>
    public static string ApiList(string capturedBody)
    {
        if (JsonNode.Parse(capturedBody) is not JsonObject answer || answer["data"]?["apiList"] is not JsonArray list)
        {
            return capturedBody;
        }

        answer["data"]!["apiList"] = ServedApiTable.OnlyServed(list);
        return AxisJsonWriter.Write(answer, JsonLayout.Spaced) + (capturedBody.EndsWith('\n') ? "\n" : "");
    }

    /// <summary>A captured param.cgi listing without the <c>Properties.API</c> groups of unserved APIs.</summary>
    public static string ParamList(string capturedBody)
    {
        var withdrawn = AdvertisedApiProperties.ApiOfGroup
            .Where(g => !ServedApiTable.IsServed(g.Value))
            .Select(g => $"Properties.API.{g.Key}.")
            .ToList();
        var kept = capturedBody.Split('\n')
            .Where(line => !withdrawn.Any(prefix => ParameterTree.StripRoot(line).StartsWith(prefix, StringComparison.Ordinal)));
        return string.Join('\n', kept);
    }
}
