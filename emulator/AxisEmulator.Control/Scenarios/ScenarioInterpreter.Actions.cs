using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Power;

namespace AxisEmulator.Control.Scenarios;

/// <summary>The steps that act on the devices: button, power, fault, upgrade.</summary>
public sealed partial class ScenarioInterpreter
{
    private async Task ButtonAsync(ButtonStep step, CancellationToken cancellationToken)
    {
        switch (step.Action)
        {
            case ButtonAction.Press:
                ForEach(d => d.PressButton());
                break;
            case ButtonAction.Release:
                ForEach(d => d.ReleaseButton());
                break;
            default:
                var hold = step.Hold!.Value.Value;
                ForEach(d => d.HoldButton(hold));
                await pacing.PassAsync(hold, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private StepOutcome Power(PowerStep step)
    {
        string? note = null;
        foreach (var device in _devices)
        {
            if (!step.On)
            {
                device.PowerOff();
                continue;
            }

            var source = step.Source?.Resolve(device.Profile) ?? DefaultPowerSource.For(device.Profile);
            if (source.Validate() is { Count: > 0 } problems)
            {
                return StepOutcome.Fail($"{Who(device)}invalid power source: {string.Join("; ", problems)}");
            }

            device.PowerOn(source);
            note ??= step.Source is null ? $"({DescribeSource(source)})" : null;
        }

        return StepOutcome.Pass(note);
    }

    private StepOutcome Fault(FaultStep step)
    {
        foreach (var device in _devices)
        {
            device.SetFaults(step.Button, step.Bricked, step.NetworkLink);
        }

        return StepOutcome.Pass();
    }

    private StepOutcome Upgrade(UpgradeStep step)
    {
        foreach (var device in _devices)
        {
            var image = new FirmwareImage(step.Model ?? device.Profile.Model, step.Version, step.Signed);
            var rejection = device.StartUpgrade(image, new UpgradeOptions(step.AutoCommit, step.AutoRollback?.Value));
            var who = Who(device);
            if (step.Refused is { } expected)
            {
                if (rejection != expected)
                {
                    return StepOutcome.Fail(rejection == UpgradeRejection.None
                        ? $"{who}expected the device to refuse the image ({ScenarioNames.Kebab(expected.ToString())}), but it accepted it"
                        : $"{who}expected the refusal {ScenarioNames.Kebab(expected.ToString())}, but it was {ScenarioNames.Kebab(rejection.ToString())}");
                }
            }
            else if (rejection != UpgradeRejection.None)
            {
                return StepOutcome.Fail($"{who}the device refused the image: {ScenarioNames.Kebab(rejection.ToString())} ({Explain(rejection, device, image)})");
            }
        }

        return StepOutcome.Pass(step.Refused is { } r ? "refused: " + ScenarioNames.Kebab(r.ToString()) : null);
    }

    private void ForEach(Action<Device> act)
    {
        foreach (var device in _devices)
        {
            act(device);
        }
    }

    /// <summary>Runs <paramref name="act"/> on every device; it returns a problem or null.</summary>
    private StepOutcome Each(Func<Device, string?> act)
    {
        foreach (var device in _devices)
        {
            if (act(device) is { } problem)
            {
                return StepOutcome.Fail(Who(device) + problem);
            }
        }

        return StepOutcome.Pass();
    }

    private static string Explain(UpgradeRejection rejection, Device device, FirmwareImage image) => rejection switch
    {
        UpgradeRejection.ModelMismatch => $"the image is for {image.Model}, this is a {device.Profile.Model}",
        UpgradeRejection.MissingSignature => "the image is not signed",
        UpgradeRejection.ActiveUncommitted => "the running image is not committed yet",
        _ => $"the device is {device.Phase.ToKebab()}; an upgrade needs it ready",
    };

    private static string DescribeSource(PowerSource source) => source switch
    {
        PoeSource poe => new PoeScenarioSource(poe.Standard, poe.PseClass, poe.CableMeters, poe.Cable, poe.PseVolts).Describe(),
        _ => new FixedScenarioSource(source).Describe(),
    };
}
