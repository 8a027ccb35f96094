using System.Security.Cryptography;
using System.Text;
using AxisEmulator.Core.Devices;
using AxisEmulator.Vapix.Auth;

namespace AxisEmulator.Vapix.Server;

/// <summary>
/// The VAPIX server's state for one device: the Digest authenticator of the current boot (its nonce
/// secret derives from the emulator seed and the boot id, so a reboot invalidates every nonce, as an
/// Apache restart does), the cached <see cref="DeviceView"/> (parameter tree and identity, rebuilt
/// only when the configuration or the network changes), the actions that run once a response has
/// gone out, and the systemready calls waiting for readiness.
/// </summary>
public sealed class VapixDevice
{
    private readonly VapixServices _services;
    private readonly Lock _gate = new();
    private DeviceView? _view;
    private (string BootId, HttpAuthenticator Authenticator)? _auth;
    private int _pendingActions;
    private TaskCompletionSource _actionsDone = Completed();
    private int _waitingSystemReady;
    private int _firmwareRequest;

    internal VapixDevice(Device camera, VapixServices services)
    {
        Camera = camera;
        _services = services;
    }

    public Device Camera { get; }

    /// <summary>Raised when a <c>systemready</c> call starts waiting for readiness (its <c>timeout</c> runs on the simulated clock).</summary>
    public event Action<VapixDevice>? SystemReadyWaitStarted;

    /// <summary><c>systemready</c> calls waiting for the device to become ready.</summary>
    public int WaitingSystemReadyCalls => Volatile.Read(ref _waitingSystemReady);

    /// <summary>
    /// Completes once every action deferred until after a response (restart, factory default, rollback)
    /// has run and what it changed in the configuration is on disk. A client has its answer before
    /// the action runs; tests await this, then the listener.
    /// </summary>
    public Task DeferredActionsDone
    {
        get { lock (_gate) { return _actionsDone.Task; } }
    }

    internal VapixServices Services => _services;

    /// <summary>The device as VAPIX sees it now (cached).</summary>
    internal DeviceView View()
    {
        var config = Camera.Config;
        var network = Camera.Addressing;
        var view = Volatile.Read(ref _view);
        if (view is not null && view.IsFor(config, network))
        {
            return view;
        }

        view = DeviceView.Build(Camera, config, network, _services.Parameters, view?.Identity);
        Volatile.Write(ref _view, view);
        return view;
    }

    /// <summary>The authenticator of the running boot; a new boot id gets a new secret.</summary>
    internal HttpAuthenticator Authenticator()
    {
        var bootId = Camera.BootId ?? "";
        lock (_gate)
        {
            if (_auth is { } current && current.BootId == bootId)
            {
                return current.Authenticator;
            }

            var nonces = new DigestNonces(Camera.Clock, NonceSecret(_services.Seed, Camera.Serial, bootId), Camera.Identity.Realm);
            var authenticator = new HttpAuthenticator(Camera.Identity.Realm, nonces);
            _auth = (bootId, authenticator);
            return authenticator;
        }
    }

    /// <summary>One firmware request at a time (firmwaremanagement.cgi answers 423 to a second one).</summary>
    internal bool TryEnterFirmwareRequest() => Interlocked.CompareExchange(ref _firmwareRequest, 1, 0) == 0;

    internal void ExitFirmwareRequest() => Volatile.Write(ref _firmwareRequest, 0);

    /// <summary>Counts an action that will run after its response; <see cref="DeferredActionsDone"/> waits for it.</summary>
    internal void BeginDeferred()
    {
        lock (_gate)
        {
            if (_pendingActions++ == 0)
            {
                _actionsDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    internal void EndDeferred()
    {
        TaskCompletionSource? done = null;
        lock (_gate)
        {
            if (--_pendingActions == 0)
            {
                done = _actionsDone;
            }
        }

        done?.TrySetResult();
    }

    /// <summary>
    /// Waits, on the device's clock, until the device has left network-up (ready, or gone) or
    /// <paramref name="timeout"/> has passed. Returns at once when it is not in network-up.
    /// </summary>
    internal async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var left = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnPhase(Device camera, DevicePhase from, DevicePhase to)
        {
            if (to != DevicePhase.NetworkUp)
            {
                left.TrySetResult();
            }
        }

        Camera.PhaseChanged += OnPhase;
        Interlocked.Increment(ref _waitingSystemReady);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            if (Camera.Phase != DevicePhase.NetworkUp)
            {
                return;
            }

            var delay = Task.Delay(timeout, Camera.Clock, stop.Token);
            SystemReadyWaitStarted?.Invoke(this);
            await Task.WhenAny(left.Task, delay).ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        }
        finally
        {
            Camera.PhaseChanged -= OnPhase;
            Interlocked.Decrement(ref _waitingSystemReady);
            await stop.CancelAsync().ConfigureAwait(false); // drops the clock timer of a wait that ended early
        }
    }

    /// <summary>Per-boot secret: the seed, the unit and the boot id, so runs are reproducible and reboots start afresh.</summary>
    private static byte[] NonceSecret(int seed, string serial, string bootId) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(FormattableString.Invariant($"axis-emulator:{seed}:{serial}:{bootId}")));

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }
}
