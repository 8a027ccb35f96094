using System.Net;
using System.Text;
using System.Text.Json;

namespace AxisEmulator.Client;

/// <summary>
/// The control API answered with an error: a problem-details document (RFC 7807) whose
/// <see cref="Title"/>, <see cref="Detail"/> and <see cref="Status"/> say what was wrong, and for a
/// 400 the field <see cref="Errors"/> by JSON path (<c>$.source.pseClass</c>).
/// </summary>
public sealed class AxisEmulatorApiException : Exception
{
    public AxisEmulatorApiException()
        : this("The control API answered with an error.")
    {
    }

    public AxisEmulatorApiException(string message)
        : base(message)
    {
        Title = "";
        Errors = EmptyErrors;
        KnownIds = [];
        Method = "";
        Path = "";
    }

    public AxisEmulatorApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Title = "";
        Errors = EmptyErrors;
        KnownIds = [];
        Method = "";
        Path = "";
    }

    private AxisEmulatorApiException(string message, HttpStatusCode status, string title, string? detail, IReadOnlyDictionary<string, string[]> errors, IReadOnlyList<string> knownIds, string method, string path, string? body)
        : base(message)
    {
        Status = status;
        Title = title;
        Detail = detail;
        Errors = errors;
        KnownIds = knownIds;
        Method = method;
        Path = path;
        Body = body;
    }

    private static IReadOnlyDictionary<string, string[]> EmptyErrors { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal);

    /// <summary>The HTTP status (the problem's <c>status</c> when it has one).</summary>
    public HttpStatusCode Status { get; }

    /// <summary>The problem's <c>title</c> (<c>Invalid request</c>, <c>Not found</c>, <c>Conflict</c>…), or the HTTP reason phrase.</summary>
    public string Title { get; }

    /// <summary>The problem's <c>detail</c>: what exactly was wrong, written for a person.</summary>
    public string? Detail { get; }

    /// <summary>Field errors of a 400 by JSON path; empty otherwise.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>For a 404 of an unknown device or profile, the ids there are.</summary>
    public IReadOnlyList<string> KnownIds { get; }

    /// <summary>The request that failed: <c>PUT</c>, <c>/api/v1/devices/cam-1/power</c>.</summary>
    public string Method { get; }

    public string Path { get; }

    /// <summary>The raw answer body (cut at 4 KB), for answers that were not problem details.</summary>
    public string? Body { get; }

    /// <summary>Reads a failed answer into an exception (a problem-details body, or whatever came back).</summary>
    public static AxisEmulatorApiException FromResponse(HttpStatusCode status, string? reasonPhrase, string method, string path, string? body)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        var title = string.IsNullOrWhiteSpace(reasonPhrase) ? status.ToString() : reasonPhrase;
        string? detail = null;
        var errors = EmptyErrors;
        IReadOnlyList<string> knownIds = [];
        var isProblem = false;
        if (!string.IsNullOrWhiteSpace(body))
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object)
                {
                    if (root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String)
                    {
                        title = t.GetString()!;
                        isProblem = true;
                    }

                    if (root.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String)
                    {
                        detail = d.GetString();
                        isProblem = true;
                    }

                    if (root.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out var code))
                    {
                        status = (HttpStatusCode)code;
                    }

                    if (root.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object)
                    {
                        errors = ReadErrors(e);
                    }

                    if (root.TryGetProperty("knownIds", out var k) && k.ValueKind == JsonValueKind.Array)
                    {
                        knownIds = [.. k.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.String).Select(i => i.GetString()!)];
                    }
                }
            }
            catch (JsonException)
            {
                // Not JSON (a proxy's HTML page, say): the raw body goes into the message below.
            }
        }

        var message = new StringBuilder();
        message.Append(method).Append(' ').Append(path).Append(" failed: ").Append((int)status).Append(' ').Append(title);
        if (detail is not null)
        {
            message.Append(": ").Append(detail);
        }
        else if (!isProblem && !string.IsNullOrWhiteSpace(body))
        {
            message.Append(": ").Append(Shorten(body.Trim(), 300));
        }

        return new AxisEmulatorApiException(message.ToString(), status, title, detail, errors, knownIds, method, path, body is null ? null : Shorten(body, 4096));
    }

    private static Dictionary<string, string[]> ReadErrors(JsonElement errors)
    {
        var result = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var field in errors.EnumerateObject())
        {
            result[field.Name] = field.Value.ValueKind switch
            {
                JsonValueKind.Array => [.. field.Value.EnumerateArray().Select(m => m.ValueKind == JsonValueKind.String ? m.GetString()! : m.GetRawText())],
                JsonValueKind.String => [field.Value.GetString()!],
                _ => [field.Value.GetRawText()],
            };
        }

        return result;
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "…");
}

/// <summary>
/// A device did not reach a condition within the simulated time allowed. The message says what was
/// awaited and how the device looked at the end; <see cref="LastState"/> has that state.
/// </summary>
public sealed class AxisEmulatorTimeoutException : TimeoutException
{
    public AxisEmulatorTimeoutException()
    {
    }

    public AxisEmulatorTimeoutException(string message)
        : base(message)
    {
    }

    public AxisEmulatorTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AxisEmulatorTimeoutException(string message, DeviceState? lastState, TimeSpan within, TimeSpan waited)
        : base(message)
    {
        LastState = lastState;
        Within = within;
        Waited = waited;
    }

    /// <summary>The device as it was when the wait gave up.</summary>
    public DeviceState? LastState { get; }

    /// <summary>The simulated time allowed.</summary>
    public TimeSpan Within { get; }

    /// <summary>The simulated time that actually passed.</summary>
    public TimeSpan Waited { get; }
}
