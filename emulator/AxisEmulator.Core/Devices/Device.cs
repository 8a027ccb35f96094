using AxisEmulator.Core.Boot;
using AxisEmulator.Core.Button;
using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Events;
using AxisEmulator.Core.Leds;
using AxisEmulator.Core.Network;
using AxisEmulator.Core.Power;
using AxisEmulator.Core.Profiles;
using Stateless.Graph;

namespace AxisEmulator.Core.Devices;

/// <summary>
/// One emulated Axis device: power rail, control button, LEDs, boot loader and firmware, its stored
/// configuration and a timeline of everything that happened to it, all in simulated time.
/// </summary>
/// <remarks>
/// Every input — a finger on the button, a cable pulled, a VAPIX request, a timer firing — goes
/// through one gate, so the state machines (not thread-safe themselves) see one trigger at a time.
/// Events and timeline subscribers are told after the gate is released, in order, on the thread
/// that made the change and before its call returns (<see cref="DeviceGate"/>).
/// </remarks>
public sealed partial class Device
{
    private readonly DeviceGate _gate = new();
    private readonly SimulationClock _clock;
    private readonly DeviceConfigWriter _writer;
    private DeviceConfig _config;

    public Device(DeviceOptions options, SimulationClock clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        if (options.Serial is not null && !DeviceIdentity.IsValidSerial(options.Serial))
        {
            throw new ArgumentException($"Serial '{options.Serial}' is not 12 hexadecimal digits (e.g. ACCC8E0A1B2C).", nameof(options));
        }

        Id = options.Id;
        Profile = options.Profile;
        _clock = clock;
        var store = options.Store ?? new InMemoryDeviceStateStore();
        Random = new Random(StableSeed(options.Seed, options.Id));
        Timeline = new DeviceTimeline(options.Id, clock, options.TimelineCapacity) { Raise = RaiseAppended };

        var stored = store.Load(Id);
        var serial = options.Serial ?? stored?.Serial ?? DeviceIdentity.Generate(Profile.Identity.SerialOui, Id, options.Seed).Serial;
        Identity = new DeviceIdentity(serial);
        _config = stored is null
            ? DeviceConfig.Factory(Identity.Serial, Profile.Firmware.Version)
            : stored with { Serial = Identity.Serial };
        if (stored is null || stored.Serial != Identity.Serial)
        {
            store.Save(Id, _config); // a new device's factory configuration is on disk before anyone can use it
        }

        _writer = new DeviceConfigWriter(Id, store);

        PowerInput = new PowerInput(Profile.Power);
        NetworkFace = new DeviceNetwork(this, options.Lan ?? new EmulatedLan());
        Leds = new LedPanel(Profile.Leds);
        foreach (var led in Leds.All)
        {
            led.Changed += OnLedChanged;
        }

        Button = new ControlButton(ScheduleUnderGate, TimeSpan.FromMilliseconds(Profile.Reset.DebounceMilliseconds), Random);
        Boot = new BootSequence(this);
        Firmware = new DeviceFirmware(this);
        Button.DebouncedChanged += Boot.OnButtonDebounced;
        Button.Dropout += length => Timeline.Append(new ContactDroppedOut(length));
    }

    /// <summary>
    /// Unplugs the device from the emulated LAN for good (it was removed from the emulator). Its
    /// configuration is no longer saved after the changes already made; the task completes once
    /// those are stored.
    /// </summary>
    public Task Retire()
    {
        lock (_gate)
        {
            ForgetHold();
        }

        PowerOff();
        NetworkFace.Unplug();
        return _writer.CloseAsync();
    }

    public string Id { get; }

    public HardwareProfile Profile { get; }

    public DeviceIdentity Identity { get; }

    public string Serial => Identity.Serial;

    public DeviceTimeline Timeline { get; }

    /// <summary>The clock this device lives on.</summary>
    public TimeProvider Clock => _clock;

    public LedPanel Leds { get; }

    public ControlButton Button { get; }

    /// <summary>Raised on every phase change (old, new), once the device gate is released.</summary>
    public event Action<Device, DevicePhase, DevicePhase>? PhaseChanged;

    /// <summary>
    /// Raised when the HTTP listener should open (true) or close (false), once the device gate is
    /// released and before the call that caused it returns (the listener set's "settled" counts on it).
    /// </summary>
    public event Action<Device, bool>? ListeningChanged;

    public DevicePhase Phase
    {
        get { using (_gate.Enter()) { return Boot.Phase; } }
    }

    /// <summary>True while the device's HTTP listener should be open.</summary>
    public bool IsListening
    {
        get { using (_gate.Enter()) { return NetworkFace.Listening; } }
    }

    /// <summary>Whether the listener is open and, if not, how it closes: orderly (a reboot) or by losing power, link or firmware.</summary>
    public ListenerClose ListenerClose
    {
        get { using (_gate.Enter()) { return NetworkFace.Close; } }
    }

    /// <summary>Time since the boot loader last started (zero when unpowered).</summary>
    public TimeSpan Uptime
    {
        get { using (_gate.Enter()) { return Boot.Uptime; } }
    }

    /// <summary>UUID of the current boot; a new one on every boot.</summary>
    public string? BootId
    {
        get { using (_gate.Enter()) { return Boot.BootId; } }
    }

