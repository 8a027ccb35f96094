namespace AxisEmulator.Vapix.Json;

/// <summary>
/// The error family of the newer device JSON APIs (I/O port management, stream profiles, light
/// control...): 1100 internal, 2100 API version, 2101 invalid JSON, 2102 method, 2103 missing
/// parameter, 2104 invalid value (vapix-facts §9.4, K610's light-control table). Texts modelled ([E]).
/// </summary>
public static class DeviceJsonErrors
{
    public static JsonErrorSet Set { get; } = new(2101, 2103, 2100, 2102)
    {
        InvalidJsonText = "Invalid JSON",
        MissingParameterText = "Required parameter missing: '{0}'",
        UnsupportedVersionText = "The requested API version is not supported: '{0}'",
        UnknownMethodText = "Method not supported: '{0}'",
    };

    public static JsonError Missing(string name) => Set.MissingParameterError(name);

    public static JsonError InvalidValue(string name, string? value) => new(2104, $"Invalid parameter value: '{name}' = '{value}'");
}
