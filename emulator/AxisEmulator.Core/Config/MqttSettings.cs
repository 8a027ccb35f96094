namespace AxisEmulator.Core.Config;

/// <summary>
/// The MQTT client and event bridge settings (MQTT client API, MQTT event bridge API), kept as the
/// JSON objects the device reports. No broker is ever contacted: they are stored and read back only.
/// </summary>
public sealed record MqttSettings
{
    /// <summary>The client configuration as reported by <c>getClientStatus</c> (JSON object, password left out); null until configured.</summary>
    public string? Client { get; init; }

    /// <summary>Activated with <c>activateClient</c>, until <c>deactivateClient</c>.</summary>
    public bool Active { get; init; }

    /// <summary>The event publication configuration (JSON object); null until configured.</summary>
    public string? EventPublication { get; init; }
}
