using System.Text.Json;
using System.Text.Json.Serialization;

namespace AxisEmulator.Control.Api;

/// <summary>
/// The control plane's JSON conventions (DESIGN.md §7): camelCase properties, enums as kebab-case
/// strings (<c>network-up</c>, <c>no-power</c>), nulls left out, numbers only as JSON numbers.
/// </summary>
public static class ControlJson
{
    /// <summary>How enum names are written: <c>NetworkUp</c> → <c>network-up</c>.</summary>
    public static JsonNamingPolicy EnumNaming { get; } = JsonNamingPolicy.KebabCaseLower;

    /// <summary>Options for writing responses and event-stream entries.</summary>
    public static JsonSerializerOptions Options { get; } = Create(strict: false);

    /// <summary>Options for reading request bodies: as <see cref="Options"/>, and unknown properties are errors.</summary>
    public static JsonSerializerOptions RequestOptions { get; } = Create(strict: true);

    /// <summary>Applies the conventions to <paramref name="options"/> (the host's HTTP JSON options).</summary>
    public static void Apply(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = true;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;

        // Numbers are numbers: "20" is not accepted for 20 (the web default would), and the OpenAPI
        // schemas say "integer"/"number" rather than "integer or numeric string".
        options.NumberHandling = JsonNumberHandling.Strict;
        if (!options.Converters.OfType<JsonStringEnumConverter>().Any())
        {
            options.Converters.Add(new JsonStringEnumConverter(EnumNaming, allowIntegerValues: false));
        }

        // The contracts' wire values: written as their text, read only when they are known values.
        if (!options.Converters.OfType<StrictWireValueConverter>().Any())
        {
            options.Converters.Add(new StrictWireValueConverter());
        }
    }

    /// <summary>The wire name of an enum value: <c>DevicePhase.NetworkUp</c> → <c>network-up</c>.</summary>
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => EnumNaming.ConvertName(value.ToString());

    /// <summary>Every wire name of an enum type (in declaration order) or of a wire value type (its known values).</summary>
    public static IReadOnlyList<string> Names(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return WireType.Is(type) ? WireType.Names(type) : [.. Enum.GetNames(type).Select(EnumNaming.ConvertName)];
    }

    private static JsonSerializerOptions Create(bool strict)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Apply(options);
        if (strict)
        {
            options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        }

        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
