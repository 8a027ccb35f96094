using AxisEmulator.Core.Chaos;
using AxisEmulator.Core.Devices;

namespace AxisEmulator.Core.Fleet;

/// <summary>What <see cref="FleetBuilder.Apply"/> did: the devices it added (in file order) and the chaos it started.</summary>
public sealed record FleetApplyResult(IReadOnlyList<Device> Devices, ChaosRun? Chaos);

/// <summary>Builds a <see cref="FleetFile"/> on an emulator.</summary>
public static class FleetBuilder
{
    /// <summary>
    /// Adds every group's devices in file order, sets their faults, then plugs in their power, and —
    /// when the file has a chaos section and <paramref name="startChaos"/> — draws the chaos plan over
    /// the added devices (seeded by the section's seed, else the emulator's) and makes it the
    /// emulator's current chaos (<see cref="ChaosController.Start"/>), counting from now.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// Nothing was added: the emulator's DHCP pool is not the file's (build the emulator with
    /// <see cref="FleetFile.ApplyTo"/>), its profiles lack one the file uses, or an id the file gives
    /// is already taken.
    /// </exception>
    public static FleetApplyResult Apply(FleetFile fleet, Emulator emulator, bool startChaos = true)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(emulator);
        if (!SamePool(fleet.DhcpPool, emulator.Options.DhcpPool))
        {
            throw new InvalidOperationException(
                $"the fleet file {fleet.Source} asks for DHCP pool {fleet.DhcpPool ?? "(none)"} but the emulator was built with {emulator.Options.DhcpPool ?? "(none)"}; build it with FleetFile.ApplyTo(options)");
        }

        var unknown = fleet.Groups.Select(g => g.Profile).Where(id => !emulator.Profiles.TryGet(id, out _)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"the fleet file {fleet.Source} uses profiles this emulator does not have: {string.Join(", ", unknown)}");
        }

        var taken = fleet.Groups.SelectMany(g => g.Ids ?? []).Where(id => emulator.TryGet(id, out _)).ToList();
        if (taken.Count > 0)
        {
            throw new InvalidOperationException(
                $"the fleet file {fleet.Source} names devices that already exist: {string.Join(", ", taken.Take(10))}{(taken.Count > 10 ? $", … ({taken.Count} in all)" : "")}");
        }

        var added = new List<Device>(fleet.DeviceCount);
        foreach (var group in fleet.Groups)
        {
            var ids = group.Ids;
            for (var i = 0; i < group.Count; i++)
            {
                var camera = emulator.AddDevice(group.Profile, ids?[i]);
                if (group.Faults.Button is { } button)
                {
                    camera.SetButtonFault(button);
                }

                if (group.Faults.Bricked is { } bricked)
                {
                    camera.SetBricked(bricked);
                }

                if (group.Faults.NetworkLink is { } link)
                {
                    camera.SetNetworkLink(link);
                }

                added.Add(camera);
            }
        }

        // Power last, device by device in file order, so the boot order (and the timeline) is reproducible.
        var index = 0;
        foreach (var group in fleet.Groups)
        {
            for (var i = 0; i < group.Count; i++, index++)
            {
                if (group.Power is { } source)
                {
                    added[index].PowerOn(source);
                }
            }
        }

        ChaosRun? chaos = null;
        if (startChaos && fleet.Chaos is { } section)
        {
            var options = section.SeedGiven ? section.Options : section.Options with { Seed = emulator.Seed };
            chaos = emulator.Chaos.Start(ChaosPlan.Generate(options, [.. added.Select(c => c.Id)]));
        }

        return new FleetApplyResult(added, chaos);
    }

    private static bool SamePool(string? a, string? b) =>
        string.Equals(Normalize(a), Normalize(b), StringComparison.Ordinal);

    private static string? Normalize(string? pool) =>
        string.IsNullOrWhiteSpace(pool) ? null : string.Join('-', pool.Split('-', StringSplitOptions.TrimEntries));
}
