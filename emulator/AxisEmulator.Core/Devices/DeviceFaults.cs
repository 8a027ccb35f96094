using AxisEmulator.Core.Button;

namespace AxisEmulator.Core.Devices;

/// <summary>The faults a tester sets on a device at once (the control API's <c>PUT …/faults</c>, a scenario's <c>fault</c> step).</summary>
public static class DeviceFaults
{
    /// <summary>Applies each fault that is given, in the order button, bricked, network link; a null leaves that part as it is.</summary>
    public static void SetFaults(this Device device, ButtonFault? button = null, bool? bricked = null, bool? networkLink = null)
    {
        ArgumentNullException.ThrowIfNull(device);
        if (button is not null)
        {
            device.SetButtonFault(button);
        }

        if (bricked is { } brick)
        {
            device.SetBricked(brick);
        }

        if (networkLink is { } link)
        {
            device.SetNetworkLink(link);
        }
    }
}
