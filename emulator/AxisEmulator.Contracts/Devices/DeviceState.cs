using System.ComponentModel;
using System.Globalization;
using System.Text;

namespace AxisEmulator.Contracts;

/// <summary>The full state of one device, as of <see cref="Time"/> in simulated time (<c>GET /api/v1/devices/{id}</c>).</summary>
public sealed record DeviceState(
    string Id,
    string Profile,
    string Serial,
    DevicePhase Phase,
    PowerState Power,
    ButtonState Button,
    LedsState Leds,
    NetworkState Network,
    FirmwareState Firmware,
    [property: Description("Boots since the device was added (each boot loader start).")] int BootCount,
    [property: Description("Power cuts in a row since the last boot that reached ready.")] int BootLoopCount,
    bool Bricked,
    [property: Description("Simulated time of this picture.")] DateTimeOffset Time,
    [property: Description("Sequence number of the newest timeline entry: pass it as ?since= to read what follows.")] long LastSequence)
{
    /// <summary>
    /// One line for people and failure messages: <c>cam-1 (P3265-LVE) at 00:02:03.500: phase ready, status
    /// LED steady green, power ok 12.4 W of 25.5 W at 51.2 V, boot #2, needs setup</c>.
    /// </summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Id} ({Profile}) at {SimulatedTime.Format(Time)}: phase {Phase}, status LED {Leds?.Status}");
        if (Leds?.Power is { } powerLed)
        {
            text.Append(CultureInfo.InvariantCulture, $", power LED {powerLed}");
        }

        if (Power is { } power)
        {
            text.Append(power.On
                ? string.Create(CultureInfo.InvariantCulture, $", power {power.Status} {power.Watts:0.##} W of {power.BudgetWatts:0.##} W at {power.Volts:0.##} V")
                : ", unpowered");
        }

        if (Button is { } button)
        {
            text.Append(CultureInfo.InvariantCulture, $", button {(button.Pressed ? "held" : "up")} ({button.Condition})");
        }

        text.Append(CultureInfo.InvariantCulture, $", boot #{BootCount}");
        if (BootLoopCount > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" ({BootLoopCount} power cuts in a row)");
        }

        if (Firmware is { NeedsSetup: true })
        {
            text.Append(", needs setup");
        }

        if (Bricked)
        {
            text.Append(", bricked");
        }

        return text.ToString();
    }
}
