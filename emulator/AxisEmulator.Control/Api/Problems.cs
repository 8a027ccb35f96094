using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace AxisEmulator.Control.Api;

/// <summary>RFC 7807 problem details for every answer that is not a success, each with a clear <c>detail</c>.</summary>
public static class Problems
{
    /// <summary>Most ids listed in a "not found" detail; the <c>knownIds</c> extension has them all.</summary>
    private const int IdsInDetail = 20;

    public static ProblemHttpResult BadRequest(string detail) =>
        Create(StatusCodes.Status400BadRequest, "Bad request", detail);

    /// <summary>A 400 with one or more field errors: <c>errors</c> maps a JSON path to its messages.</summary>
    public static ProblemHttpResult Invalid(ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return Create(
            StatusCodes.Status400BadRequest,
            "Invalid request",
            errors.Summary,
            new Dictionary<string, object?> { ["errors"] = errors.ToDictionary() });
    }

    public static ProblemHttpResult NotFound(string detail, IEnumerable<string>? knownIds = null)
    {
        var extensions = knownIds is null ? null : new Dictionary<string, object?> { ["knownIds"] = knownIds.ToArray() };
        return Create(StatusCodes.Status404NotFound, "Not found", detail, extensions);
    }

    /// <summary>"no device 'x'; known: a, b, …" with the ids in the <c>knownIds</c> extension.</summary>
    public static ProblemHttpResult UnknownId(string what, string id, IReadOnlyCollection<string> knownIds, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(knownIds);
        var known = knownIds.Count == 0
            ? "there are none"
            : "known: " + string.Join(", ", knownIds.Take(IdsInDetail)) + (knownIds.Count > IdsInDetail ? $", … ({knownIds.Count} in all)" : "");
        return NotFound($"No {what} '{id}'; {known}.{(hint is null ? "" : " " + hint)}", knownIds);
    }

    public static ProblemHttpResult Conflict(string detail) =>
        Create(StatusCodes.Status409Conflict, "Conflict", detail);

    public static ProblemHttpResult Unauthorized(string detail) =>
        Create(StatusCodes.Status401Unauthorized, "Unauthorized", detail);

    public static ProblemHttpResult Forbidden(string detail) =>
        Create(StatusCodes.Status403Forbidden, "Forbidden", detail);

    public static ProblemHttpResult PayloadTooLarge(string detail) =>
        Create(StatusCodes.Status413PayloadTooLarge, "Payload too large", detail);

    public static ProblemHttpResult Unavailable(string detail) =>
        Create(StatusCodes.Status503ServiceUnavailable, "Service unavailable", detail);

    public static ProblemHttpResult Internal(string detail) =>
        Create(StatusCodes.Status500InternalServerError, "Internal error", detail);

    /// <summary>
    /// A detail for problems the framework writes without one (an unknown route, a wrong method, a
    /// body that is not JSON), so that every error answer says what to do.
    /// </summary>
    public static string DefaultDetail(HttpContext context, int? status)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        return status switch
        {
            StatusCodes.Status404NotFound => $"Nothing answers {request.Method} {request.Path}. The control API lives under /api/v1; /api-reference lists every endpoint.",
            StatusCodes.Status405MethodNotAllowed => $"{request.Method} is not allowed on {request.Path}{(context.Response.Headers.Allow.Count > 0 ? $"; allowed: {context.Response.Headers.Allow}" : "")}.",
            StatusCodes.Status415UnsupportedMediaType => $"The request body must be JSON: send 'Content-Type: application/json' (got '{request.ContentType}').",
            StatusCodes.Status500InternalServerError => "The control plane failed unexpectedly; the server log has the details.",
            _ => ReasonPhrases.GetReasonPhrase(status ?? StatusCodes.Status500InternalServerError),
        };
    }

    private static ProblemHttpResult Create(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);
}

/// <summary>Field errors of a request, by JSON path (<c>$.power.source.pseClass</c>), in the order found.</summary>
public sealed class ValidationErrors
{
    private readonly List<(string Path, string Message)> _errors = [];

    public bool HasErrors => _errors.Count > 0;

    public int Count => _errors.Count;

    /// <summary>Every message, joined into one sentence list for the problem's <c>detail</c>.</summary>
    public string Summary => string.Join(" ", _errors.Select(e => e.Message));

    public ValidationErrors Add(string path, string message)
    {
        _errors.Add((path, message));
        return this;
    }

    public void AddRange(string path, IEnumerable<string> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            Add(path, message);
        }
    }

    public IDictionary<string, string[]> ToDictionary() =>
        _errors.GroupBy(e => e.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
}
