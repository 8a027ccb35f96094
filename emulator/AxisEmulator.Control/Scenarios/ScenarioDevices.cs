using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Fleet;

namespace AxisEmulator.Control.Scenarios;

/// <summary>Puts a scenario's device into an emulator as the scenario describes it.</summary>
internal static class ScenarioDevices
{
    /// <summary>
    /// Adds one device of <paramref name="device"/>'s profile under <paramref name="id"/> (null: the
    /// emulator's next <c>cam-N</c>), with the scenario's admin account if it has one (so it is in
    /// service, not in setup mode). <paramref name="by"/> names who set it up in the timeline.
    /// </summary>
    public static Device Add(Emulator emulator, ScenarioDevice device, string? id, string? serial, string by)
    {
        var camera = emulator.AddDevice(device.Profile, id, serial);
        if (device.Admin is { } admin)
        {
            camera.UpdateConfig(
                c => (c with { Users = [.. c.Users.Where(u => u.Name != admin.User), UserAccount.Create(admin.User, admin.Password, camera.Identity.Realm, UserRole.Admin)] }, 0),
                $"{by} setup: admin account {admin.User}");
        }

        return camera;
    }
}
