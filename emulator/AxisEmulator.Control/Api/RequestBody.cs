using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AxisEmulator.Control.Api;

/// <summary>
/// Reads a JSON request body into <typeparamref name="T"/> and turns every way it can be wrong —
/// empty, too large, not JSON, wrong type at a path, an unknown enum value, an unknown property —
/// into a 400 problem whose detail names the JSON path and what was expected.
/// </summary>
public static class RequestBody
{
    /// <summary>Largest body the control plane reads; its requests are a few hundred bytes.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>
    /// Reads the body. The endpoints declare <c>application/json</c> (routing answers 415 to another
    /// content type); a request without a content type is read as JSON.
    /// </summary>
    public static async Task<BodyResult<T>> ReadAsync<T>(HttpRequest request, string example)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBytes)
        {
            return new(null, Problems.PayloadTooLarge(Invariant($"The request body is {request.ContentLength} bytes; the control API reads at most {MaxBytes}.")));
        }

        byte[] bytes;
        using (var buffer = new MemoryStream())
        {
            var chunk = new byte[8192];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > MaxBytes)
                {
                    return new(null, Problems.PayloadTooLarge(Invariant($"The request body is longer than the {MaxBytes} bytes the control API reads.")));
                }
            }

            bytes = buffer.ToArray();
        }

        return Parse<T>(bytes, example);
    }

    /// <summary>Parses <paramref name="utf8"/> as <typeparamref name="T"/> (see <see cref="ReadAsync{T}"/>).</summary>
    public static BodyResult<T> Parse<T>(ReadOnlySpan<byte> utf8, string example)
        where T : class
    {
        if (IsBlank(utf8))
        {
            return new(null, Problems.BadRequest($"The request needs a JSON body, e.g. {example}"));
        }

        // Syntax first, so that "not JSON at all" and "JSON of the wrong shape" read differently.
        try
        {
            using var document = JsonDocument.Parse(utf8.ToArray(), new JsonDocumentOptions { MaxDepth = 32 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new(null, Problems.BadRequest($"The request body must be a JSON object, e.g. {example}"));
            }
        }
        catch (JsonException ex)
        {
            return new(null, Problems.BadRequest(Invariant($"The request body is not valid JSON: {WithoutPosition(ex.Message)} (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).")));
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(utf8, ControlJson.RequestOptions);
            return value is null
                ? new(null, Problems.BadRequest($"The request body must be a JSON object, e.g. {example}"))
                : new(value, null);
        }
        catch (JsonException ex)
        {
            return new(null, Problems.BadRequest(Explain(ex, typeof(T))));
        }
    }

    /// <summary>A sentence for a deserialisation error: where, and what was expected there.</summary>
    internal static string Explain(JsonException exception, Type root)
    {
        var path = string.IsNullOrEmpty(exception.Path) ? "$" : exception.Path;
        var segments = Segments(path);
        var type = root;
        var walked = "$";
        foreach (var segment in segments)
        {
            var info = ControlJson.RequestOptions.GetTypeInfo(Unwrap(type));
            if (info.Kind == JsonTypeInfoKind.Object)
            {
                var property = info.Properties.FirstOrDefault(p => string.Equals(p.Name, segment, StringComparison.OrdinalIgnoreCase));
                if (property is null)
                {
                    return $"{walked} has an unknown property '{segment}'; allowed: {string.Join(", ", info.Properties.Select(p => p.Name))}.";
                }

                type = property.PropertyType;
            }
            else if (info.Kind == JsonTypeInfoKind.Enumerable && info.ElementType is not null)
            {
                type = info.ElementType;
            }
            else
            {
                break;
            }

            walked = segment.All(char.IsAsciiDigit) ? $"{walked}[{segment}]" : $"{walked}.{segment}";
        }

        if (path == "$")
        {
            return "The request body must be a JSON object.";
        }

        return $"{path} must be {Expected(type)}.";
    }

    /// <summary>What a value of <paramref name="type"/> looks like on the wire.</summary>
    internal static string Expected(Type type)
    {
        type = Unwrap(type);
        if (type.IsEnum || WireType.Is(type))
        {
            return "one of: " + string.Join(", ", ControlJson.Names(type));
        }

        if (type == typeof(bool))
        {
            return "true or false";
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(short))
        {
            return "a whole number";
        }

        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
        {
            return "a number";
        }

        if (type == typeof(string))
        {
            return "a string";
        }

        var info = ControlJson.RequestOptions.GetTypeInfo(type);
        return info.Kind switch
        {
            JsonTypeInfoKind.Object => "an object with " + string.Join(", ", info.Properties.Select(p => p.Name)),
            JsonTypeInfoKind.Enumerable => "an array",
            JsonTypeInfoKind.Dictionary => "an object",
            _ => "a " + type.Name,
        };
    }

    private static Type Unwrap(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    /// <summary><c>$.power.source['kind']</c> or <c>$.items[0].x</c> → power, source, kind / items, 0, x.</summary>
    private static List<string> Segments(string path)
    {
        var segments = new List<string>();
        var i = path.StartsWith('$') ? 1 : 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = i + 1;
                while (end < path.Length && path[end] is not ('.' or '['))
                {
                    end++;
                }

                segments.Add(path[(i + 1)..end]);
                i = end;
            }
            else if (path[i] == '[')
            {
                var close = path.IndexOf(']', i);
                if (close < 0)
                {
                    break;
                }

                segments.Add(path[(i + 1)..close].Trim('\''));
                i = close + 1;
            }
            else
            {
                i++;
            }
        }

        return segments;
    }

    private static bool IsBlank(ReadOnlySpan<byte> utf8)
    {
        foreach (var b in utf8)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }

    private static string WithoutPosition(string message)
    {
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = at < 0 ? message : message[..at];
        var path = text.IndexOf(" Path:", StringComparison.Ordinal);
        text = path < 0 ? text : text[..path];
        return text.TrimEnd(' ', '.', '|');
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A parsed body, or the problem to answer instead.</summary>
public sealed record BodyResult<T>(T? Value, ProblemHttpResult? Problem)
    where T : class;
