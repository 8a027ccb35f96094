using System.Globalization;
using System.Text;
using AxisEmulator.Core.Devices;
using AxisEmulator.Vapix.Server;

namespace AxisEmulator.Vapix.Media;

/// <summary>
/// <c>/axis-cgi/mjpg/video.cgi</c>: test-card frames as <c>multipart/x-mixed-replace; boundary=myboundary</c>,
/// each part <c>--myboundary</c>, <c>Content-Type: image/jpeg</c>, <c>Content-Length</c>, paced by the
/// device's clock at <c>fps</c>; ends after <c>nbrofframes</c> frames or <c>duration</c> seconds, or
/// when the camera leaves ready (restart, power loss).
/// </summary>
internal static class MjpegCgi
{
    public const string Boundary = "myboundary";

    /// <summary>The frame rate when the client sets none (or 0, "as fast as possible"): the sensor's 30 fps.</summary>
    public const int MaxFps = 30;

    public static async Task<Reply> HandleAsync(VapixExchange exchange)
    {
        var (request, refusal) = await ImageCgi.PrepareAsync(exchange);
        if (request is null)
        {
            return refusal!;
        }

        var args = await exchange.FormAsync();
        var limits = new StreamLimits(args["fps"], args["nbrofframes"], args["duration"]);
        if (limits.Invalid is { } invalid)
        {
            return ImageRequest.NotAvailable(invalid);
        }

        var camera = exchange.Camera;
        return Reply.Streaming($"multipart/x-mixed-replace; boundary={Boundary}", (body, aborted) => StreamAsync(camera, request, limits, body, aborted));
    }

    private static async Task StreamAsync(Device camera, ImageRequest request, StreamLimits limits, Stream body, CancellationToken aborted)
    {
        var down = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnPhase(Device device, DevicePhase from, DevicePhase to)
        {
            if (to != DevicePhase.Ready)
            {
                down.TrySetResult();
            }
        }

        camera.PhaseChanged += OnPhase;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        try
        {
            var clock = camera.Clock;
            var started = clock.GetTimestamp();
            for (var frame = 0L; camera.Phase == DevicePhase.Ready && limits.Allows(frame); frame++)
            {
                // Frames are due on a fixed schedule of device time, so a late wake-up does not shift the rest.
                var wait = limits.DueAt(frame) - clock.GetElapsedTime(started);
                if (wait > TimeSpan.Zero)
                {
                    await Task.WhenAny(Task.Delay(wait, clock, stop.Token), down.Task).ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
                    if (down.Task.IsCompleted || aborted.IsCancellationRequested)
                    {
                        return;
                    }
                }

                await WritePartAsync(body, ImageCgi.Frame(camera, request), aborted);
            }
        }
        finally
        {
            camera.PhaseChanged -= OnPhase;
            await stop.CancelAsync(); // drops the clock timer of a wait that ended early
        }
    }

    private static async Task WritePartAsync(Stream body, byte[] jpeg, CancellationToken aborted)
    {
        var head = Encoding.ASCII.GetBytes(FormattableString.Invariant(
            $"--{Boundary}\r\nContent-Type: {ImageCgi.ContentType}\r\nContent-Length: {jpeg.Length}\r\n\r\n"));
        await body.WriteAsync(head, aborted);
        await body.WriteAsync(jpeg, aborted);
        await body.WriteAsync("\r\n"u8.ToArray(), aborted);
        await body.FlushAsync(aborted);
    }

    /// <summary>How long a stream runs: <c>fps</c> (0 or unset: <see cref="MaxFps"/>), <c>nbrofframes</c> and <c>duration</c> (0 or unset: no limit).</summary>
    private sealed class StreamLimits
    {
        private readonly TimeSpan _interval;
        private readonly long _frames;
        private readonly TimeSpan _duration;

        public StreamLimits(string? fps, string? frames, string? duration)
        {
            var rate = Parse(fps, "Fps", 0, MaxFps);
            _frames = Parse(frames, "Nbrofframes", 0, int.MaxValue);
            _duration = TimeSpan.FromSeconds(Parse(duration, "Duration", 0, int.MaxValue));
            _interval = TimeSpan.FromSeconds(1.0 / (rate == 0 ? MaxFps : rate));
        }

        /// <summary>The argument that was out of range, as the error names it; null when all are fine.</summary>
        public string? Invalid { get; private set; }

        public bool Allows(long frame) => (_frames == 0 || frame < _frames) && (_duration == TimeSpan.Zero || DueAt(frame) < _duration);

        public TimeSpan DueAt(long frame) => _interval * frame;

        private int Parse(string? text, string name, int min, int max)
        {
            if (text is null)
            {
                return 0;
            }

            if (ImageRequest.Number(text) is { } value && value >= min && value <= max)
            {
                return value;
            }

            Invalid ??= $"{name} {text}";
            return 0;
        }
    }
}
