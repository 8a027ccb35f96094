namespace AxisEmulator.Core.Events;

/// <summary>What a timeline entry is about (serialised kebab-case by the control plane).</summary>
public enum TimelineKind
{
    Power,
    Button,
    Led,
    Phase,
    Http,
    Fault,
    Config,
    Boot,
    Network,
}
