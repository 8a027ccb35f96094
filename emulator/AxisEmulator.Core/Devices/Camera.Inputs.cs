using AxisEmulator.Core.Button;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Power;
using AxisEmulator.Core.Timeline;

namespace AxisEmulator.Core.Devices;

/// <summary>What the outside world can do to a device: the verbs of the control plane and VAPIX.</summary>
public sealed partial class Camera
{
    /// <summary>Plugs in <paramref name="source"/> (or changes it while powered: the rail is re-evaluated).</summary>
    public void PowerOn(PowerSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        source.EnsureValid();
        using (_gate.Enter())
        {
            var wasOn = _source is not null;
            _source = source;
            Timeline.Append(TimelineKind.Power, wasOn ? "source-changed" : "power-on", Describe(source), Data(("source", Describe(source))));
            if (!wasOn || _boot.Phase == DevicePhase.Off)
            {
                _bootLoopCount = 0;
                var reading = PowerRail.Evaluate(source, Profile.Power, LoadFor(DevicePhase.Bootloader));
                if (reading.Status == PowerStatus.NoPower)
                {
                    _reading = reading;
                    Timeline.Append(TimelineKind.Power, "no-power", reading.Explanation);
                    return;
                }

                _boot.Fire(BootTrigger.PowerOn);
                return;
            }

            if (_boot.Phase == DevicePhase.Brownout)
            {
                return; // the PSE retry picks up the new source
            }

            CheckPower(_boot.Phase);
        }
    }

    /// <summary>Pulls the plug.</summary>
    public void PowerOff()
    {
        using (_gate.Enter())
        {
            if (_source is null)
            {
                return;
            }

            _source = null;
            _reading = null;
            if (_boot.Phase == DevicePhase.Off)
            {
                Timeline.Append(TimelineKind.Power, "power-off", "power removed");
                return;
            }

            _boot.Fire(BootTrigger.PowerLost);
        }
    }

    /// <summary>A finger presses the control button.</summary>
    public void PressButton()
    {
        using (_gate.Enter())
        {
            if (Button.IsHeld)
            {
                return;
            }

            Timeline.Append(TimelineKind.Button, "press", "control button pressed");
            Button.Press();
        }
    }

    /// <summary>The finger lets go.</summary>
    public void ReleaseButton()
    {
        using (_gate.Enter())
        {
            if (!Button.IsHeld)
            {
                return;
            }

            Timeline.Append(TimelineKind.Button, "release", "control button released");
            Button.Release();
        }
    }

    public void SetButtonFault(ButtonFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        var errors = fault.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(fault));
        }

        using (_gate.Enter())
        {
            Timeline.Append(TimelineKind.Fault, "button-condition", $"control button is now {fault.Condition.ToString().ToLowerInvariant()}", Data(("condition", fault.Condition.ToString().ToLowerInvariant()), ("dropoutsPerSecond", fault.Condition == ButtonCondition.Mushy ? fault.DropoutsPerSecond : null), ("dropoutMs", fault.Condition == ButtonCondition.Mushy ? fault.DropoutMilliseconds : null)));
            Button.SetFault(fault);
        }
    }

    /// <summary>Bricks (or repairs) the unit: a bricked unit shows no LED and never reaches the network.</summary>
    public void SetBricked(bool bricked)
    {
        using (_gate.Enter())
        {
            if (_bricked == bricked)
            {
                return;
            }

            _bricked = bricked;
            Timeline.Append(TimelineKind.Fault, bricked ? "bricked" : "repaired", bricked ? "unit bricked" : "unit repaired");
            _boot.Fire(bricked ? BootTrigger.Brick : BootTrigger.Unbrick);
        }
    }

    /// <summary>Plugs or unplugs the network link (the emulated cable to the switch, for data).</summary>
    public void SetNetworkLink(bool up)
    {
        using (_gate.Enter())
        {
            if (_linkUp == up)
            {
                return;
            }

            _linkUp = up;
            PublishAddressing();
            Timeline.Append(TimelineKind.Fault, up ? "link-up" : "link-down", up ? "network link restored" : "network link lost");
            if (_boot.Phase is DevicePhase.NetworkUp or DevicePhase.Ready)
            {
                ShowStatusForRunning(_boot.Phase == DevicePhase.Ready);
            }

            UpdateListening();
        }
    }

    /// <summary>Soft reboot (restart.cgi, firmware management reboot); false when not running.</summary>
    public bool Restart()
    {
        using (_gate.Enter())
        {
            if (!_boot.CanFire(BootTrigger.Restart))
            {
                return false;
            }

            Timeline.Append(TimelineKind.Boot, "restart", "restart requested");
            _boot.Fire(BootTrigger.Restart);
            return true;
        }
    }

    /// <summary>
    /// Factory default over the network: soft keeps the IP settings, hard resets everything. All users
    /// are removed (setup mode), then the unit reboots. False when not running.
    /// </summary>
    public bool FactoryDefault(FactoryDefaultMode mode)
    {
        using (_gate.Enter())
        {
            if (!_boot.CanFire(BootTrigger.Restart))
            {
                return false;
            }

            CommitConfig(
                _config.AfterFactoryDefault(mode),
                mode == FactoryDefaultMode.Soft
                    ? "factory default (soft): users and settings erased, network settings kept"
                    : "factory default (hard): all settings erased, network reset");
            Timeline.Append(TimelineKind.Boot, "factory-reset", $"{mode.ToString().ToLowerInvariant()} factory default requested", Data(("mode", mode.ToString().ToLowerInvariant()), ("source", "network")));
            _boot.Fire(BootTrigger.Restart);
            return true;
        }
    }

    private static string Describe(PowerSource source) => source switch
    {
        PoeSource poe => FormattableString.Invariant($"PoE {poe.Standard.ToWireString()} class {poe.PseClass}, {poe.CableMeters:0.#} m {poe.Cable.ToString().ToLowerInvariant()}, {poe.EffectivePseVolts:0.#} V"),
        PassiveSource passive => FormattableString.Invariant($"passive injector {passive.Volts:0.#} V"),
        DcSource dc => FormattableString.Invariant($"DC adapter {dc.Volts:0.#} V {dc.Amps:0.#} A"),
        _ => source.ToString(),
    };
}
