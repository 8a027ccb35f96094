using System.Globalization;
using AxisEmulator.Core.Power;
using AxisEmulator.Core.Yaml;

namespace AxisEmulator.Core.Profiles;

/// <summary>
/// What the schema cannot say because it relates two values (the hold window runs from min to max,
/// loads rise through the boot phases, a PoE class's budget), checked on the merged profile and
/// reported at the file and line that set the offending value.
/// </summary>
internal static class ProfileRules
{
    private const double Slack = 1e-9;

    public static void Check(ProfileValues values, IReadOnlyList<ProfileEstimates.Estimate> estimates, ICollection<FileError> errors)
    {
        Ordered(values, "reset.holdMinSeconds", "reset.holdMaxSeconds", strict: false, errors, "the hold window runs from min to max");
        CheckPower(values, errors);
        Ordered(values, "boot.bootLoaderSeconds", "boot.networkUpSeconds", strict: true, errors);
        Ordered(values, "boot.networkUpSeconds", "boot.readySeconds", strict: false, errors);
        CheckHardware(values, errors);

        foreach (var estimate in estimates)
        {
            if (values.Node(estimate.Key) is null)
            {
                errors.Add(new FileError(estimate.File, estimate.Line, $"estimate '{estimate.Key}' names a value this profile does not set"));
            }
        }
    }

    private static void CheckPower(ProfileValues values, ICollection<FileError> errors)
    {
        if (values.Node("power") is not YMapping power || !values.IsValid(power))
        {
            return;
        }

        var hasPoe = power.Get("poeClass") is { } poe && poe is not YScalar { IsNull: true };
        var hasDc = power.Get("dc") is { } dc && dc is not YScalar { IsNull: true };
        if (!hasPoe && !hasDc)
        {
            var key = values.KeyOf("power")!;
            errors.Add(new FileError(key.File, key.Line, "'power' has no input: set power.poeClass (0-8) for PoE or power.dc {min, max} for a DC supply"));
        }

        Ordered(values, "power.dc.min", "power.dc.max", strict: false, errors);

        // Loads: boot loader < kernel <= running <= peak; degraded <= peak.
        Ordered(values, "power.loads.bootLoader", "power.loads.kernel", strict: true, errors);
        Ordered(values, "power.loads.kernel", "power.loads.running", strict: false, errors);
        Ordered(values, "power.loads.running", "power.loads.peak", strict: false, errors);
        Ordered(values, "power.loads.degraded", "power.loads.peak", strict: false, errors);

        if (values.Number("power.poeClass") is not { } poeClass)
        {
            return;
        }

        var budget = PoeMath.PdWatts((int)poeClass);
        var cls = ((int)poeClass).ToString(CultureInfo.InvariantCulture);
        if (values.Number("power.loads.running") is { } running && running > budget + Slack)
        {
            var at = values.Scalar("power.loads.running")!;
            errors.Add(new FileError(at.File, at.Line, $"'power.loads.running' ({Format(running)} W) exceeds the {Format(budget)} W a class {cls} PD may draw"));
        }
        else if (values.Boolean("power.canRunDegraded") is not true && values.Number("power.loads.peak") is { } peak && peak > budget + Slack)
        {
            var at = values.Scalar("power.loads.peak")!;
            errors.Add(new FileError(at.File, at.Line, $"'power.loads.peak' ({Format(peak)} W) exceeds the {Format(budget)} W a class {cls} PD may draw; lower it or set power.canRunDegraded: true"));
        }
    }

    /// <summary>Video hardware needs video: no image source without it, no PTZ without an image source.</summary>
    private static void CheckHardware(ProfileValues values, ICollection<FileError> errors)
    {
        var sources = values.Number("hardware.imageSources");
        var hasVideo = values.Boolean("hasVideo") is not false;
        if (sources is { } count && (hasVideo ? count == 0 : count > 0))
        {
            var at = values.Scalar("hardware.imageSources")!;
            var rule = hasVideo ? "must be 1 or more on a profile with video (set hasVideo: false for a device without)" : "must be 0 on a profile with hasVideo: false";
            errors.Add(new FileError(at.File, at.Line, $"'hardware.imageSources' ({at.Value}) {rule}"));
        }

        if (values.Scalar("hardware.ptz") is { Value: not "none" } ptz && (sources == 0 || (sources is null && !hasVideo)))
        {
            errors.Add(new FileError(ptz.File, ptz.Line, $"'hardware.ptz' ({ptz.Value}) needs an image source: set hardware.imageSources to 1 or more, or ptz: none"));
        }
    }

    /// <summary>Reports when <paramref name="lowPath"/> is above <paramref name="highPath"/> (or equal, when strict).</summary>
    private static void Ordered(ProfileValues values, string lowPath, string highPath, bool strict, ICollection<FileError> errors, string? why = null)
    {
        if (values.Number(lowPath) is not { } low || values.Number(highPath) is not { } high || (strict ? low < high : low <= high))
        {
            return;
        }

        var lowNode = values.Scalar(lowPath)!;
        var unit = HardwareProfileSchema.UnitOf(lowPath) is { Length: > 0 } u ? " " + u : "";
        var relation = strict ? "must be less than" : "must not exceed";
        var message = $"'{lowPath}' ({lowNode.Value}{unit}) {relation} '{highPath}' ({values.Scalar(highPath)!.Value}{unit})";
        errors.Add(new FileError(lowNode.File, lowNode.Line, why is null ? message : message + "; " + why));
    }

    private static string Format(double value) => NumberRange.Format(value);
}
