using AxisEmulator.Core.Events.Notifications;
using AxisEmulator.Core.Yaml;

namespace AxisEmulator.Control.Scenarios;

/// <summary><c>- expect-event: { topic, data, within }</c>: an event the camera publishes (VAPIX event stream) must come within the deadline.</summary>
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
        TopicFilter? topic = null;
        if (text is not null && (topic = TopicFilter.TryParse(text, out var problem)) is null)
        {
            ok = false;
            Error(fields.LineOf("topic"), $"'expect-event.topic': {problem} (an exact topic, or one ending in //. for its subtopics; known: {string.Join(", ", EventTopics.All)})");
        }

        List<KeyValuePair<string, string>>? data = null;
        if (fields.Has("data"))
        {
            data = TimelineData(fields);
            ok &= data is not null;
        }

        var within = fields.Has("within")
            ? Duration(fields, "within")
            : Missing<ScenarioDuration?>(key.Line, "expect-event", "within", "the deadline, e.g. within: 30s");
        return ok && topic is not null && within is { } deadline ? new ExpectEventStep(key.Line, topic, data ?? [], deadline) : null;
    }
}
