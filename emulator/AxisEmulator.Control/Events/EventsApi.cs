using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using AxisEmulator.Control.Api;
using AxisEmulator.Core.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace AxisEmulator.Control.Events;

/// <summary>
/// <c>GET /api/v1/events</c>: server-sent events (<see cref="TypedResults.ServerSentEvents{T}(IAsyncEnumerable{SseItem{T}})"/>)
/// of every timeline entry of every device. Each event is named after the entry's kind, its id is
/// <c>deviceId:sequence</c>, its data the entry as JSON.
/// </summary>
public static class EventsApi
{
    /// <summary>What a stream starts with: a comment for people (curl) and the reconnection time for EventSource.</summary>
    private const string Greeting = ": axis-emulator timeline events\nretry: 2000\n\n";

    public static RouteGroupBuilder MapEventsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/events", StreamEvents)
            .WithName("StreamEvents")
            .WithTags("Events")
            .WithSummary("Server-sent events of every timeline entry")
            .WithDescription("text/event-stream of every timeline entry of every device, devices added later included: event = the entry's kind (power, button, led, phase, http, fault, config, boot, network), id = deviceId:sequence, data = the entry as JSON. ?device= (comma-separated ids) and ?kind= (comma-separated kinds) narrow it. A reader that falls behind loses its oldest entries (a comment line says how many); GET …/timeline?since= fills the gap.")
            .Produces<Contracts.TimelineEntry>(StatusCodes.Status200OK, "text/event-stream")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    public static IResult StreamEvents(HttpContext http, string? device, string? kind, TimelineEventHub hub, ControlPlane control, IHostApplicationLifetime lifetime)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(lifetime);
        if (TimelineApi.ParseKinds(kind, out var kinds) is { } badKind)
        {
            return badKind;
        }

        var devices = string.IsNullOrWhiteSpace(device)
            ? null
            : device.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        Func<TimelineEntry, bool>? filter = devices is null && kinds is null
            ? null
            : e => (devices is null || devices.Contains(e.DeviceId)) && (kinds is null || kinds.Contains(e.Kind));

        // Subscribed before answering so nothing that happens from now on is missed; the stream owns it.
        var subscription = hub.Subscribe(control.Options.EventStreamCapacity, filter);
        // The result sets the content type and no caching; a reverse proxy must not buffer the stream either.
        http.Response.Headers["X-Accel-Buffering"] = "no";
        return TypedResults.ServerSentEvents(Events(http.Response, subscription, lifetime.ApplicationStopping));
    }

    /// <summary>
    /// One SSE event per entry: <c>event: led</c>, <c>data: {json}</c>, <c>id: cam-1:42</c>. The
    /// built-in formatter writes no comments, so the greeting (which also sends the headers at once:
    /// a client knows it is subscribed) and the drop notes are comments written between its events.
    /// </summary>
    private static async IAsyncEnumerable<SseItem<Contracts.TimelineEntry>> Events(
        HttpResponse response,
        TimelineEventHub.Subscription subscription,
        CancellationToken stopping,
        [EnumeratorCancellation] CancellationToken aborted = default)
    {
        using var owned = subscription;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted, stopping);
        if (!await CommentAsync(response, Greeting, stop.Token))
        {
            yield break;
        }

        var reader = subscription.Reader;
        long reportedDrops = 0;
        while (await WaitAsync(reader, stop.Token))
        {
            while (reader.TryRead(out var entry))
            {
                yield return new SseItem<Contracts.TimelineEntry>(ContractMapping.ToView(entry), WireValues.Of(entry.Kind).Value)
                {
                    EventId = Id(entry),
                };
            }

            var dropped = subscription.Dropped;
            if (dropped != reportedDrops)
            {
                var note = string.Create(CultureInfo.InvariantCulture, $": {dropped - reportedDrops} entries dropped (reader too slow); GET /api/v1/devices/{{id}}/timeline?since= fills the gap\n\n");
                reportedDrops = dropped;
                if (!await CommentAsync(response, note, stop.Token))
                {
                    yield break;
                }
            }
        }
    }

    /// <summary>The event id: <c>cam-1:42</c> (device ids are single-line; a line break would end the field).</summary>
    internal static string Id(TimelineEntry entry) =>
        string.Create(CultureInfo.InvariantCulture, $"{entry.DeviceId.Replace('\n', ' ').Replace('\r', ' ')}:{entry.Sequence}");

    /// <summary>Writes and flushes <paramref name="text"/>; false when the client went away or the host is stopping: the stream simply ends.</summary>
    private static async Task<bool> CommentAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        try
        {
            await response.WriteAsync(text, cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            return false;
        }
    }

    private static async Task<bool> WaitAsync(ChannelReader<TimelineEntry> reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.WaitToReadAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
