using AxisEmulator.Vapix.Auth;
using AxisEmulator.Vapix.Json;

namespace AxisEmulator.Vapix.Time;

/// <summary>
/// <c>/axis-cgi/time.cgi</c> (api id <c>time-service</c>: 1.0 on 10.12, 1.1 on 11.x/12.x in the captured
/// api lists). Error codes as on 12.11 (vapix-facts §9.7: 4001 version, 4000 method, 2000 request).
/// Reads for viewers, changes for administrators ([E]).
/// </summary>
public static class TimeApi
{
    public static JsonApiSpec Spec { get; } = new()
    {
        Id = "time-service",
        Layout = JsonLayout.Indented,
        TrailingNewline = false,
        MethodEcho = MethodEcho.AfterContext,
        Errors = JsonErrorSet.Network,
        Versions = JsonApiSpec.PerPersonality(os10: "1.0", os11: "1.1", os12: "1.1"),
        Methods = new Dictionary<string, AccessLevel>(StringComparer.Ordinal)
        {
            ["getDateTimeInfo"] = AccessLevel.Viewer,
            ["getAll"] = AccessLevel.Viewer,
            ["setDateTime"] = AccessLevel.Admin,
            ["setTimeZone"] = AccessLevel.Admin,
            ["setPosixTimeZone"] = AccessLevel.Admin,
            ["resetTimeZone"] = AccessLevel.Admin,
            [JsonApiSpec.GetSupportedVersions] = AccessLevel.Anonymous,
        },
    };
}
