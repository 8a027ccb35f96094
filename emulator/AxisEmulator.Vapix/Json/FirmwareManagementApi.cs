using AxisEmulator.Core.Profiles;
using AxisEmulator.Vapix.Auth;

namespace AxisEmulator.Vapix.Json;

/// <summary>
/// <c>/axis-cgi/firmwaremanagement.cgi</c> envelope and error codes (vapix-facts §6). The actions
/// (upgrade, reboot, factoryDefault, ...) need the device and are wired by the integration; this
/// gives them the spec, for <see cref="JsonApiCall.Parse"/>, and the exact error answers.
/// Administrator only; indented JSON; 1.4 (10.12), 1.5 (11.11), 1.8 (12.9) as captured.
/// </summary>
public static class FirmwareManagementApi
{
    public static JsonApiSpec Spec { get; } = new()
    {
        Id = "fwmgr",
        Layout = JsonLayout.Indented,
        TrailingNewline = true,
        MethodEcho = MethodEcho.AfterContext,
        Errors = JsonErrorSet.Firmware,
        Versions = JsonApiSpec.PerPersonality(os10: "1.4", os11: "1.5", os12: "1.8"),
        Methods = new[] { "status", "upgrade", "commit", "rollback", "purge", "factoryDefault", "stopAuto", "reboot", JsonApiSpec.GetSupportedVersions }
            .ToDictionary(m => m, _ => AccessLevel.Admin, StringComparer.Ordinal),
        MinimumAccess = Enum.GetValues<FirmwarePersonality>().ToDictionary(p => p, _ => AccessLevel.Admin),
    };
}

/// <summary>
/// firmwaremanagement.cgi errors. 421 and 409 texts are captured from devices; 404, 412, 417 and 500
/// are the documentation's; the rest are modelled on them ([E]).
/// </summary>
public static class FirmwareManagementErrors
{
    public static readonly JsonError BadRequest = new(400, "Bad request.");
    public static readonly JsonError NoOldFirmware = new(404, "No old firmware exists.");
    public static readonly JsonError MethodNotSupported = new(405, "Method not supported.");
    public static readonly JsonError DowngradeNeedsHardReset = new(409, "Downgrade is only allowed if factoryDefault=hard is set.");
    public static readonly JsonError Revoked = new(410, "Firmware image has been revoked.");
    public static readonly JsonError NotCommitted = new(412, "Current firmware is not active.");
    public static readonly JsonError InvalidImage = new(415, "Invalid firmware image.");
    public static readonly JsonError UnsupportedApiVersion = new(417, "Unsupported API version.");

    /// <summary>An image for another model, or any invalid binary (captured on 10.12, 11.11 and 12.9).</summary>
    public static readonly JsonError ImageMismatch = new(421, "Firmware image does not match this device.");

    public static readonly JsonError MissingSignature = new(422, "Firmware image is not signed.");
    public static readonly JsonError Busy = new(423, "Busy with another firmware request.");
    public static readonly JsonError UnknownCertificate = new(424, "Unknown custom firmware certificate.");
    public static readonly JsonError Internal = new(500, "Unexpected internal error.");
}
