using System.Text.Json.Nodes;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Vapix.Auth;

namespace AxisEmulator.Vapix.Json;

/// <summary>
/// One JSON CGI call after the envelope checks: it knows the method, the version the device answers
/// with, and builds answers in the CGI's own layout. Envelope errors (invalid JSON, no method,
/// unsupported apiVersion) are decided here once for every CGI and exposed as <see cref="Rejection"/>.
/// </summary>
public sealed class JsonApiCall
{
    private readonly JsonApiSpec _spec;

    private JsonApiCall(JsonApiSpec spec, FirmwarePersonality personality, JsonApiRequest? request)
    {
        _spec = spec;
        Personality = personality;
        Request = request;
        AnswerVersion = spec.VersionFor(personality);
    }

    public FirmwarePersonality Personality { get; }

    /// <summary>Null when the body was not a JSON object.</summary>
    public JsonApiRequest? Request { get; }

    public string? Method => Request?.Method;

    /// <summary>The device's own version for the requested major; what every answer carries.</summary>
    public ApiVersion AnswerVersion { get; }

    /// <summary>The envelope error to send instead of dispatching; null when the call is well-formed.</summary>
    public VapixResponse? Rejection { get; private set; }

    /// <summary>Access the caller must have before the answer is built (check it before dispatching).</summary>
    public AccessLevel RequiredAccess => _spec.RequiredAccess(Method, Personality);

    public static JsonApiCall Parse(JsonApiSpec spec, FirmwarePersonality personality, string? body)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var request = JsonApiRequest.TryParse(body);
        var call = new JsonApiCall(spec, personality, request);
        if (EnvelopeError(spec, call.AnswerVersion, request) is { } error)
        {
            call.Rejection = call.Fail(error);
        }

        return call;
    }

    /// <summary>
    /// The answer, decided the same way for every JSON CGI around its own methods: the envelope's
    /// <see cref="Rejection"/>, then <c>getSupportedVersions</c>, then <paramref name="methods"/>, and
    /// "unknown method" where that returns null.
    /// </summary>
    public VapixResponse Dispatch(Func<string, VapixResponse?> methods)
    {
        ArgumentNullException.ThrowIfNull(methods);
        if (Rejection is { } rejection)
        {
            return rejection;
        }

        // The envelope checks rejected a call without a method.
        var method = Method!;
        return method == JsonApiSpec.GetSupportedVersions ? SupportedVersions() : methods(method) ?? UnknownMethod();
    }

    public VapixResponse Success(JsonNode data) => Answer("data", data, includeApiVersion: true);

    public VapixResponse Fail(JsonError error) =>
        Answer("error", new JsonObject { ["code"] = error.Code, ["message"] = error.Message }, includeApiVersion: true);

    public VapixResponse UnknownMethod() => Fail(_spec.Errors.UnknownMethodError(Method ?? ""));

    /// <summary>
    /// <c>getSupportedVersions</c>: takes no apiVersion and answers without one
    /// (<c>{"method": "getSupportedVersions", "data": {"apiVersions": ["1.1"]}}</c>, every capture).
    /// </summary>
    public VapixResponse SupportedVersions() =>
        Answer("data", new JsonObject { ["apiVersions"] = new JsonArray(AnswerVersion.ToString()) }, includeApiVersion: false);

    private static JsonError? EnvelopeError(JsonApiSpec spec, ApiVersion deviceVersion, JsonApiRequest? request)
    {
        if (request is null)
        {
            return spec.Errors.InvalidJsonError();
        }

        if (request.Method is null)
        {
            return spec.Errors.MissingParameterError("method");
        }

        if (request.Method == JsonApiSpec.GetSupportedVersions)
        {
            return null;
        }

        if (request.ApiVersion is null)
        {
            return spec.Errors.MissingParameterError("apiVersion");
        }

        return ApiVersion.TryParse(request.ApiVersion, out var requested) && deviceVersion.CanServe(requested)
            ? null
            : spec.Errors.UnsupportedVersionError(request.ApiVersion);
    }

    private VapixResponse Answer(string payloadKey, JsonNode payload, bool includeApiVersion)
    {
        var envelope = new JsonObject();
        var method = Method;
        if (_spec.MethodEcho == MethodEcho.First && method is not null)
        {
            envelope["method"] = method;
        }

        if (includeApiVersion)
        {
            envelope["apiVersion"] = AnswerVersion.ToString();
        }

        if (Request is { HasContext: true } request)
        {
            envelope["context"] = request.Context?.DeepClone();
        }

        if (_spec.MethodEcho == MethodEcho.AfterContext && method is not null)
        {
            envelope["method"] = method;
        }

        envelope[payloadKey] = payload;
        var body = AxisJsonWriter.Write(envelope, _spec.Layout) + (_spec.TrailingNewline ? "\n" : "");
        return VapixResponse.Ok(VapixContentTypes.Json, body);
    }
}
