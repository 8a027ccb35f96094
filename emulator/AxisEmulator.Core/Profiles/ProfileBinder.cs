using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace AxisEmulator.Core.Profiles;

/// <summary>
/// Binds a merged, schema-checked profile (JSON) to <see cref="HardwareProfile"/> with System.Text.Json:
/// camelCase keys, kebab-case enums (<c>mini-dome</c>), record defaults for what the file leaves out.
/// The schema, not C#'s <c>required</c>, decides what a profile must set; a key the records lack
/// fails the binding, so the schema and the records cannot drift apart unnoticed.
/// </summary>
internal static class ProfileBinder
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { SchemaDecidesWhatIsRequired } },
    };

    /// <param name="merged">The merged profile; binding takes <c>extends</c> and <c>estimates</c> out of it.</param>
    public static HardwareProfile Bind(string id, string sourceFile, JsonNode merged, IReadOnlyList<string> estimates)
    {
        var json = merged.AsObject();
        json.Remove("extends");
        json.Remove("estimates");
        HardwareDefaults.Complete(json);
        var profile = json.Deserialize<HardwareProfile>(Options)
            ?? throw new InvalidOperationException($"profile {id} bound to nothing");
        return profile with
        {
            Id = id,
            SourceFile = sourceFile,
            Estimates = estimates,
            Firmware = profile.Firmware with { Personality = FirmwareVersion.PersonalityOf(profile.Firmware.Version) },
            Identity = profile.Identity with { SerialOui = profile.Identity.SerialOui.ToUpperInvariant() },
        };
    }

    private static void SchemaDecidesWhatIsRequired(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            property.IsRequired = false;
        }
    }
}
