using System.Runtime.CompilerServices;
using AxisEmulator.Vapix.Auth;
using AxisEmulator.Vapix.Server;

namespace AxisEmulator.Vapix.Onvif;

/// <summary>
/// The ONVIF endpoints (<c>/onvif/device_service</c>, <c>/onvif/services</c>): SOAP 1.2 (1.1 accepted)
/// over the VAPIX listener, so they follow the same boot phases. Login is a WS-Security UsernameToken
/// (a refused one is HTTP 400 <c>ter:NotAuthorized</c>) or, without one, the camera's HTTP Digest
/// challenge (401). Every answer is a SOAP body: the operation's or a fault; the journal names the operation.
/// </summary>
internal static class OnvifService
{
    private static readonly ConditionalWeakTable<VapixDevice, StrongBox<(string BootId, UsernameTokenGuard Guard)>> Guards = [];

    public static async Task<Reply> HandleAsync(VapixExchange exchange)
    {
        var (request, problem) = SoapRequest.Parse(await exchange.BodyAsync());
        if (request is null)
        {
            exchange.JournalName = "onvif:(malformed)";
            return SoapResponse.Fault(SoapNamespaces.Soap12, SoapFault.WellFormed(problem!));
        }

        var name = request.OperationName;
        exchange.JournalName = "onvif:" + (name.Length > 64 ? name[..64] : name);
        if (!OnvifOperations.TryGet(request.Operation.Name, out var operation))
        {
            return SoapResponse.Fault(request.Envelope, SoapFault.ActionNotSupported(name));
        }

        if (Authorize(exchange, request, operation.Needs) is { } refusal)
        {
            return refusal;
        }

        var call = new OnvifCall(exchange, request);
        try
        {
            var reply = SoapResponse.Ok(request.Envelope, operation.Answer(call));
            return call.After is { } after ? reply.Then(after) : reply;
        }
        catch (SoapFault fault)
        {
            return SoapResponse.Fault(request.Envelope, fault);
        }
    }

    private static Reply? Authorize(VapixExchange exchange, SoapRequest request, AccessLevel needs)
    {
        if (needs == AccessLevel.Anonymous)
        {
            return null;
        }

        if (request.Security is { } security)
        {
            var view = exchange.View;
            var replayProtection = !string.Equals(view.Tree["WebService.UsernameToken.ReplayAttackProtection"], "no", StringComparison.OrdinalIgnoreCase);
            var user = GuardOf(exchange.Device).Verify(security, view.Users, exchange.Camera.Identity.Realm, exchange.Camera.SystemTime.UtcNow, replayProtection);
            if (user is null || !user.Satisfies(needs))
            {
                return SoapResponse.Fault(request.Envelope, SoapFault.NotAuthorized());
            }

            exchange.SignedInAs(user);
            return null;
        }

        if (exchange.Authorize(needs, json: true) is not { } httpRefusal)
        {
            return null;
        }

        // The camera's own challenge, with a SOAP body rather than Apache's page.
        var fault = SoapResponse.Fault(request.Envelope, SoapFault.NotAuthorized(), httpRefusal.Status);
        foreach (var (header, value) in httpRefusal.Headers)
        {
            fault.WithHeader(header, value);
        }

        return fault;
    }

    /// <summary>The device's nonce memory for this boot (a reboot forgets the nonces seen).</summary>
    private static UsernameTokenGuard GuardOf(VapixDevice device)
    {
        var bootId = device.Camera.BootId ?? "";
        var box = Guards.GetValue(device, _ => new StrongBox<(string, UsernameTokenGuard)>((bootId, new UsernameTokenGuard())));
        lock (box)
        {
            if (box.Value.BootId != bootId)
            {
                box.Value = (bootId, new UsernameTokenGuard());
            }

            return box.Value.Guard;
        }
    }
}
