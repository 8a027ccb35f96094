using AxisEmulator.Core.Profiles;
using AxisEmulator.Vapix.Auth;

namespace AxisEmulator.Vapix.Json;

/// <summary>Where a CGI puts <c>method</c> in its answers (captured per CGI).</summary>
public enum MethodEcho
{
    /// <summary>basicdeviceinfo: no <c>method</c> key at all.</summary>
    None,

    /// <summary>apidiscovery: <c>{"method", "apiVersion", ...}</c>.</summary>
    First,

    /// <summary>systemready, firmwaremanagement, network_settings: <c>{"apiVersion", "context"?, "method", ...}</c>.</summary>
    AfterContext,
}

/// <summary>Everything that differs between the JSON CGIs that share the AJR envelope (vapix-facts §1.2).</summary>
public sealed record JsonApiSpec
{
    /// <summary>API discovery id, e.g. <c>basic-device-info</c>.</summary>
    public required string Id { get; init; }

    public required JsonLayout Layout { get; init; }

    /// <summary>Whether the body ends with a newline (bdi/apidiscovery/fwmgr do; systemready/network_settings do not).</summary>
    public required bool TrailingNewline { get; init; }

    public required MethodEcho MethodEcho { get; init; }

    public required JsonErrorSet Errors { get; init; }

    /// <summary>The version this device answers with, per AXIS OS personality.</summary>
    public required IReadOnlyDictionary<FirmwarePersonality, ApiVersion> Versions { get; init; }

    /// <summary>Known methods and the access each needs; <c>getSupportedVersions</c> is always anonymous.</summary>
    public required IReadOnlyDictionary<string, AccessLevel> Methods { get; init; }

    /// <summary>Personalities on which the whole CGI needs this access, whatever the method (apidiscovery on 10.12).</summary>
    public IReadOnlyDictionary<FirmwarePersonality, AccessLevel> MinimumAccess { get; init; } = new Dictionary<FirmwarePersonality, AccessLevel>();

    public const string GetSupportedVersions = "getSupportedVersions";

    public static IReadOnlyDictionary<FirmwarePersonality, ApiVersion> OnEveryPersonality(ApiVersion version) =>
        Enum.GetValues<FirmwarePersonality>().ToDictionary(p => p, _ => version);

    public static IReadOnlyDictionary<FirmwarePersonality, ApiVersion> PerPersonality(string os10, string os11, string os12) =>
        new Dictionary<FirmwarePersonality, ApiVersion>
        {
            [FirmwarePersonality.Os10] = ApiVersion.Parse(os10),
            [FirmwarePersonality.Os11] = ApiVersion.Parse(os11),
            [FirmwarePersonality.Os12] = ApiVersion.Parse(os12),
        };

    public ApiVersion VersionFor(FirmwarePersonality personality) => Versions[personality];

    /// <summary>
    /// Access the call needs. Unknown or missing methods need only what the CGI needs, so that the
    /// caller gets the JSON error rather than a challenge.
    /// </summary>
    public AccessLevel RequiredAccess(string? method, FirmwarePersonality personality)
    {
        var floor = MinimumAccess.TryGetValue(personality, out var minimum) ? minimum : AccessLevel.Anonymous;
        var own = method is not null && Methods.TryGetValue(method, out var role) ? role : AccessLevel.Anonymous;
        return (AccessLevel)Math.Max((int)floor, (int)own);
    }
}
