using System.Globalization;
using AxisEmulator.Contracts;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TimelineKind = AxisEmulator.Core.Events.TimelineKind;

namespace AxisEmulator.Control.Api;

/// <summary>What happened to a device: its timeline and its VAPIX request journal.</summary>
public static class TimelineApi
{
    public static RouteGroupBuilder MapTimelineApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var device = api.MapGroup("/devices/{id}").WithTags("Timeline");
        device.MapGet("/timeline", GetTimeline)
            .WithName("GetTimeline")
            .WithSummary("A device's timeline")
            .WithDescription("Entries with a sequence number greater than ?since= (default 0: everything still held), oldest first, each stamped with simulated time. ?kind= narrows to some kinds (comma-separated: power, button, led, phase, http, fault, config, boot, network). Poll with since = the answer's lastSequence.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        device.MapGet("/requests", GetRequests)
            .WithName("GetRequests")
            .WithSummary("A device's VAPIX request journal")
            .WithDescription("The HTTP requests the device answered (timeline entries of kind http) after ?since=: method, path, user, status.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    public static Results<Ok<TimelinePage>, ProblemHttpResult> GetTimeline(string id, string? since, string? kind, ControlPlane control)
    {
        if (DeviceAndSince(id, since, control, out var camera, out var after) is { } problem)
        {
            return problem;
        }

        if (ParseKinds(kind, out var kinds) is { } badKind)
        {
            return badKind;
        }

        var timeline = camera.Timeline;
        var last = timeline.LastSequence;
        var held = timeline.Since(0);
        var entries = held
            .Where(e => e.Sequence > after && (kinds is null || kinds.Contains(e.Kind)))
            .Select(ContractMapping.ToView)
            .ToArray();
        return TypedResults.Ok(new TimelinePage(camera.Id, Math.Max(last, held.Count > 0 ? held[^1].Sequence : 0), held.Count > 0 ? held[0].Sequence : null, entries));
    }

    public static Results<Ok<RequestJournal>, ProblemHttpResult> GetRequests(string id, string? since, ControlPlane control)
    {
        if (DeviceAndSince(id, since, control, out var camera, out var after) is { } problem)
        {
            return problem;
        }

        var last = camera.Timeline.LastSequence;
        var requests = camera.Timeline.Since(after)
            .Select(ContractMapping.ToRequest)
            .OfType<RequestRecord>()
            .ToArray();
        return TypedResults.Ok(new RequestJournal(camera.Id, Math.Max(last, requests.Length > 0 ? requests[^1].Sequence : 0), requests));
    }

    /// <summary>The route's device and the sequence number <c>?since=</c> reads after; or why not (404, then 400).</summary>
    private static ProblemHttpResult? DeviceAndSince(string id, string? since, ControlPlane control, out Device camera, out long after)
    {
        after = 0;
        return control.TryGetDevice(id, out camera) ? ParseSince(since, out after) : control.UnknownDevice(id);
    }

    internal static ProblemHttpResult? ParseSince(string? text, out long since)
    {
        since = 0;
        if (text is null)
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out since)
            ? null
            : Problems.BadRequest($"since must be a sequence number, a whole number 0 or more (got '{text}').");
    }

    internal static ProblemHttpResult? ParseKinds(string? text, out HashSet<TimelineKind>? kinds)
    {
        kinds = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var names = ControlJson.Names(typeof(TimelineKind));
        kinds = [];
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var index = names.ToList().FindIndex(n => string.Equals(n, part, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                return Problems.BadRequest($"kind '{part}' is not a timeline kind; allowed: {string.Join(", ", names)}.");
            }

            kinds.Add(Enum.GetValues<TimelineKind>()[index]);
        }

        return null;
    }
}
