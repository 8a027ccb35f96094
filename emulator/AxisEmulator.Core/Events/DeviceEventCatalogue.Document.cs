using System.Text;
using System.Text.Json;

namespace AxisEmulator.Core.Events;

public static partial class DeviceEventCatalogue
{
    /// <summary><c>docs/events.md</c>: every event by kind, when it happens, its data and an example.</summary>
    public static string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append("""
            # Device events

            <!-- Generated from emulator/AxisEmulator.Core/Events/DeviceEventCatalogue*.cs; do not edit.
                 Regenerate: UPDATE_DOCS=1 dotnet test tests/AxisEmulator.Core.Tests --filter DeviceEventCatalogueTests -->

            Everything that happens to a device is an entry in its timeline: `kind`, `event` (the name
            below), `message` (for a person) and `data` (the figures; a field left out has no value). The
            entries are what `GET /api/v1/devices/{id}/timeline` and `/requests` answer, what the event
            stream `GET /api/v1/events` sends (its SSE `event:` is the kind), what the dashboard draws
            and what a scenario's `expect` step matches (`kind`, `event`, `data`, `message`). In C# each
            is a record in `AxisEmulator.Core.Events` (the second column); consumers switch on the type.

            """);
        foreach (var group in All.GroupBy(s => s.Kind).OrderBy(g => g.Key))
        {
            text.Append("\n## ").Append(Lower(group.Key)).Append("\n\n| Event | Record | When |\n|---|---|---|\n");
            foreach (var spec in group)
            {
                text.Append("| `").Append(spec.Name).Append("` | `").Append(spec.Type.Name).Append("` | ").Append(spec.When).Append(" |\n");
            }

            foreach (var spec in group)
            {
                text.Append("\n### `").Append(spec.Name).Append("` (").Append(spec.Type.Name).Append(")\n\n");
                if (spec.Fields.Count > 0)
                {
                    text.Append("| Data field | Meaning |\n|---|---|\n");
                    foreach (var field in spec.Fields)
                    {
                        text.Append("| `").Append(field.Name).Append("` | ").Append(field.Meaning).Append(" |\n");
                    }

                    text.Append('\n');
                }

                text.Append("Example: `").Append(spec.MessageOf(spec.Example)).Append('`');
                if (spec.DataOf(spec.Example) is { } data)
                {
                    text.Append(", data `").Append(JsonSerializer.Serialize(data)).Append('`');
                }

                text.Append('\n');
            }
        }

        return text.ToString();
    }
}
