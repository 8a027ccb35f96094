namespace AxisEmulator.Core.Power;

/// <summary>State of a device's power rail (wire names <c>ok|degraded|overload|undervoltage|no-power</c>).</summary>
public enum PowerStatus
{
    /// <summary>Powered with the load it asks for.</summary>
    Ok,

    /// <summary>Powered, but the PSE granted a lower class: heater/IR limited, power-warning overlay.</summary>
    Degraded,

    /// <summary>The load exceeds the granted budget or the current limit: the PSE (or adapter) cuts power.</summary>
    Overload,

    /// <summary>The cable drops the voltage below the PD's minimum: the PD browns out.</summary>
    Undervoltage,

    /// <summary>Nothing usable reaches the device (no source, wrong input, wrong voltage).</summary>
    NoPower,
}

/// <summary>Wire names for <see cref="PowerStatus"/>.</summary>
public static class PowerStatuses
{
    /// <summary><c>ok</c>, <c>degraded</c>, <c>overload</c>, <c>undervoltage</c> or <c>no-power</c>.</summary>
    public static string ToWireString(this PowerStatus status) => status switch
    {
        PowerStatus.Ok => "ok",
        PowerStatus.Degraded => "degraded",
        PowerStatus.Overload => "overload",
        PowerStatus.Undervoltage => "undervoltage",
        PowerStatus.NoPower => "no-power",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown power status"),
    };
}
