using System.Text.Json.Nodes;
using AxisEmulator.Vapix.Auth;
using AxisEmulator.Vapix.Json;
using AxisEmulator.Vapix.Parameters;

namespace AxisEmulator.Vapix.Ntp;

/// <summary>
/// <c>/axis-cgi/ntp.cgi</c> (api id <c>ntp</c>: 1.2 on 10.12, 1.4 on 11.11, 1.5 on 12.9, captured api
/// lists). The client settings live in the legacy parameters (<c>Time.SyncSource</c>,
/// <c>Time.ObtainFromDHCP</c>, <c>Time.NTP.Server</c>), so param.cgi reads what ntp.cgi set. No server
/// is ever contacted: the device reports itself unsynchronised.
/// </summary>
public static class NtpApi
{
    public const string SyncSource = "Time.SyncSource";
    public const string ObtainFromDhcp = "Time.ObtainFromDHCP";
    public const string Servers = "Time.NTP.Server";

    public static JsonApiSpec Spec { get; } = new()
    {
        Id = "ntp",
        Layout = JsonLayout.Indented,
        TrailingNewline = false,
        MethodEcho = MethodEcho.AfterContext,
        Errors = JsonErrorSet.Network,
        Versions = JsonApiSpec.PerPersonality(os10: "1.2", os11: "1.4", os12: "1.5"),
        Methods = new Dictionary<string, AccessLevel>(StringComparer.Ordinal)
        {
            ["getNTPInfo"] = AccessLevel.Viewer,
            ["setNTPClientConfiguration"] = AccessLevel.Admin,
            [JsonApiSpec.GetSupportedVersions] = AccessLevel.Anonymous,
        },
    };

    /// <summary><c>getNTPInfo</c> data: the client section ([E] members after the Network time sync API model).</summary>
    public static JsonObject Info(ParameterTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var servers = StaticServers(tree[Servers]);
        return new JsonObject
        {
            ["client"] = new JsonObject
            {
                ["enabled"] = tree[SyncSource] != "None",
                ["serversSource"] = tree[ObtainFromDhcp] == "no" ? "static" : "DHCP",
                ["staticServers"] = new JsonArray([.. servers.Select(s => (JsonNode?)s)]),
                ["advertisedServers"] = new JsonArray(),
                ["synced"] = false,
                ["timeOffset"] = 0,
            },
        };
    }

    /// <summary><c>setNTPClientConfiguration</c>: <c>enabled</c>, <c>serversSource</c> DHCP|static, <c>staticServers</c>.</summary>
    public static IReadOnlyList<ParameterChange> ClientChanges(JsonParams read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var changes = new List<ParameterChange>();
        if (read.OptionalBool("enabled") is { } enabled)
        {
            changes.Add(new(SyncSource, enabled ? "NTP" : "None"));
        }

        if (read.OptionalString("serversSource") is { } source)
        {
            changes.Add(new(ObtainFromDhcp, source switch
            {
                "DHCP" => "yes",
                "static" => "no",
                _ => throw read.InvalidValue("serversSource"),
            }));
        }

        if (read.OptionalStrings("staticServers") is { } servers)
        {
            if (servers.Any(s => s.Length is 0 or > 255 || !s.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or ':')))
            {
                throw read.InvalidValue("staticServers");
            }

            changes.Add(new(Servers, servers.Count == 0 ? "0.0.0.0" : string.Join(',', servers)));
        }

        return changes.Count > 0 ? changes : throw new JsonParamException(read.Missing("enabled"));
    }

    private static string[] StaticServers(string? stored) =>
        stored is null or "" or "0.0.0.0" ? [] : stored.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
