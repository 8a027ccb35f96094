using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using AxisEmulator.Core.Chaos;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;
using AxisEmulator.Core.Fleet;

namespace AxisEmulator.Control.Metrics;

/// <summary>
/// The emulator's instruments on a <see cref="Meter"/> named <see cref="MeterName"/>: devices by
/// phase (a gauge read at each scrape), and counters tallied from every device's timeline from the
/// moment this object exists — boots, brown-outs, factory resets, IP conflicts, chaos actions, VAPIX
/// requests by status — plus a histogram of VAPIX latency. The counters are observable (cumulative
/// tallies read at each scrape), so nothing counted before the exporter starts is lost.
/// </summary>
/// <remarks>
/// Timeline handlers run under each device's gate, so they only add to tallies. Counts survive a
/// device's removal (counters never go down); the phase gauge shows the devices there are.
/// </remarks>
public sealed class EmulatorMetrics : IDisposable
{
    /// <summary>Name of the meter (and the <c>AddMeter</c> name for an OpenTelemetry pipeline).</summary>
    public const string MeterName = "AxisEmulator";

    private static readonly string[] PhaseNames = [.. Enum.GetValues<DevicePhase>().Select(p => p.ToKebab())];

    private readonly Emulator _emulator;
    private readonly ConcurrentDictionary<Device, bool> _watched = new();
    private readonly ConcurrentDictionary<string, long> _factoryResets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _chaosActions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, long> _requests = new();
    private readonly Histogram<double> _latency;
    private long _boots;
    private long _brownouts;
    private long _ipConflicts;
    private bool _disposed;

    public EmulatorMetrics(Emulator emulator)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        _emulator = emulator;
        Meter = new Meter(MeterName);
        Meter.CreateObservableGauge("axis_emulator.devices", ObserveDevices, "{device}", "Devices by boot phase.");
        Meter.CreateObservableCounter("axis_emulator.boots", () => Interlocked.Read(ref _boots), "{boot}", "Boots started (boot loader entered), all devices.");
        Meter.CreateObservableCounter("axis_emulator.brownouts", () => Interlocked.Read(ref _brownouts), "{brownout}", "Brown-outs: the power rail could not hold a device up (overload or undervoltage).");
        Meter.CreateObservableCounter("axis_emulator.factory_resets", () => Tagged(_factoryResets, "source"), "{reset}", "Factory resets, by source (button or network).");
        Meter.CreateObservableCounter("axis_emulator.ip_conflicts", () => Interlocked.Read(ref _ipConflicts), "{conflict}", "Addresses taken that another device already uses.");
        Meter.CreateObservableCounter("axis_emulator.chaos.actions", () => Tagged(_chaosActions, "action"), "{action}", "Chaos actions applied, by action.");
        Meter.CreateObservableCounter("axis_emulator.vapix.requests", ObserveRequests, "{request}", "VAPIX requests answered, by HTTP status.");
        _latency = Meter.CreateHistogram<double>("axis_emulator.vapix.request.duration", "ms", "Time to answer a VAPIX request.");

        emulator.DeviceAdded += Watch;
        emulator.DeviceRemoved += Unwatch;
        foreach (var device in emulator.Devices)
        {
            Watch(device);
        }
    }

    public Meter Meter { get; }

    public void Dispose()
    {
        lock (_watched)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _emulator.DeviceAdded -= Watch;
        _emulator.DeviceRemoved -= Unwatch;
        foreach (var device in _watched.Keys)
        {
            Unwatch(device);
        }

        Meter.Dispose();
    }

    private void Watch(Device camera)
    {
        lock (_watched)
        {
            if (_disposed || !_watched.TryAdd(camera, true))
            {
                return;
            }
        }

        camera.Timeline.Appended += OnEntry;
    }

    private void Unwatch(Device camera)
    {
        if (_watched.TryRemove(camera, out _))
        {
            camera.Timeline.Appended -= OnEntry;
        }
    }

    private void OnEntry(TimelineEntry entry)
    {
        switch (entry.Event)
        {
            case BootloaderStarted:
                Interlocked.Increment(ref _boots);
                break;
            case BrownOut:
                Interlocked.Increment(ref _brownouts);
                break;
            case FactoryResetStarted reset:
                _factoryResets.AddOrUpdate(reset.Source.ToWireString(), 1, (_, n) => n + 1);
                break;
            case IpConflict:
                Interlocked.Increment(ref _ipConflicts);
                break;
            case ChaosApplied chaos:
                _chaosActions.AddOrUpdate(chaos.Action.Kind.ToWireString(), 1, (_, n) => n + 1);
                break;
            case VapixRequestAnswered request:
                _requests.AddOrUpdate(request.Status, 1, (_, n) => n + 1);
                if (request.Milliseconds is { } milliseconds)
                {
                    _latency.Record(milliseconds);
                }

                break;
        }
    }

    private IEnumerable<Measurement<int>> ObserveDevices()
    {
        var counts = new int[PhaseNames.Length];
        foreach (var device in _emulator.Devices)
        {
            counts[(int)device.Phase]++;
        }

        for (var i = 0; i < counts.Length; i++)
        {
            yield return new Measurement<int>(counts[i], new KeyValuePair<string, object?>("phase", PhaseNames[i]));
        }
    }

    private IEnumerable<Measurement<long>> ObserveRequests() =>
        _requests.OrderBy(p => p.Key).Select(p => new Measurement<long>(p.Value, new KeyValuePair<string, object?>("status", p.Key.ToString(CultureInfo.InvariantCulture))));

    private static IEnumerable<Measurement<long>> Tagged(ConcurrentDictionary<string, long> tallies, string tag) =>
        tallies.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new Measurement<long>(p.Value, new KeyValuePair<string, object?>(tag, p.Key)));
}
