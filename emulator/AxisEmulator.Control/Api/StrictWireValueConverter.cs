using System.Text.Json;
using System.Text.Json.Serialization;
using AxisEmulator.Contracts;

namespace AxisEmulator.Control.Api;

/// <summary>
/// The server's reading of a wire value: only one of the type's known values (case-insensitive, as
/// the enums it replaces were), else a <see cref="JsonException"/> that the request reader turns into
/// "must be one of: …". Clients stay lenient; the emulator says exactly what it accepts.
/// </summary>
public sealed class StrictWireValueConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => WireType.Is(typeToConvert);

    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter?)Activator.CreateInstance(typeof(Strict<>).MakeGenericType(typeToConvert));

    private sealed class Strict<T> : JsonConverter<T>
        where T : struct, IWireValue<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String && reader.GetString() is { } text)
            {
                foreach (var known in T.Known)
                {
                    if (string.Equals(known.Value, text, StringComparison.OrdinalIgnoreCase))
                    {
                        return known;
                    }
                }
            }

            throw new JsonException();
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteStringValue(value.Value);
        }
    }
}

/// <summary>Which types are wire values, and what they may be.</summary>
public static class WireType
{
    /// <summary>True for a type that implements <see cref="IWireValue{TSelf}"/> of itself.</summary>
    public static bool Is(Type type) =>
        type.IsValueType && type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IWireValue<>) && i.GenericTypeArguments[0] == type);

    /// <summary>The wire texts of a wire value type's known values, in order.</summary>
    public static IReadOnlyList<string> Names(Type type) =>
        [.. ((System.Collections.IEnumerable)type.GetProperty("Known")!.GetValue(null)!).Cast<object>().Select(v => v.ToString() ?? "")];
}
