using System.Text;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;
using AxisEmulator.Vapix.Auth;
using AxisEmulator.Vapix.Forms;
using Microsoft.AspNetCore.Http;

namespace AxisEmulator.Vapix.Server;

/// <summary>Thrown when a request body exceeds <see cref="VapixServerOptions.MaxBodyBytes"/> (answered with a 413).</summary>
internal sealed class BodyTooLargeException : Exception
{
    public BodyTooLargeException()
        : base("request body too large")
    {
    }

    public BodyTooLargeException(string message)
        : base(message)
    {
    }

    public BodyTooLargeException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>One request on its way through the server: the HTTP context, the device and what is known so far.</summary>
internal sealed class VapixExchange
{
    /// <summary>Marks (in <c>HttpContext.Items</c>) that a handler started reading the body.</summary>
    public const string BodyReadKey = "vapix.body-read";

    private string? _body;

    public VapixExchange(HttpContext http, VapixDevice device, DeviceView view, RequestTarget target)
    {
        Http = http;
        Device = device;
        View = view;
        Target = target;
    }

    public HttpContext Http { get; }

    public VapixDevice Device { get; }

    public Device Camera => Device.Camera;

    /// <summary>The device as seen when the request arrived.</summary>
    public DeviceView View { get; set; }

    public RequestTarget Target { get; }

    public string Method => Http.Request.Method;

    public bool IsPost => HttpMethods.IsPost(Method);

    public CancellationToken Aborted => Http.RequestAborted;

    /// <summary>The authenticated account (null: anonymous or not checked yet).</summary>
    public UserAccount? User { get; private set; }

    /// <summary>The account named by valid credentials that lacked the role (for the journal).</summary>
    public string? RefusedUser { get; private set; }

    /// <summary>Why the credentials were refused (for the journal); None when they were not.</summary>
    public RequestRefusal Refusal { get; private set; }

    public VapixServerOptions Options => Device.Services.Options;

    /// <summary>What the journal calls the request instead of its path (an ONVIF operation: <c>onvif:SystemReboot</c>).</summary>
    public string? JournalName { get; set; }

    /// <summary>An account proved by other means than HTTP authentication (a WS-Security UsernameToken).</summary>
    public void SignedInAs(UserAccount user) => User = user;

    /// <summary>The body as text (UTF-8), read once, at most <see cref="VapixServerOptions.MaxBodyBytes"/>.</summary>
    public async Task<string> BodyAsync()
    {
        if (_body is not null)
        {
            return _body;
        }

        Http.Items[BodyReadKey] = true;
        var limit = Options.MaxBodyBytes;
        if (Http.Request.ContentLength > limit)
        {
            throw new BodyTooLargeException();
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await Http.Request.Body.ReadAsync(chunk, Aborted)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new BodyTooLargeException();
            }

            buffer.Write(chunk, 0, read);
        }

        _body = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        return _body;
    }

    /// <summary>Query and body arguments, as a legacy CGI reads them (whatever the Content-Type).</summary>
    public ValueTask<FormFields> FormAsync() => IsPost || Http.Request.ContentLength > 0
        ? new ValueTask<FormFields>(FormWithBodyAsync())
        : ValueTask.FromResult(FormFields.Parse(Target.Query)); // a GET: no task to allocate

    private async Task<FormFields> FormWithBodyAsync() => FormFields.Parse(Target.Query, await BodyAsync());

    /// <summary>
    /// Checks the credentials against <paramref name="required"/>: null when the caller may proceed,
    /// else the refusal (401 with a fresh challenge, or Apache's 400 for a Digest uri that is not the target).
    /// </summary>
    /// <param name="json">Whether the CGI is a JSON one (its 401 is an empty JSON answer, as captured on 12.11).</param>
    public Reply? Authorize(AccessLevel required, bool json)
    {
        if (required == AccessLevel.Anonymous)
        {
            return null;
        }

        var request = new AuthRequest(
            Method,
            Target.Raw,
            Http.Request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null,
            IsHttps: Http.Request.IsHttps,
            UserAgent: Http.Request.Headers.UserAgent.ToString(),
            Path: Target.Path);
        var result = Device.Authenticator().Authenticate(request, View.Users, View.Policy, required);
        switch (result.Outcome)
        {
            case AuthOutcome.Authenticated:
                User = result.User;
                return null;
            case AuthOutcome.BadRequest:
                Refusal = result.Refusal;
                return ApachePages.BadRequest();
            default:
                Refusal = result.Refusal;
                RefusedUser = result.User?.Name;
                var refusal = json ? Reply.Text(401, VapixContentTypes.Json, "") : ApachePages.Unauthorized();
                return refusal.WithHeader("WWW-Authenticate", result.Challenge!);
        }
    }
}
