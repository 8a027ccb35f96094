using AxisEmulator.Core.Button;
using AxisEmulator.Core.Chaos;
using AxisEmulator.Core.Yaml;

namespace AxisEmulator.Core.Fleet;

/// <summary>A group's <c>faults:</c> and the fleet's seeded <c>chaos:</c>.</summary>
internal sealed partial class FleetFileParser
{
    private static readonly string[] FaultKeys = ["button", "dropoutsPerSecond", "dropoutMs", "bricked", "networkLink"];
    private static readonly string[] ButtonConditions = ["healthy", "mushy", "stuck", "broken"];
    private static readonly string[] ChaosKeys =
        ["seed", "duration", "brownoutsPerHour", "rebootsPerHour", "mushyButtonFraction", "brickedFraction", "networkLossesPerHour", "networkLossSeconds"];

    private FleetFaults? Faults(YamlFields faults)
    {
        var before = errors.Count;
        var condition = faults.OneOf("button", ButtonConditions);
        var perSecond = faults.Number("dropoutsPerSecond", NumberRange.GreaterThan(0, 100));
        var dropoutMs = faults.Number("dropoutMs", NumberRange.GreaterThan(0, 60_000, "ms"));
        if (condition != "mushy")
        {
            foreach (var key in new[] { "dropoutsPerSecond", "dropoutMs" })
            {
                if (faults.Has(key))
                {
                    faults.Error(faults.LineOf(key), $"'{faults.PathOf(key)}' applies only with button: mushy");
                }
            }
        }

        var bricked = faults.Boolean("bricked");
        var link = faults.Boolean("networkLink");
        if (errors.Count > before)
        {
            return null;
        }

        ButtonFault? button = condition switch
        {
            null => null,
            "mushy" => new ButtonFault(ButtonCondition.Mushy, perSecond ?? 0.5, dropoutMs ?? 120),
            "stuck" => new ButtonFault(ButtonCondition.Stuck),
            "broken" => new ButtonFault(ButtonCondition.Broken),
            _ => ButtonFault.Healthy,
        };
        return new FleetFaults(button, bricked, link);
    }

    private FleetChaos? Chaos(YamlFields chaos)
    {
        var before = errors.Count;
        var defaults = new ChaosOptions();
        var seed = chaos.Integer("seed", NumberRange.Any);
        TimeSpan? duration = null;
        if (chaos.String("duration") is { } text)
        {
            duration = ChaosDuration.TryParse(text, out var problem);
            if (duration is null)
            {
                chaos.Error(chaos.Node("duration")!, $"'{chaos.PathOf("duration")}': {problem}");
            }
            else if (duration < TimeSpan.FromSeconds(1) || duration > ChaosOptions.MaxDuration)
            {
                chaos.Error(chaos.Node("duration")!, $"'{chaos.PathOf("duration")}' must be at least 1s and at most {ChaosDuration.Format(ChaosOptions.MaxDuration)}, got {text}");
            }
        }

        var options = new ChaosOptions
        {
            Seed = seed ?? 0,
            Duration = duration ?? defaults.Duration,
            BrownoutsPerHour = chaos.Number("brownoutsPerHour", NumberRange.AtLeastAtMost(0, ChaosOptions.MaxPerHour)) ?? 0,
            RebootsPerHour = chaos.Number("rebootsPerHour", NumberRange.AtLeastAtMost(0, ChaosOptions.MaxPerHour)) ?? 0,
            MushyButtonFraction = chaos.Number("mushyButtonFraction", NumberRange.AtLeastAtMost(0, 1)) ?? 0,
            BrickedFraction = chaos.Number("brickedFraction", NumberRange.AtLeastAtMost(0, 1)) ?? 0,
            NetworkLossesPerHour = chaos.Number("networkLossesPerHour", NumberRange.AtLeastAtMost(0, ChaosOptions.MaxPerHour)) ?? 0,
            NetworkLossSeconds = chaos.Number("networkLossSeconds", NumberRange.GreaterThan(0, ChaosOptions.MaxNetworkLossSeconds, "s")) ?? defaults.NetworkLossSeconds,
        };
        if (errors.Count > before)
        {
            return null;
        }

        foreach (var problem in options.Validate())
        {
            chaos.Error(chaos.KeyLine, "'chaos': " + problem);
        }

        return errors.Count > before ? null : new FleetChaos(options, seed is not null);
    }
}
