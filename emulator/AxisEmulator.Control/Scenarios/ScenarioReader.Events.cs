using AxisEmulator.Core.Events.Notifications;
using AxisEmulator.Core.Validation;
using AxisEmulator.Core.Yaml;

namespace AxisEmulator.Control.Scenarios;

/// <summary>
/// <c>- expect-event: { topic, data, within }</c>: an event the camera publishes (VAPIX event stream)
/// must come within the deadline. Checked against <see cref="EventTopics.Published"/> when the
/// scenario is loaded, so a step waiting for what the camera never sends fails at once, not at its deadline.
/// </summary>
internal sealed partial class ScenarioReader
{
    private ExpectEventStep? ExpectEventStep(YScalar key, YNode value)
    {
        if (Arguments(value, "expect-event", "{ topic: tns1:Device/tnsaxis:Status/SystemReady, data: { ready: 1 }, within: 120s }") is not { } fields)
        {
            return null;
        }

        var ok = fields.AllowOnly(["topic", "data", "within"]);
        var text = fields.Has("topic") ? fields.Text("topic") : Missing<string>(key.Line, "expect-event", "topic", "e.g. topic: " + EventTopics.SystemReady);
        var topic = text is null ? null : Topic(fields, text);
        ok &= text is null || topic is not null;

        List<KeyValuePair<string, string>>? data = null;
        if (fields.Has("data"))
        {
            data = TimelineData(fields, "expect-event");
            ok &= data is not null && (topic is null || KnownItems(fields, topic, data));
        }

        var within = fields.Has("within")
            ? Duration(fields, "within")
            : Missing<ScenarioDuration?>(key.Line, "expect-event", "within", "the deadline, e.g. within: 30s");
        if (within is { Value.Ticks: 0 } zero)
        {
            ok = false;
            Error(fields.LineOf("within"), $"'expect-event.within' must be more than 0s, got {zero.Text}: an event is waited for from the step on, so a zero deadline can never pass");
        }

        return ok && topic is not null && within is { } deadline ? new ExpectEventStep(key.Line, topic, data ?? [], deadline) : null;
    }

    /// <summary>The topic filter, when it is well-formed and passes at least one published topic.</summary>
    private TopicFilter? Topic(YamlFields fields, string text)
    {
        var known = string.Join(", ", EventTopics.Published.Select(p => p.Topic));
        if (TopicFilter.TryParse(text, out var problem) is not { } topic)
        {
            Error(fields.LineOf("topic"), $"'expect-event.topic': {problem} (an exact topic, or one ending in //. for its subtopics; known: {known})");
            return null;
        }

        if (!EventTopics.Published.Any(p => topic.Matches(p.Topic)))
        {
            Error(fields.LineOf("topic"), $"'expect-event.topic': the camera publishes no topic '{text}' matches; known: {known}"
                + Suggest.DidYouMean(text, [.. EventTopics.Published.Select(p => p.Topic)]));
            return null;
        }

        return topic;
    }

    /// <summary>Whether every data item asked for is one the topics the filter passes carry.</summary>
    private bool KnownItems(YamlFields fields, TopicFilter topic, List<KeyValuePair<string, string>> data)
    {
        var items = EventTopics.Published.Where(p => topic.Matches(p.Topic)).SelectMany(p => p.Data).Distinct(StringComparer.Ordinal).ToList();
        var ok = true;
        foreach (var (name, _) in data.Where(d => !items.Contains(d.Key, StringComparer.Ordinal)))
        {
            ok = false;
            Error(fields.LineOf("data"), $"'expect-event.data.{name}': no event on '{topic}' has that item; its items: {string.Join(", ", items)}" + Suggest.DidYouMean(name, items));
        }

        return ok;
    }
}
