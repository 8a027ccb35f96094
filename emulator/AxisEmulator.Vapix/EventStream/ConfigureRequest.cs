using System.Text.Json;
using AxisEmulator.Core.Events.Notifications;

namespace AxisEmulator.Vapix.EventStream;

/// <summary>One entry of <c>params.eventFilterList</c>: a topic filter and an optional content filter.</summary>
internal sealed record EventFilter(TopicFilter Topic, ContentFilter? Content)
{
    public bool Matches(EventNotification notification) =>
        Topic.Matches(notification.Topic) && (Content is null || Content.Matches(notification));
}

/// <summary>
/// A client's <c>events:configure</c> message, read strictly: what it subscribes to, or the reason
/// it is refused (answered as the firmware does, <c>error.code</c> 2104 "Invalid event datasource
/// payload: …", as seen from AXIS OS for an empty filter list).
/// </summary>
internal sealed record ConfigureRequest(string? Context, IReadOnlyList<EventFilter>? Filters, string? Problem)
{
    public const string Method = "events:configure";

    private static ConfigureRequest Refused(string? context, string problem) => new(context, null, problem);

    public static ConfigureRequest Parse(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return Refused(null, "the message is not valid JSON");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Refused(null, "the message is not a JSON object");
            }

            var context = root.TryGetProperty("context", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            if (!root.TryGetProperty("apiVersion", out var version) || version.ValueKind != JsonValueKind.String)
            {
                return Refused(context, "apiVersion is missing");
            }

            if (version.GetString()!.Split('.')[0] != "1")
            {
                return Refused(context, $"apiVersion '{version.GetString()}' is not supported (1.0 is)");
            }

            if (!root.TryGetProperty("method", out var method) || method.ValueKind != JsonValueKind.String || method.GetString() != Method)
            {
                return Refused(context, $"method must be '{Method}'");
            }

            if (!root.TryGetProperty("params", out var parameters) || parameters.ValueKind != JsonValueKind.Object
                || !parameters.TryGetProperty("eventFilterList", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                return Refused(context, "eventFilterList is missing");
            }

            if (list.GetArrayLength() == 0)
            {
                return Refused(context, "eventFilterList is empty");
            }

            var filters = new List<EventFilter>();
            foreach (var entry in list.EnumerateArray())
            {
                if (Filter(entry, out var problem) is { } filter)
                {
                    filters.Add(filter);
                }
                else
                {
                    return Refused(context, problem!);
                }
            }

            return new ConfigureRequest(context, filters, null);
        }
    }

    private static EventFilter? Filter(JsonElement entry, out string? problem)
    {
        problem = null;
        if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("topicFilter", out var topic) || topic.ValueKind != JsonValueKind.String)
        {
            problem = "each eventFilterList entry needs a topicFilter string";
            return null;
        }

        if (TopicFilter.TryParse(topic.GetString(), out problem) is not { } topicFilter)
        {
            return null;
        }

        ContentFilter? content = null;
        if (entry.TryGetProperty("contentFilter", out var contentText))
        {
            if (contentText.ValueKind != JsonValueKind.String || ContentFilter.TryParse(contentText.GetString()!) is not { } parsed)
            {
                problem = $"invalid contentFilter {contentText.GetRawText()}";
                return null;
            }

            content = parsed;
        }

        return new EventFilter(topicFilter, content);
    }
}
