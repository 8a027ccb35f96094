namespace AxisEmulator.Core.Events.Notifications;

/// <summary>
/// An event topic filter as VAPIX clients write them (the ONVIF concrete-set dialect the firmware
/// takes): alternatives joined by <c>|</c>, each an exact topic such as
/// <c>tns1:Device/tnsaxis:Status/SystemReady</c> or a topic followed by <c>//.</c> for it and every
/// topic below it (<c>tns1:Device//.</c>).
/// </summary>
public sealed class TopicFilter
{
    private const string Subtree = "//.";

    private readonly IReadOnlyList<(string Topic, bool WithSubtopics)> _alternatives;

    private TopicFilter(string text, IReadOnlyList<(string, bool)> alternatives)
    {
        Text = text;
        _alternatives = alternatives;
    }

    /// <summary>The filter as written.</summary>
    public string Text { get; }

    /// <summary>Reads <paramref name="text"/>; null with <paramref name="problem"/> saying what is wrong with it.</summary>
    public static TopicFilter? TryParse(string? text, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "topicFilter is empty";
            return null;
        }

        var alternatives = new List<(string, bool)>();
        foreach (var part in text.Split('|'))
        {
            var alternative = part.Trim();
            var subtree = alternative.EndsWith(Subtree, StringComparison.Ordinal);
            var topic = subtree ? alternative[..^Subtree.Length] : alternative;
            if (topic.Length == 0 || topic.StartsWith('/') || topic.EndsWith('/') || topic.Contains("//", StringComparison.Ordinal)
                || topic.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                problem = $"invalid topicFilter '{text}'";
                return null;
            }

            alternatives.Add((topic, subtree));
        }

        return new TopicFilter(text, alternatives);
    }

    /// <summary>Whether <paramref name="topic"/> passes the filter.</summary>
    public bool Matches(string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        foreach (var (wanted, withSubtopics) in _alternatives)
        {
            if (string.Equals(topic, wanted, StringComparison.Ordinal)
                || (withSubtopics && topic.Length > wanted.Length && topic[wanted.Length] == '/' && topic.StartsWith(wanted, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() => Text;
}
