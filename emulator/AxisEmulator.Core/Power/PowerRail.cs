using System.Globalization;
using AxisEmulator.Core.Profiles;

namespace AxisEmulator.Core.Power;

/// <summary>
/// The power rail of a simulated device: given what feeds it and the load of its current boot phase,
/// whether it is up and with which figures (DESIGN.md §4.1). Pure and deterministic; the caller turns
/// a reading that is not powered into a brown-out and, for PoE, a PSE retry after
/// <see cref="PowerSpec.PseRetrySeconds"/>.
/// </summary>
public static class PowerRail
{
    /// <summary>
    /// Evaluates <paramref name="source"/> feeding a device described by <paramref name="spec"/> that
    /// draws <paramref name="loadWatts"/> (the load of its current phase, from <see cref="PhaseLoads"/>).
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>No source: <see cref="PowerStatus.NoPower"/>.</item>
    /// <item>PoE: the PD classifies as <see cref="PowerSpec.PoeClass"/> (null: no PoE input, no power).
    /// The PSE grants at most its own class; the budget is the PD power of the lower of the two (by
    /// power, so class 0 counts as class 3). If the PSE grants less than the PD asks for and the device
    /// can run degraded, its load is capped at <see cref="PhaseLoads.Degraded"/> (default
    /// <see cref="PhaseLoads.Running"/>) and it reports <see cref="PowerStatus.Degraded"/>. A load above
    /// the budget is an <see cref="PowerStatus.Overload"/>. Then the cable: no operating point or volts
    /// at the PD below the granted type's minimum is <see cref="PowerStatus.Undervoltage"/>; current
    /// per pairset above the type's limit is an overload.</item>
    /// <item>Passive injector: no classification, no budget; a PoE PD turns on only between 37 and
    /// 57 V. The cable is not modelled.</item>
    /// <item>DC: only on a device with a DC input and within its range; the adapter supplies volts × amps.</item>
    /// </list>
    /// </remarks>
    /// <exception cref="ArgumentException">The source fails <see cref="PowerSource.Validate"/>, or the load is negative or not finite.</exception>
    public static PowerReading Evaluate(PowerSource? source, PowerSpec spec, double loadWatts)
    {
        ArgumentNullException.ThrowIfNull(spec);
        CheckLoad(loadWatts);
        source?.EnsureValid();
        return source switch
        {
            null => PowerReading.NoPower("no power source connected"),
            PoeSource poe => EvaluatePoe(poe, spec, loadWatts),
            PassiveSource passive => EvaluatePassive(passive, spec, loadWatts),
            DcSource dc => EvaluateDc(dc, spec, loadWatts),
            _ => throw new ArgumentException($"unsupported power source {source.GetType().Name}", nameof(source)),
        };
    }

    /// <summary>
    /// Longest cable, in metres (rounded down to the centimetre, at most 250 m), on which
    /// <see cref="Evaluate"/> still keeps a device drawing <paramref name="loadWatts"/> up
    /// (<see cref="PowerStatus.Ok"/> or <see cref="PowerStatus.Degraded"/>) from such a PSE.
    /// 0 when it cannot run at any length (no PoE input, load over the budget, or PSE too weak even
    /// with no cable) — check <see cref="Evaluate"/> at 0 m to tell that apart from "exactly 0 m".
    /// </summary>
    /// <remarks>Closed form, see <see cref="PoeMath.MaxLoopOhms"/>.</remarks>
    /// <exception cref="ArgumentException">The PSE figures are invalid, or the load is negative or not finite.</exception>
    public static double MaxCableMeters(
        PoeStandard standard,
        int pseClass,
        CableCategory cable,
        PowerSpec spec,
        double loadWatts,
        double? pseVolts = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        CheckLoad(loadWatts);
        var source = new PoeSource(standard, pseClass, 0, cable, pseVolts);
        source.EnsureValid();
        if (spec.PoeClass is not { } pdClass)
        {
            return 0;
        }

        var grant = Negotiate(source, pdClass, spec, loadWatts);
        if (grant.OverloadExplanation is not null)
        {
            return 0;
        }

        var fourPair = PoeMath.UsesFourPairs(grant.GrantedClass);
        var maxOhms = PoeMath.MaxLoopOhms(
            source.EffectivePseVolts,
            grant.Load,
            PoeMath.PdMinimumVolts(grant.GrantedClass),
            PoeMath.MaxAmpsPerPairset(grant.GrantedClass) * (fourPair ? 2 : 1));
        if (maxOhms < 0)
        {
            return 0;
        }

        var meters = maxOhms / PoeMath.LoopResistanceOhms(cable, 1, fourPair);
        return meters >= PoeMath.MaxModelledCableMeters
            ? PoeMath.MaxModelledCableMeters
            : Math.Floor((meters * 100) + 1e-6) / 100;
    }

