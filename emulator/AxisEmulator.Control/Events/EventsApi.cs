using System.Globalization;
using System.Text;
using System.Text.Json;
using AxisEmulator.Control.Api;
using AxisEmulator.Core.Timeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace AxisEmulator.Control.Events;

/// <summary>
/// <c>GET /api/v1/events</c>: server-sent events of every timeline entry of every device. Each event is
/// named after the entry's kind, its id is <c>deviceId:sequence</c>, its data the entry as JSON.
/// </summary>
public static class EventsApi
{
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

    public static async Task<IResult> StreamEvents(HttpContext http, string? device, string? kind, TimelineEventHub hub, ControlPlane control, IHostApplicationLifetime lifetime)
    {
        ArgumentNullException.ThrowIfNull(http);
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

        // Subscribe before answering so nothing that happens from now on is missed.
        using var subscription = hub.Subscribe(control.Options.EventStreamCapacity, filter);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);

        var response = http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        try
        {
            await response.WriteAsync(": axis-emulator timeline events\nretry: 2000\n\n", stop.Token);
            await response.Body.FlushAsync(stop.Token);

            var reader = subscription.Reader;
            long reportedDrops = 0;
            var text = new StringBuilder();
            while (await reader.WaitToReadAsync(stop.Token))
            {
                text.Clear();
                while (reader.TryRead(out var entry))
                {
                    Format(text, entry);
                }

                var dropped = subscription.Dropped;
                if (dropped != reportedDrops)
                {
                    text.Append(CultureInfo.InvariantCulture, $": {dropped - reportedDrops} entries dropped (reader too slow); GET /api/v1/devices/{{id}}/timeline?since= fills the gap\n\n");
                    reportedDrops = dropped;
                }

                await response.WriteAsync(text.ToString(), stop.Token);
                await response.Body.FlushAsync(stop.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The client went away or the host is stopping: the stream simply ends.
        }

        return Results.Empty;
    }

    /// <summary>One SSE event: <c>id: cam-1:42</c>, <c>event: led</c>, <c>data: {json}</c>.</summary>
    internal static void Format(StringBuilder text, TimelineEntry entry)
    {
        var json = JsonSerializer.Serialize(ContractMapping.ToView(entry), ControlJson.Options);
        text.Append("id: ").Append(SingleLine(entry.DeviceId)).Append(':').Append(entry.Sequence.ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append("event: ").Append(ControlJson.Name(entry.Kind)).Append('\n');
        text.Append("data: ").Append(json).Append("\n\n");
    }

    private static string SingleLine(string value) => value.Replace('\n', ' ').Replace('\r', ' ');
}
