namespace AxisEmulator.Control;

/// <summary>Marker for the control-plane assembly (REST API, event stream, scenarios, dashboard).</summary>
public static class ControlAssembly;
