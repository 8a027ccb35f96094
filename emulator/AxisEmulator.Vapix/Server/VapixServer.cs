using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;
using AxisEmulator.Core.Network;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace AxisEmulator.Vapix.Server;

/// <summary>
/// A device's VAPIX HTTP server: routes each request to its CGI the way the camera's Apache does
/// (exact, case-sensitive paths; Apache's own pages for what never reaches a CGI), follows the boot
/// phase (503 before ready, systemready excepted), authenticates per role, applies changes to the
/// device's stored configuration (an answer that acknowledges a change waits until it is on disk),
/// and runs restarts and factory defaults only after the answer has gone out. Every request is
/// journaled on the device; nothing ever answers 500.
/// </summary>
/// <example>
/// <code>
/// var (listeners, services) = VapixServer.Listen(emulator, layout);
/// </code>
/// </example>
public static class VapixServer
{
    /// <summary>Apache's banner on current devices (12.11 capture, vapix-facts §1.1).</summary>
    public const string ServerBanner = "Apache/2.4.68 (Unix) OpenSSL/3.5.7";

    /// <summary>
    /// Listeners for every device of <paramref name="emulator"/>, present and future, each answering
    /// with its device's VAPIX server and opening and closing with the device's network (a device's
    /// "settled" also waits for the actions its server deferred past an answer); also the shared services.
    /// </summary>
    public static (Hosting.DeviceListenerSet Listeners, VapixServices Services) Listen(
        Core.Fleet.Emulator emulator,
        Hosting.ListenerLayout? layout = null,
        ILoggerFactory? loggerFactory = null,
        string? hardwareProfilesDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        var services = VapixServices.For(emulator, hardwareProfilesDirectory, loggerFactory);
        var listeners = new Hosting.DeviceListenerSet(emulator, camera => For(camera, services), layout, loggerFactory, camera => services.DeviceFor(camera).DeferredActionsDone);
        return (listeners, services);
    }

    /// <summary>The request handler of <paramref name="camera"/>, for its <see cref="Hosting.DeviceListener"/>.</summary>
    public static RequestDelegate For(Device camera, VapixServices services)
    {
        ArgumentNullException.ThrowIfNull(camera);
        ArgumentNullException.ThrowIfNull(services);
        var device = services.DeviceFor(camera);
        var logger = services.LoggerFactory.CreateLogger("AxisEmulator.Vapix.Server");
        return context => HandleAsync(context, device, logger);
    }

    private static async Task HandleAsync(HttpContext context, VapixDevice device, ILogger logger)
    {
        var camera = device.Camera;
        var started = camera.Clock.GetTimestamp();
        if (AnswersNothing(camera))
        {
            // Arrived as the device went down: a camera losing power does not answer.
            context.Abort();
            return;
        }

        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        var (verdict, target) = RequestTarget.Parse(rawTarget);
        var journalPath = verdict == TargetVerdict.Ok ? target.RawPath : PathOnly(rawTarget);
        VapixExchange? exchange = null;
        VapixRoute? route = null;
        Reply reply;
        try
        {
            if (verdict != TargetVerdict.Ok)
            {
                reply = verdict == TargetVerdict.NotFound ? ApachePages.NotFound() : ApachePages.BadRequest();
            }
            else if (HeaderFieldLimit.Exceeded(context.Request.Headers))
            {
                reply = ApachePages.HeaderFieldTooLong();
            }
            else if (!VapixRoutes.TryGet(target.Path, out route))
            {
                reply = ApachePages.NotFound();
            }
            else
            {
                // The route's own string when it is the same text: the timeline keeps the path for
                // thousands of requests, and one shared copy beats a copy per request.
                journalPath = string.Equals(journalPath, route.Path, StringComparison.Ordinal) ? route.Path : journalPath;
                exchange = new VapixExchange(context, device, device.View(), target);
                var changesBefore = camera.ConfigChanges;
                reply = await DispatchAsync(exchange, route);
                if (camera.ConfigChanges != changesBefore)
                {
                    // An answer that acknowledges a change goes out once the change is on disk.
                    await camera.FlushConfigAsync();
                }
            }
        }
        catch (BodyTooLargeException)
        {
            reply = ApachePages.PayloadTooLarge(context.Request.Method);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            camera.RecordHttp(context.Request.Method, journalPath, exchange?.User?.Name, 499, Elapsed(camera, started));
            return;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogError(ex, "{Device}: {Method} {Path} failed; answering a VAPIX error", camera.Id, context.Request.Method, journalPath);
            reply = route is null ? ApachePages.BadRequest() : route.InternalError(exchange);
        }

        if (reply.IsUpgraded)
        {
            // A WebSocket session that has ended: journaled once, with its 101 and how long it lasted.
            camera.RecordHttp(context.Request.Method, journalPath, exchange?.User?.Name, reply.Status, Elapsed(camera, started));
            return;
        }

        if (AnswersNothing(camera) && reply.After is null)
        {
            // The device lost power (or its cable) while this request was in the works.
            context.Abort();
            return;
        }

        await WriteAsync(context, reply, device, logger);
        camera.RecordHttp(context.Request.Method, exchange?.JournalName ?? journalPath, exchange?.User?.Name ?? exchange?.RefusedUser, reply.Status, Elapsed(camera, started), exchange?.Refusal ?? RequestRefusal.None);
    }

