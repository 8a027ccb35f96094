using System.Net;
using AxisEmulator.Core.Profiles;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AxisEmulator.Control.Api;

/// <summary>
/// Who may use <c>/api/*</c>: with a bearer token configured, whoever presents it (401 otherwise);
/// without one, loopback clients only (403 otherwise), since the control plane listens on loopback
/// by default (DESIGN.md §7).
/// </summary>
public sealed class ControlAccessFilter(ControlOptions options) : IEndpointFilter
{
    private readonly byte[]? _token = string.IsNullOrEmpty(options.BearerToken) ? null : Security.BearerTokens.Digest(options.BearerToken);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (options.TokenEnforced)
        {
            if (!TryReadBearer(http.Request, out var presented))
            {
                http.Response.Headers.WWWAuthenticate = "Bearer";
                return Problems.Unauthorized("This control plane requires 'Authorization: Bearer <token>' on every /api request.");
            }

            if (_token is null || !Security.BearerTokens.Matches(presented, _token))
            {
                http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
                return Problems.Unauthorized("The bearer token is not the one this control plane was started with.");
            }
        }
        else if (http.Connection.RemoteIpAddress is { } remote && !IPAddress.IsLoopback(remote))
        {
            return Problems.Forbidden($"The control API answers loopback clients only ({remote} is not); configure a bearer token to open it to the network.");
        }

        return await next(context);
    }

    private static bool TryReadBearer(HttpRequest request, out string token)
    {
        token = "";
        var header = request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        token = header[Scheme.Length..].Trim();
        return token.Length > 0;
    }
}

/// <summary>
/// The last resort: anything a handler throws becomes a problem (never a bare 500 page). Exceptions
/// whose message is written for people — Core's argument checks, an unknown profile — keep their
/// meaning (400, 404, 409); the rest are a 500 problem naming the error.
/// </summary>
public sealed class UnexpectedErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context);
        }
        catch (OperationCanceledException) when (context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            return Results.Empty;
        }
        catch (Exception ex) when (!context.HttpContext.Response.HasStarted)
        {
            var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("AxisEmulator.Control");
            var problem = ToProblem(ex);
            if (problem.StatusCode >= StatusCodes.Status500InternalServerError)
            {
                logger.LogError(ex, "{Method} {Path} failed", context.HttpContext.Request.Method, context.HttpContext.Request.Path);
            }

            return problem;
        }
    }

    internal static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult ToProblem(Exception ex) => ex switch
    {
        BadHttpRequestException bad => bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? Problems.PayloadTooLarge(bad.Message) : Problems.BadRequest(bad.Message),
        UnknownProfileException unknown => Problems.UnknownId("profile", unknown.ProfileId, unknown.KnownIds),
        ArgumentException => Problems.BadRequest(ex.Message),
        InvalidDataException => Problems.Conflict(ex.Message),
        ObjectDisposedException => Problems.Unavailable("The emulator is shutting down."),
        InvalidOperationException => Problems.Conflict(ex.Message),
        _ => Problems.Internal($"Unexpected {ex.GetType().Name}: {ex.Message}"),
    };
}
