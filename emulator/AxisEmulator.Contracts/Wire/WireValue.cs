using System.Text.Json;
using System.Text.Json.Serialization;

namespace AxisEmulator.Contracts;

/// <summary>
/// A value the control API writes as a kebab-case string (<c>network-up</c>, <c>no-power</c>). It keeps
/// the text instead of a closed enum, so a client older than the emulator — which may send a phase or
/// a color the client has never heard of — still reads fine; the emulator itself accepts only its
/// <see cref="Known"/> values in a request. Each type has its known values as static members and
/// converts implicitly from a string: <c>state.Phase == DevicePhase.Ready</c> and
/// <c>state.Phase == "ready"</c> both work; comparisons ignore case.
/// </summary>
public interface IWireValue<TSelf>
    where TSelf : struct, IWireValue<TSelf>
{
    /// <summary>The wire text, e.g. <c>network-up</c>.</summary>
    string Value { get; }

    /// <summary>Every value the emulator writes and accepts, in its order.</summary>
    static abstract IReadOnlyList<TSelf> Known { get; }

    /// <summary>The value for a wire text.</summary>
    static abstract TSelf FromWire(string value);
}

/// <summary>Reads and writes an <see cref="IWireValue{TSelf}"/> as its JSON string.</summary>
public sealed class WireValueConverter<T> : JsonConverter<T>
    where T : struct, IWireValue<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? T.FromWire(reader.GetString()!)
            : throw new JsonException($"Expected a string for {typeof(T).Name}, found {reader.TokenType}.");

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }

    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        T.FromWire(reader.GetString()!);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value.Value);
    }
}

internal static class WireText
{
    public static bool Equal(string? a, string? b) => string.Equals(a ?? "", b ?? "", StringComparison.OrdinalIgnoreCase);

    public static int Hash(string? value) => StringComparer.OrdinalIgnoreCase.GetHashCode(value ?? "");

    public static string Check(string value, string what)
    {
        ArgumentNullException.ThrowIfNull(value, what);
        return value;
    }
}
