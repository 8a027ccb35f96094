using System.Text.RegularExpressions;
using AxisEmulator.Core.Events.Notifications;

namespace AxisEmulator.Vapix.EventStream;

/// <summary>
/// The content filter form VAPIX documents and clients use: <c>boolean(//SimpleItem[@Name="ready" and @Value="1"])</c>,
/// true when the message has that item (source, key or data) with that value. Other XPath is refused, not guessed at.
/// </summary>
internal sealed partial class ContentFilter(string name, string value)
{
    public static ContentFilter? TryParse(string text)
    {
        var match = SimpleItem().Match(text);
        return match.Success ? new ContentFilter(match.Groups["name"].Value, match.Groups["value"].Value) : null;
    }

    public bool Matches(EventNotification notification) =>
        Has(notification.Source) || Has(notification.Key) || Has(notification.Data);

    private bool Has(IReadOnlyDictionary<string, string> items) => items.TryGetValue(name, out var actual) && actual == value;

    [GeneratedRegex("""^\s*boolean\(\s*//SimpleItem\[\s*@Name\s*=\s*["'](?<name>[^"']+)["']\s+and\s+@Value\s*=\s*["'](?<value>[^"']*)["']\s*\]\s*\)\s*$""")]
    private static partial Regex SimpleItem();
}
