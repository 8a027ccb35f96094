namespace AxisEmulator.Vapix.Json;

/// <summary>An <c>{"error":{"code","message"}}</c> body (always HTTP 200 on the device).</summary>
public readonly record struct JsonError(int Code, string Message);

/// <summary>
/// The envelope errors of one CGI family. The codes differ per family: bdi/apidiscovery use
/// 4000/4002/2003/2004 (Axis docs, K610 error tables), firmwaremanagement uses HTTP-like codes,
/// network_settings 4001 for a version it lacks (OADM, 12.11). Only the bdi 2004 text is captured
/// from a device; the other texts are modelled ([E]).
/// </summary>
public sealed record JsonErrorSet(int InvalidJson, int MissingParameter, int UnsupportedVersion, int UnknownMethod)
{
    /// <summary>basicdeviceinfo, apidiscovery (and, for want of a published table, systemready).</summary>
    public static JsonErrorSet Classic { get; } = new(4000, 4002, 2003, 2004);

    /// <summary>firmwaremanagement.cgi: 400 bad request, 417 version, 405 unknown method (DOC-fwmgr texts).</summary>
    public static JsonErrorSet Firmware { get; } = new(400, 400, 417, 405)
    {
        InvalidJsonText = "Bad request.",
        MissingParameterText = "Bad request.",
        UnsupportedVersionText = "Unsupported API version.",
        UnknownMethodText = "Method not supported.",
    };

    /// <summary>network_settings.cgi: 4001 unsupported version (OADM, 12.11); the rest follow time.cgi's family.</summary>
    public static JsonErrorSet Network { get; } = new(2000, 2000, 4001, 4000)
    {
        InvalidJsonText = "Invalid request",
        MissingParameterText = "Invalid request",
        UnsupportedVersionText = "The specified version is not supported",
        UnknownMethodText = "Method does not exist",
    };

    /// <summary>Message texts; <c>{0}</c> is the offending name or value.</summary>
    public string InvalidJsonText { get; init; } = "JSON syntax error";

    public string MissingParameterText { get; init; } = "JSON semantic error: Required parameter missing: '{0}'";

    public string UnsupportedVersionText { get; init; } = "The requested API version is not supported: '{0}'";

    /// <summary>Default as captured on AXIS OS 8.45 bdi (RS4A fixture).</summary>
    public string UnknownMethodText { get; init; } = "JSON semantic error: Unknown method '{0}'";

    public JsonError InvalidJsonError() => new(InvalidJson, InvalidJsonText);

    public JsonError MissingParameterError(string name) => new(MissingParameter, Fill(MissingParameterText, name));

    public JsonError UnsupportedVersionError(string? requested) => new(UnsupportedVersion, Fill(UnsupportedVersionText, requested));

    public JsonError UnknownMethodError(string method) => new(UnknownMethod, Fill(UnknownMethodText, method));

    private static string Fill(string template, string? value) => template.Replace("{0}", value, StringComparison.Ordinal);
}