    private static PowerReading EvaluatePoe(PoeSource poe, PowerSpec spec, double loadWatts)
    {
        if (spec.PoeClass is not { } pdClass)
        {
            return PowerReading.NoPower(Text(
                $"{poe.Standard.ToWireString()} PSE: the device has no PoE input (DC only); nothing lights"));
        }

        var grant = Negotiate(poe, pdClass, spec, loadWatts);
        var fourPair = PoeMath.UsesFourPairs(grant.GrantedClass);
        var ohms = PoeMath.LoopResistanceOhms(poe.Cable, poe.CableMeters, fourPair);
        var pseVolts = poe.EffectivePseVolts;
        var point = PoeMath.Evaluate(pseVolts, grant.Load, ohms);
        var link = Text(
            $"{poe.Standard.ToWireString()} class-{poe.PseClass} PSE at {pseVolts:0.##} V over {poe.CableMeters:0.##} m of {poe.Cable.ToWireString()} ({ohms:0.##} Ω loop{(fourPair ? ", 4 pairs" : "")})");
        var minVolts = PoeMath.PdMinimumVolts(grant.GrantedClass);

        PowerReading Reading(PowerStatus status, string explanation) => point is { } p
            ? new PowerReading(status, p.VoltsAtDevice, grant.Load, grant.Budget, p.CableLossWatts, p.Amps, grant.Degraded, explanation, minVolts)
            : new PowerReading(status, 0, grant.Load, grant.Budget, 0, 0, grant.Degraded, explanation, minVolts);

        if (grant.OverloadExplanation is { } overload)
        {
            return Reading(PowerStatus.Overload, overload);
        }

        var type = PoeMath.PoeType(grant.GrantedClass);
        var typeName = TypeName(type);
        if (point is not { } op)
        {
            return Reading(PowerStatus.Undervoltage, Text(
                $"{link}: no operating point for a {grant.Load:0.##} W load (the cable would drop more than half of {pseVolts:0.##} V): the PD drops out (undervoltage)"));
        }

        if (op.VoltsAtDevice < minVolts - PoeMath.Tolerance)
        {
            return Reading(PowerStatus.Undervoltage, Text(
                $"{link}: {grant.Load:0.##} W leaves {op.VoltsAtDevice:0.##} V at the device, below the {minVolts:0.##} V a {typeName} PD needs: the PD drops out (undervoltage)"));
        }

        var perPairset = fourPair ? op.Amps / 2 : op.Amps;
        var maxAmps = PoeMath.MaxAmpsPerPairset(grant.GrantedClass);
        if (perPairset > maxAmps + PoeMath.Tolerance)
        {
            return Reading(PowerStatus.Overload, Text(
                $"{link}: {grant.Load:0.##} W draws {perPairset:0.###} A per pairset, above the {maxAmps:0.###} A limit of {typeName}: PSE cuts power (overload)"));
        }

        var figures = Text(
            $"{grant.Load:0.##} W at {op.VoltsAtDevice:0.##} V, {op.Amps:0.###} A, {op.CableLossWatts:0.##} W lost in the cable");
        if (grant.Degraded)
        {
            return Reading(PowerStatus.Degraded, Text(
                $"{link}: class-{pdClass} PD granted class {grant.GrantedClass} (budget {grant.Budget:0.##} W) runs degraded, heater/IR limited with a power warning; {figures} (degraded)"));
        }

        var granted = grant.GrantedClass == pdClass
            ? Text($"class-{pdClass} budget {grant.Budget:0.##} W")
            : Text($"class-{pdClass} PD granted class {grant.GrantedClass}, budget {grant.Budget:0.##} W");
        return Reading(PowerStatus.Ok, Text($"{link}: {figures}; {granted} (ok)"));
    }

