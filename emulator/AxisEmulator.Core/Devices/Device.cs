using AxisEmulator.Core.Boot;
using AxisEmulator.Core.Button;
using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Events;
using AxisEmulator.Core.Leds;
using AxisEmulator.Core.Network;
using AxisEmulator.Core.Power;
using AxisEmulator.Core.Profiles;

namespace AxisEmulator.Core.Devices;

/// <summary>
/// One emulated Axis device: power rail, control button, LEDs, boot loader and firmware, its stored
/// configuration and a timeline of everything that happened to it, all in simulated time.
/// </summary>
/// <remarks>
/// An aggregate of small parts — <see cref="BootSequence"/> and its <see cref="BootMachine"/>,
/// <see cref="PowerInput"/>, <see cref="DeviceNetwork"/>, <see cref="DeviceFirmware"/>, the
/// <see cref="ButtonFinger"/> — driven through one gate, so the state machines (not thread-safe
/// themselves) see one trigger at a time. Events and timeline subscribers are told after the gate
/// is released, in order, on the thread that made the change and before its call returns
/// (<see cref="DeviceGate"/>).
/// </remarks>
public sealed partial class Device
{
    private readonly DeviceGate _gate = new();
    private readonly DeviceConfigWriter _writer;
    private readonly ButtonFinger _finger;
    private DeviceConfig _config;

    public Device(DeviceOptions options, SimulationClock clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        var store = options.Store ?? new InMemoryDeviceStateStore();
        (Identity, _config) = StoredConfiguration.LoadOrCreate(options, store);
        Id = options.Id;
        Profile = options.Profile;
        SimulationClock = clock;
        Random = new Random(StoredConfiguration.StableSeed(options.Seed, options.Id));
        Timeline = new DeviceTimeline(options.Id, clock, options.TimelineCapacity) { Raise = RaiseAppended };
        _writer = new DeviceConfigWriter(Id, store);

        PowerInput = new PowerInput(Profile.Power);
        NetworkFace = new DeviceNetwork(this, options.Lan ?? new EmulatedLan());
        Leds = new LedPanel(Profile.Leds);
        foreach (var led in Leds.All)
        {
            led.Changed += (changed, old, state) => Timeline.Append(new LedChanged(changed.Name, old, state));
        }

        Button = new ControlButton(ScheduleUnderGate, TimeSpan.FromMilliseconds(Profile.Reset.DebounceMilliseconds), Random);
        _finger = new ButtonFinger(this);
        Boot = new BootSequence(this);
        Firmware = new DeviceFirmware(this);
        SystemTime = new DeviceSystemTime(this);
        Button.DebouncedChanged += Boot.OnButtonDebounced;
        Button.Dropout += length => Timeline.Append(new ContactDroppedOut(length));
    }

    public string Id { get; }

    public HardwareProfile Profile { get; }

    public DeviceIdentity Identity { get; }

    public string Serial => Identity.Serial;

    public DeviceTimeline Timeline { get; }

    /// <summary>The clock this device lives on.</summary>
    public TimeProvider Clock => SimulationClock;

    /// <summary>The device's own date, time and time zone (settable; follows simulated time).</summary>
    public DeviceSystemTime SystemTime { get; }

    public LedPanel Leds { get; }

    public ControlButton Button { get; }

    // The parts, driven under the gate.
    internal BootSequence Boot { get; }

    internal PowerInput PowerInput { get; }

    internal DeviceNetwork NetworkFace { get; }

    internal DeviceFirmware Firmware { get; }

    internal SimulationClock SimulationClock { get; }

    internal Random Random { get; }

    /// <summary>
    /// Unplugs the device from the emulated LAN for good (it was removed from the emulator). Its
    /// configuration is no longer saved after the changes already made; the task completes once
    /// those are stored.
    /// </summary>
    public Task Retire()
    {
        using (_gate.Enter())
        {
            _finger.Forget();
            Boot.Unplug();
        }

        NetworkFace.Unplug();
        return _writer.CloseAsync();
    }

    /// <summary>Records a VAPIX request in the timeline (method, path, user, status, why its credentials were refused).</summary>
    public void RecordHttp(string method, string path, string? user, int status, double? milliseconds = null, RequestRefusal refusal = RequestRefusal.None) =>
        Timeline.Append(new VapixRequestAnswered(method, path, user, status, milliseconds, refusal));

    /// <summary>Schedules <paramref name="action"/> on the clock to run under this device's gate, named "{id} {what}".</summary>
    internal ScheduledEvent ScheduleUnderGate(TimeSpan delay, string what, Action action) => SimulationClock.Schedule(delay, new EventName(Id, what), () =>
    {
        using (_gate.Enter())
        {
            action();
        }
    });

    /// <summary>Raised on every phase change (old, new), once the device gate is released.</summary>
    public event Action<Device, DevicePhase, DevicePhase>? PhaseChanged;

    /// <summary>
    /// Raised when the HTTP listener should open (true) or close (false), once the device gate is
    /// released and before the call that caused it returns (the listener set's "settled" counts on it).
    /// How it closes is <see cref="ListenerClose"/>.
    /// </summary>
    public event Action<Device, bool>? ListeningChanged;

    internal void RaisePhaseChangedLocked(DevicePhase from, DevicePhase to)
    {
        if (PhaseChanged is { } subscribers)
        {
            _gate.Notify(new Notification(subscribers, (this, from, to), DeviceTellers.PhaseChanged));
        }
    }

    internal void RaiseListeningChangedLocked(bool listening)
    {
        if (ListeningChanged is { } subscribers)
        {
            _gate.Notify(new Notification(subscribers, (this, listening), DeviceTellers.ListeningChanged));
        }
    }

    /// <summary>The LAN's news for another device on this device's address waits until this device's gate is released.</summary>
    internal void TellSharingChangeLocked(SharingChange change) =>
        _gate.Notify(new Notification(change.Watcher, change, DeviceTellers.SharingChanged));

    /// <summary>The timeline's subscribers hear of an entry once the gate is released (at once when it is not held: a VAPIX request's entry).</summary>
    private void RaiseAppended(Action<TimelineEntry> subscribers, TimelineEntry entry) =>
        _gate.Notify(new Notification(subscribers, entry, DeviceTellers.Appended));
}
