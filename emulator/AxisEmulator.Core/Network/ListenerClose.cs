using AxisEmulator.Core.Devices;

namespace AxisEmulator.Core.Network;

/// <summary>
/// Whether the device's HTTP listener is open and, if not, how it went away: the one answer to
/// "orderly shutdown or lost power?" that the listeners and the VAPIX server both use.
/// </summary>
public enum ListenerClose
{
    /// <summary>Listening.</summary>
    Open,

    /// <summary>Going through a reboot (restart, factory default, upgrade): the web server stops gracefully and answers what it had accepted.</summary>
    Orderly,

    /// <summary>The power went (pulled, browned out): everything drops, nothing is answered.</summary>
    PowerLost,

    /// <summary>The unit is bricked: no network at all.</summary>
    Bricked,

    /// <summary>The cable to the switch was pulled: nothing gets through.</summary>
    LinkDown,
}

public static class ListenerCloses
{
    /// <summary>The one decision, from the device's state under its gate.</summary>
    internal static ListenerClose For(bool listening, DevicePhase phase, bool bricked, bool linkUp) =>
        listening ? ListenerClose.Open
        : !phase.IsPowered() ? ListenerClose.PowerLost
        : phase == DevicePhase.Bricked || bricked ? ListenerClose.Bricked
        : !linkUp ? ListenerClose.LinkDown
        : ListenerClose.Orderly;

    /// <summary>True when connections just drop (no FIN, no answer) instead of being finished as a graceful stop would.</summary>
    public static bool DropsConnections(this ListenerClose close) => close is ListenerClose.PowerLost or ListenerClose.Bricked or ListenerClose.LinkDown;
}