    private static PowerReading EvaluatePassive(PassiveSource passive, PowerSpec spec, double loadWatts)
    {
        var v = passive.Volts;
        if (spec.PoeClass is null)
        {
            return PowerReading.NoPower(Text($"{v:0.##} V passive injector: the device has no PoE input; nothing lights"));
        }

        if (v < PoeMath.PdMinimumVolts(0))
        {
            return PowerReading.NoPower(Text(
                $"{v:0.##} V passive injector: below the {PoeMath.PdMinimumVolts(0):0.##} V a PoE PD needs to turn on; nothing lights"));
        }

        if (v > PoeMath.PdMaximumVolts)
        {
            return PowerReading.NoPower(Text(
                $"{v:0.##} V passive injector: above the {PoeMath.PdMaximumVolts:0.##} V a PoE PD accepts; it would damage the device (modelled as no power)"));
        }

        var amps = loadWatts / v;
        return new PowerReading(PowerStatus.Ok, v, loadWatts, 0, 0, amps, false, Text(
            $"{v:0.##} V passive injector (no detection or classification, no budget enforced): {loadWatts:0.##} W at {v:0.##} V, {amps:0.###} A (ok)"), PoeMath.PdMinimumVolts(0));
    }

    private static PowerReading EvaluateDc(DcSource dc, PowerSpec spec, double loadWatts)
    {
        var v = dc.Volts;
        if (spec.Dc is not { } range)
        {
            return PowerReading.NoPower(Text($"{v:0.##} V DC adapter: the device has no DC input; nothing lights"));
        }

        if (v < range.Min)
        {
            return PowerReading.NoPower(Text(
                $"{v:0.##} V DC adapter: below the {range.Min:0.##}–{range.Max:0.##} V DC input range; the device does not start"));
        }

        if (v > range.Max)
        {
            return PowerReading.NoPower(Text(
                $"{v:0.##} V DC adapter on a {range.Min:0.##}–{range.Max:0.##} V DC input: it would damage the device (modelled as no power)"));
        }

        var budget = v * dc.Amps;
        var amps = loadWatts / v;
        var adapter = Text($"{v:0.##} V {dc.Amps:0.##} A DC adapter");
        if (loadWatts > budget + PoeMath.Tolerance)
        {
            return new PowerReading(PowerStatus.Overload, v, loadWatts, budget, 0, amps, false, Text(
                $"{adapter}: {loadWatts:0.##} W load exceeds its {budget:0.##} W: the adapter cuts out (overload)"), range.Min);
        }

        return new PowerReading(PowerStatus.Ok, v, loadWatts, budget, 0, amps, false, Text(
            $"{adapter}: {loadWatts:0.##} W at {v:0.##} V, {amps:0.###} A; budget {budget:0.##} W (ok)"), range.Min);
    }

    /// <summary>Classification: what the PSE grants and the load the PD then draws.</summary>
    private static Grant Negotiate(PoeSource poe, int pdClass, PowerSpec spec, double loadWatts)
    {
        var wanted = PoeMath.PdWatts(pdClass);
        var offered = PoeMath.PdWatts(poe.PseClass);
        var underGranted = offered < wanted;
        var grantedClass = underGranted ? poe.PseClass : pdClass;
        var budget = PoeMath.PdWatts(grantedClass);

        if (underGranted && spec.CanRunDegraded)
        {
            var degradedLoad = spec.Loads.Degraded ?? spec.Loads.Running;
            var load = Math.Min(loadWatts, degradedLoad);
            var overload = load > budget + PoeMath.Tolerance
                ? Text(
                    $"class-{pdClass} PD on a class-{grantedClass} PSE: even the degraded load {load:0.##} W exceeds the class-{grantedClass} PSE budget of {budget:0.##} W: PSE cuts power (overload)")
                : null;
            return new Grant(grantedClass, budget, load, true, overload);
        }

        return new Grant(
            grantedClass,
            budget,
            loadWatts,
            false,
            loadWatts > budget + PoeMath.Tolerance
                ? Text(
                    $"class-{pdClass} load {loadWatts:0.##} W exceeds the class-{grantedClass} PSE budget of {budget:0.##} W: PSE cuts power (overload)")
                : null);
    }

    private static string TypeName(int type) => type switch
    {
        1 => "Type 1 (802.3af)",
        2 => "Type 2 (802.3at)",
        _ => Text($"Type {type} (802.3bt)"),
    };

    private static void CheckLoad(double loadWatts)
    {
        if (!(loadWatts >= 0) || double.IsInfinity(loadWatts))
        {
            throw new ArgumentOutOfRangeException(nameof(loadWatts), loadWatts, "load must be a finite number of watts, zero or more");
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Grant(int GrantedClass, double Budget, double Load, bool Degraded, string? OverloadExplanation);
}
