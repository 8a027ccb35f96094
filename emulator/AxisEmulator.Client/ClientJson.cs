using System.Text.Json;
using System.Text.Json.Serialization;

namespace AxisEmulator.Client;

/// <summary>
/// The control API's JSON conventions as the client reads and writes them: camelCase, kebab-case
/// values (as <see cref="IWireValue{TSelf}"/> strings), nulls left out of requests, and unknown
/// properties in answers ignored (a newer emulator may add some).
/// </summary>
public static class ClientJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            PropertyNameCaseInsensitive = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