    /// <summary>The route's answer (its own task: no state machine of this method's on the hot path).</summary>
    private static Task<Reply> DispatchAsync(VapixExchange exchange, VapixRoute route)
    {
        if (!Takes(route, exchange.Method))
        {
            return Task.FromResult(ApachePages.MethodNotAllowed(exchange.Method, string.Join(",", route.Methods)));
        }

        // Between network-up and ready the web server answers, but only systemready has anything to
        // say; the same holds for connections still being served while the device shuts down.
        var phase = exchange.Camera.Phase;
        if ((phase == DevicePhase.NetworkUp || !phase.HasNetwork()) && !route.AnswersWhileStarting)
        {
            return Task.FromResult(ApachePages.ServiceUnavailable());
        }

        return route.Handle(exchange);
    }

    private static bool Takes(VapixRoute route, string method)
    {
        for (var i = 0; i < route.Methods.Count; i++)
        {
            if (string.Equals(route.Methods[i], method, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static async Task WriteAsync(HttpContext context, Reply reply, VapixDevice device, ILogger logger)
    {
        if (reply.After is { } after)
        {
            device.BeginDeferred();
            context.Response.OnCompleted(async () =>
            {
                try
                {
                    after();

                    // A factory default answers first, as the device does; it is on disk before the deferred actions count as done.
                    await device.Camera.FlushConfigAsync();
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    logger.LogError(ex, "{Device}: action after the response failed", device.Camera.Id);
                }
                finally
                {
                    device.EndDeferred();
                }
            });
        }

        var response = context.Response;
        if (!await DrainRequestBodyAsync(context))
        {
            response.Headers.Connection = "close";
        }

        response.StatusCode = reply.Status;
        var headers = response.Headers;
        headers.Server = ServerBanner;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "SAMEORIGIN";
        headers.XXSSProtection = "1; mode=block";
        headers.ContentType = reply.ContentType;
        foreach (var (name, value) in reply.Headers)
        {
            headers.Append(name, value);
        }

        try
        {
            if (reply.Streamer is { } streamer && !HttpMethods.IsHead(context.Request.Method))
            {
                await response.StartAsync(context.RequestAborted);
                await streamer(response.Body, context.RequestAborted);
                if (AnswersNothing(device.Camera))
                {
                    // A stream cut by power loss ends mid-air, not with a clean last chunk.
                    context.Abort();
                    return;
                }
            }
            else if (reply.Body.Length > 0 && !HttpMethods.IsHead(context.Request.Method))
            {
                await WriteBodyAsync(response, reply.Body, context.RequestAborted);
            }

            await response.CompleteAsync();
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client (or the device) went away mid-answer: nothing more to say.
        }
    }

    /// <summary>
    /// Reads and drops what is left of the request body before answering (Apache discards it too), so
    /// the connection can carry the client's next request: a Digest client answers its 401 on the same
    /// connection, and an unread body would make the server reset it. False when the connection should
    /// close instead (the client waits for 100-continue and will not send the body, or it broke off).
    /// </summary>
    private static async Task<bool> DrainRequestBodyAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength == 0 || (request.ContentLength is null && !IsChunked(request.Headers.TransferEncoding)))
        {
            return true;
        }

        if (request.Headers.Expect.Any(v => v?.Contains("100-continue", StringComparison.OrdinalIgnoreCase) == true)
            && context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: true } && request.ContentLength > 0
            && !BodyStarted(context))
        {
            return false;
        }

        try
        {
            await request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            return true;
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Answers up to this size go out in one send: headers, the one chunk and the last chunk together.</summary>
    private const int SingleSendLimit = 64 * 1024;

    /// <summary>
    /// Writes the body chunked, as the camera's Apache does (vapix-facts §1.1). A small body is put in
    /// the response buffer unflushed, so <c>CompleteAsync</c> sends headers, body and the terminating
    /// chunk in one segment; a flush per write would cost the client a second read for <c>0\r\n\r\n</c>.
    /// </summary>
    private static async Task WriteBodyAsync(HttpResponse response, byte[] body, CancellationToken aborted)
    {
        if (body.Length > SingleSendLimit)
        {
            await response.Body.WriteAsync(body, aborted);
            return;
        }

        // Kestrel hands out no buffer for an unsized GetSpan() before the response starts, so ask for sizes.
        var writer = response.BodyWriter;
        var remaining = body.AsSpan();
        while (!remaining.IsEmpty)
        {
            var span = writer.GetSpan(Math.Min(remaining.Length, 4096));
            var count = Math.Min(span.Length, remaining.Length);
            remaining[..count].CopyTo(span);
            writer.Advance(count);
            remaining = remaining[count..];
        }
    }

    /// <summary>A device going down in order (restart, factory default) still answers the connections its web server had accepted; one that lost power, its cable or its firmware answers nothing.</summary>
    private static bool AnswersNothing(Device camera) => camera.ListenerClose.DropsConnections();

    private static bool IsChunked(Microsoft.Extensions.Primitives.StringValues transferEncoding)
    {
        foreach (var value in transferEncoding)
        {
            if (value?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true)
            {
                return true;
            }
        }

        return false;
    }

    private static bool BodyStarted(HttpContext context) => context.Items.ContainsKey(VapixExchange.BodyReadKey);

    private static string PathOnly(string rawTarget)
    {
        var question = rawTarget.IndexOf('?', StringComparison.Ordinal);
        return question < 0 ? rawTarget : rawTarget[..question];
    }

    private static double Elapsed(Device camera, long started) => Math.Round(camera.Clock.GetElapsedTime(started).TotalMilliseconds, 3);
}
