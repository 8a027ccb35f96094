using AxisEmulator.Contracts;
using AxisEmulator.Core.Power;
using CorePowerSource = AxisEmulator.Core.Power.PowerSource;
using HardwareProfile = AxisEmulator.Core.Profiles.HardwareProfile;
using PowerSource = AxisEmulator.Contracts.PowerSource;

namespace AxisEmulator.Control.Api;

/// <summary>Power request bodies → Core power sources, with every problem reported by JSON path.</summary>
public static class PowerSources
{
    /// <summary>Cable length assumed when a PoE source does not give one.</summary>
    public const double DefaultCableMeters = DefaultPowerSource.CableMeters;

    /// <summary>
    /// Builds the source <paramref name="body"/> describes for a device of <paramref name="profile"/>;
    /// adds problems under <paramref name="path"/> (e.g. <c>$.source</c>) and returns null when it is invalid.
    /// </summary>
    public static CorePowerSource? Build(PowerSource body, HardwareProfile profile, string path, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        if (body.Kind is not { } kind)
        {
            errors.Add($"{path}.kind", $"{path}.kind is required: one of {string.Join(", ", ControlJson.Names(typeof(PowerSourceKind)))}.");
            return null;
        }

        if (kind == PowerSourceKind.Poe)
        {
            NotFor(body.Volts, "volts", "poe", "use pseVolts for the PSE's output voltage");
            NotFor(body.Amps, "amps", "poe", null);
            return BuildPoe(body, profile, path, errors, before);
        }

        if (kind == PowerSourceKind.Passive)
        {
            NotForPoeFields("passive");
            NotFor(body.Amps, "amps", "passive", null);
            if (body.Volts is null)
            {
                errors.Add($"{path}.volts", $"{path}.volts is required for a passive injector, e.g. 24.");
                return null;
            }

            return Checked(new PassiveSource(body.Volts.Value), path, errors, before);
        }

        if (kind == PowerSourceKind.Dc)
        {
            NotForPoeFields("dc");
            if (body.Volts is null)
            {
                errors.Add($"{path}.volts", $"{path}.volts is required for a DC adapter, e.g. 12.");
                return null;
            }

            return Checked(new DcSource(body.Volts.Value, body.Amps ?? DefaultPowerSource.AdapterAmps(profile, body.Volts.Value)), path, errors, before);
        }

        errors.Add($"{path}.kind", $"{path}.kind must be one of {string.Join(", ", ControlJson.Names(typeof(PowerSourceKind)))}.");
        return null;

        void NotFor(object? value, string field, string kind, string? hint)
        {
            if (value is not null)
            {
                errors.Add($"{path}.{field}", $"{path}.{field} does not apply to a {kind} source{(hint is null ? "" : "; " + hint)}.");
            }
        }

        void NotForPoeFields(string kind)
        {
            NotFor(body.Standard, "standard", kind, null);
            NotFor(body.PseClass, "pseClass", kind, null);
            NotFor(body.CableMeters, "cableMeters", kind, null);
            NotFor(body.CableCategory, "cableCategory", kind, null);
            NotFor(body.PseVolts, "pseVolts", kind, null);
        }
    }

    private static PoeSource? BuildPoe(PowerSource body, HardwareProfile profile, string path, ValidationErrors errors, int before)
    {
        PoeStandard? standard = null;
        if (body.Standard is not null)
        {
            if (PoeStandards.TryParse(body.Standard, out var parsed))
            {
                standard = parsed;
            }
            else
            {
                errors.Add($"{path}.standard", $"{path}.standard '{body.Standard}' is not a PoE standard: expected 802.3af, 802.3at or 802.3bt.");
            }
        }

        var cable = CableCategory.Cat5e;
        if (body.CableCategory is not null && !CableCategories.TryParse(body.CableCategory, out cable))
        {
            errors.Add(
                $"{path}.cableCategory",
                $"{path}.cableCategory '{body.CableCategory}' is not a cable category: expected {string.Join(", ", CableCategories.All.Select(c => c.ToWireString()))}.");
        }

        if (errors.Count > before)
        {
            return null;
        }

        // No class: the device's own, or the most the named standard supplies (a DC-only device on PoE simply gets no power).
        var pseClass = body.PseClass ?? profile.Power.PoeClass ?? standard?.MaxClass() ?? PoeStandard.At.MaxClass();
        var source = new PoeSource(
            standard ?? PoeStandards.LowestFor(Math.Clamp(pseClass, 0, PoeMath.MaxPoeClass)),
            pseClass,
            body.CableMeters ?? DefaultCableMeters,
            cable,
            body.PseVolts);
        return Checked(source, path, errors, before);
    }

    private static T? Checked<T>(T source, string path, ValidationErrors errors, int before)
        where T : CorePowerSource
    {
        foreach (var problem in source.Validate())
        {
            errors.Add(path, $"{path}: {problem}.");
        }

        return errors.Count > before ? null : source;
    }
}
