using System.Runtime.CompilerServices;

namespace AxisEmulator.Client;

/// <summary>
/// One emulated device seen through the control API: what a person does to it (power, the button,
/// faults) and what can be read from it (state, timeline, requests), without repeating its id.
/// Get one with <see cref="AxisEmulatorClient.Device"/>; assert on it with
/// <c>await camera.Should().ReachPhaseWithin(...)</c> (AxisEmulator.Testing).
/// </summary>
public sealed class EmulatedDevice
{
    public EmulatedDevice(AxisEmulatorClient client, string id)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(id);
        Client = client;
        Id = id;
    }

    public AxisEmulatorClient Client { get; }

    public string Id { get; }

    public Task<DeviceState> GetStateAsync(CancellationToken cancellationToken = default) => Client.GetDeviceAsync(Id, cancellationToken);

    public Task<DeviceState> PowerOnAsync(PowerSource? source = null, CancellationToken cancellationToken = default) => Client.PowerOnAsync(Id, source, cancellationToken);

    public Task<DeviceState> PowerOffAsync(CancellationToken cancellationToken = default) => Client.PowerOffAsync(Id, cancellationToken);

    public Task<DeviceState> PressButtonAsync(CancellationToken cancellationToken = default) => Client.PressButtonAsync(Id, cancellationToken);

    public Task<DeviceState> ReleaseButtonAsync(CancellationToken cancellationToken = default) => Client.ReleaseButtonAsync(Id, cancellationToken);

    public Task<ButtonHoldAccepted> HoldButtonAsync(TimeSpan duration, CancellationToken cancellationToken = default) => Client.HoldButtonAsync(Id, duration, cancellationToken);

    public Task<DeviceState> SetFaultsAsync(DeviceFaults faults, CancellationToken cancellationToken = default) => Client.SetFaultsAsync(Id, faults, cancellationToken);

    /// <summary>Sets the control button's contact condition.</summary>
    public Task<DeviceState> SetButtonAsync(ButtonFault condition, CancellationToken cancellationToken = default) =>
        Client.SetFaultsAsync(Id, new DeviceFaults { Button = condition }, cancellationToken);

    public Task<TimelinePage> GetTimelineAsync(long since = 0, IEnumerable<TimelineKind>? kinds = null, CancellationToken cancellationToken = default) =>
        Client.GetTimelineAsync(Id, since, kinds, cancellationToken);

    public Task<RequestJournal> GetRequestsAsync(long since = 0, CancellationToken cancellationToken = default) => Client.GetRequestsAsync(Id, since, cancellationToken);

    /// <inheritdoc cref="AxisEmulatorClient.WaitForRequestAsync"/>
    public Task<RequestRecord> WaitForRequestAsync(
        Func<RequestRecord, bool> match,
        int attempts = 250,
        TimeSpan? interval = null,
        [CallerArgumentExpression(nameof(match))] string? matchText = null,
        CancellationToken cancellationToken = default) =>
        Client.WaitForRequestAsync(Id, match, attempts, interval, matchText, cancellationToken);

    public Task DeleteAsync(bool deleteState = false, CancellationToken cancellationToken = default) => Client.DeleteDeviceAsync(Id, deleteState, cancellationToken);

    /// <inheritdoc cref="AxisEmulatorClient.WaitForAsync"/>
    public Task<DeviceState> WaitForAsync(
        Func<DeviceState, bool> condition,
        TimeSpan within,
        TimeSpan? step = null,
        [CallerArgumentExpression(nameof(condition))] string? conditionText = null,
        CancellationToken cancellationToken = default) =>
        Client.WaitForAsync(Id, condition, within, step, conditionText, cancellationToken);

    /// <inheritdoc cref="AxisEmulatorClient.EnsureNeverAsync"/>
    public Task<DeviceState> EnsureNeverAsync(
        Func<DeviceState, bool> condition,
        TimeSpan within,
        TimeSpan? step = null,
        [CallerArgumentExpression(nameof(condition))] string? conditionText = null,
        CancellationToken cancellationToken = default) =>
        Client.EnsureNeverAsync(Id, condition, within, step, conditionText, cancellationToken);

    public override string ToString() => Id;
}
