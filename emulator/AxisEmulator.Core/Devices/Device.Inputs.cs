using AxisEmulator.Core.Boot;
using AxisEmulator.Core.Button;
using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Events;
using AxisEmulator.Core.Power;

namespace AxisEmulator.Core.Devices;

/// <summary>What the outside world can do to a device: the verbs of the control plane and VAPIX.</summary>
public sealed partial class Device
{
    /// <summary>The release of a hold in progress (<see cref="HoldButton"/>); null when none is pending.</summary>
    private ScheduledEvent? _holdRelease;

    /// <summary>Plugs in <paramref name="source"/> (or changes it while powered: the rail is re-evaluated).</summary>
    public void PowerOn(PowerSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        source.EnsureValid();
        using (_gate.Enter())
        {
            var wasOn = PowerInput.Plug(source);
            Timeline.Append(wasOn ? new PowerSourceChanged(source) : new PoweredOn(source));
            if (!wasOn || Boot.Phase == DevicePhase.Off)
            {
                Boot.BootLoopCount = 0;
                if (PowerInput.DeadAtPlugIn() is { } dead)
                {
                    Timeline.Append(new NoPowerAtPlugIn(dead));
                    return;
                }

                Boot.Fire(BootTrigger.PowerOn);
            }
            else if (Boot.Phase != DevicePhase.Brownout) // in a brown-out the PSE retry picks up the new source
            {
                Boot.CheckPower(Boot.Phase);
            }
        }
    }

    /// <summary>Pulls the plug.</summary>
    public void PowerOff()
    {
        using (_gate.Enter())
        {
            if (!PowerInput.IsPlugged)
            {
                return;
            }

            PowerInput.Unplug();
            if (Boot.Phase == DevicePhase.Off)
            {
                Timeline.Append(new PoweredOff(Unplugged: true));
                return;
            }

            Boot.Fire(BootTrigger.PowerLost);
        }
    }

    /// <summary>A finger presses the control button (and keeps it down: a hold in progress no longer ends on its own).</summary>
    public void PressButton()
    {
        using (_gate.Enter())
        {
            ForgetHold();
            if (Button.IsHeld)
            {
                return;
            }

            Timeline.Append(new ButtonPressed());
            Button.Press();
        }
    }

    /// <summary>The finger lets go (ending a hold in progress now).</summary>
    public void ReleaseButton()
    {
        using (_gate.Enter())
        {
            ForgetHold();
            if (!Button.IsHeld)
            {
                return;
            }

            Timeline.Append(new ButtonReleased());
            Button.Release();
        }
    }

    /// <summary>
    /// Presses the button now and lets go <paramref name="duration"/> later on the simulation clock.
    /// A press, a release or another hold replaces a hold in progress.
    /// </summary>
    /// <returns>When the release is due (also <see cref="ButtonSnapshot.ReleaseAt"/> until then).</returns>
    public DateTimeOffset HoldButton(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        lock (_gate)
        {
            PressButton();
            ScheduledEvent? release = null;
            release = ScheduleUnderGate(duration, "button: hold ends", () =>
            {
                // A timer that was already waiting for the gate when a press replaced its hold stays quiet.
                if (ReferenceEquals(_holdRelease, release))
                {
                    _holdRelease = null;
                    ReleaseButton();
                }
            });
            _holdRelease = release;
            return release.Due;
        }
    }

    /// <summary>Drops the release of a hold in progress; the button stays as it is. Call under the gate.</summary>
    private void ForgetHold()
    {
        _holdRelease?.Cancel();
        _holdRelease = null;
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
            Timeline.Append(new ButtonConditionSet(fault));
            Button.SetFault(fault);
        }
    }

    /// <summary>Bricks (or repairs) the unit: a bricked unit shows no LED and never reaches the network.</summary>
    public void SetBricked(bool bricked)
    {
        using (_gate.Enter())
        {
            if (Boot.Bricked == bricked)
            {
                return;
            }

            Boot.Bricked = bricked;
            Timeline.Append(bricked ? new UnitBricked() : new UnitRepaired());
            Boot.Fire(bricked ? BootTrigger.Brick : BootTrigger.Unbrick);
        }
    }

    /// <summary>Plugs or unplugs the network link (the emulated cable to the switch, for data).</summary>
    public void SetNetworkLink(bool up)
    {
        using (_gate.Enter())
        {
            if (NetworkFace.SetLink(up))
            {
                Boot.LinkChanged();
                NetworkFace.UpdateListening();
            }
        }
    }

    /// <summary>Soft reboot (restart.cgi, firmware management reboot); false when not running.</summary>
    public bool Restart()
    {
        using (_gate.Enter())
        {
            if (!Boot.CanFire(BootTrigger.Restart))
            {
                return false;
            }

            Timeline.Append(new RestartRequested());
            Boot.Fire(BootTrigger.Restart);
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
            if (!Boot.CanFire(BootTrigger.Restart))
            {
                return false;
            }

            CommitConfig(
                _config.AfterFactoryDefault(mode),
                mode == FactoryDefaultMode.Soft
                    ? "factory default (soft): users and settings erased, network settings kept"
                    : "factory default (hard): all settings erased, network reset");
            Timeline.Append(new FactoryResetStarted(mode, FactoryResetSource.Network));
            Boot.Fire(BootTrigger.Restart);
            return true;
        }
    }
}