    /// <summary>Times the PSE cut power and retried since the last stable boot.</summary>
    public int BootLoopCount
    {
        get { using (_gate.Enter()) { return Boot.BootLoopCount; } }
    }

    /// <summary>Runs <paramref name="read"/> on the stored configuration under the gate.</summary>
    public T ReadConfig<T>(Func<DeviceConfig, T> read)
    {
        using (_gate.Enter())
        {
            return read(_config);
        }
    }

    /// <summary>
    /// Changes the configuration atomically and hands it to the device's writer, which stores it
    /// behind the caller's back (see <see cref="FlushConfigAsync"/>). <paramref name="change"/> returns
    /// the new configuration (or the same instance for no change) and a result for the caller.
    /// </summary>
    public T UpdateConfig<T>(Func<DeviceConfig, (DeviceConfig Config, T Result)> change, string? description = null)
    {
        using (_gate.Enter())
        {
            var (updated, result) = change(_config);
            if (!ReferenceEquals(updated, _config))
            {
                CommitConfig(updated with { Serial = Identity.Serial }, description ?? "configuration changed");
            }

            return result;
        }
    }

    /// <summary>
    /// Completes once every configuration change made before the call is on disk (never waited for
    /// under the gate). Await it before acknowledging a change: a VAPIX answer that says OK.
    /// </summary>
    public Task FlushConfigAsync() => _writer.FlushAsync();

    /// <summary>How many configuration changes the device has made: compare two readings to see whether anything changed between them.</summary>
    public long ConfigChanges => _writer.Submitted;

    public bool NeedsSetup
    {
        get { using (_gate.Enter()) { return _config.NeedsSetup; } }
    }

    /// <summary>Records a VAPIX request in the timeline (method, path, user, status, why its credentials were refused).</summary>
    public void RecordHttp(string method, string path, string? user, int status, double? milliseconds = null, RequestRefusal refusal = RequestRefusal.None)
    {
        Timeline.Append(new VapixRequestAnswered(method, path, user, status, milliseconds, refusal));
    }

    /// <summary>The stored configuration now (immutable; replaced as a whole on every change). Lock-free, for per-request readers.</summary>
    public DeviceConfig Config => Volatile.Read(ref _config);

    /// <summary>The addressing now, lock-free and without the conflict list: for per-request use by the VAPIX server.</summary>
    public NetworkAddressing Addressing => NetworkFace.Addressing;

    /// <summary>The network part of <see cref="Snapshot"/> alone.</summary>
    public NetworkSnapshot Network
    {
        get { using (_gate.Enter()) { return NetworkFace.Snapshot; } }
    }

    /// <summary>A consistent picture of the device for the control plane.</summary>
    public DeviceSnapshot Snapshot()
    {
        using (_gate.Enter())
        {
            return new DeviceSnapshot(
                Id,
                Profile.Id,
                Serial,
                Boot.Phase,
                PowerInput.Snapshot,
                new ButtonSnapshot(Button.IsPressed, Button.IsHeld, Button.Fault, _holdRelease?.Due),
                Leds.All.ToDictionary(l => l.Name, l => l.State),
                NetworkFace.Snapshot,
                new FirmwareSnapshot(_config.Firmware.ActiveVersion, _config.Firmware.InactiveVersion, _config.Firmware.Committed, Boot.BootId, Boot.Uptime, _config.NeedsSetup),
                Boot.BootCount,
                Boot.BootLoopCount,
                Boot.Bricked,
                Boot.ResetHoldNow());
        }
    }

    /// <summary>The state machines as Mermaid diagrams (checked into docs/).</summary>
    public IReadOnlyDictionary<string, string> ExportStateDiagrams()
    {
        using (_gate.Enter())
        {
            return new Dictionary<string, string>
            {
                ["boot-loader-and-firmware"] = MermaidGraph.Format(Boot.Info),
                ["firmware-banks"] = MermaidGraph.Format(FirmwareBankMachine.Describe()),
            };
        }
    }

    // The parts, driven under the gate.
    internal BootSequence Boot { get; }

    internal PowerInput PowerInput { get; }

    internal DeviceNetwork NetworkFace { get; }

    internal DeviceFirmware Firmware { get; }

    internal SimulationClock SimulationClock => _clock;

    internal Random Random { get; }

    /// <summary>Schedules <paramref name="action"/> on the clock to run under this device's gate, named "{id} {what}".</summary>
    internal ScheduledEvent ScheduleUnderGate(TimeSpan delay, string what, Action action) => _clock.Schedule(delay, new EventName(Id, what), () =>
    {
        using (_gate.Enter())
        {
            action();
        }
    });

    /// <summary>Replaces the configuration and hands it to the writer. Call under the gate.</summary>
    internal void CommitConfig(DeviceConfig updated, string description)
    {
        Volatile.Write(ref _config, updated);
        NetworkFace.Publish();
        _writer.Submit(_config);
        Timeline.Append(new ConfigChanged(description));
    }

    private void OnLedChanged(Led led, LedState old, LedState state) => Timeline.Append(new LedChanged(led.Name, old, state));

    private static int StableSeed(int seed, string id)
    {
        var hash = 2166136261u ^ (uint)seed;
        foreach (var c in id)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }
}
