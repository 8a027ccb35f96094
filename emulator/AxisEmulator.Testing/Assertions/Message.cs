namespace AxisEmulator.Testing;

internal static class Message
{
    /// <summary>Text embedded in a FluentAssertions message template: braces doubled so they are not read as placeholders.</summary>
    public static string Escape(string? text) => (text ?? "").Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);
}
