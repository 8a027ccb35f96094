using AxisEmulator.Vapix.Auth;
using AxisEmulator.Vapix.Server;

namespace AxisEmulator.Vapix.EventService;

/// <summary>
/// <c>/vapix/services</c>, the Axis web services endpoint (SOAP 1.2), as far as the event service's
/// <c>GetEventInstances</c> goes; any other operation is a SOAP fault. Faults go out as HTTP 400
/// (SOAP 1.2 binding for sender faults; the emulator never answers 500).
/// </summary>
internal static class EventServiceCgi
{
    public const string Path = "/vapix/services";

    public static async Task<Reply> HandleAsync(VapixExchange exchange)
    {
        var body = await exchange.BodyAsync();
        if (exchange.Authorize(AccessLevel.Viewer, json: false) is { } refusal)
        {
            return refusal;
        }

        if (SoapEnvelopes.TryLoad(body)?.Root is not { } envelope)
        {
            return Fault("Sender", null, "The request is not well-formed XML.");
        }

        if (envelope.Name != SoapEnvelopes.Env + "Envelope")
        {
            return Fault("VersionMismatch", null, "Expected a SOAP 1.2 envelope.");
        }

        var operation = envelope.Element(SoapEnvelopes.Env + "Body")?.Elements().FirstOrDefault();
        if (operation?.Name == SoapEnvelopes.Aev + "GetEventInstances")
        {
            var topics = EventDeclarations.For(exchange.Camera.Profile);
            return Reply.Text(200, SoapEnvelopes.ContentType, SoapEnvelopes.GetEventInstancesResponse(topics));
        }

        return Fault("Receiver", SoapEnvelopes.Ter + "ActionNotSupported", $"The action {operation?.Name.LocalName ?? "(none)"} is not supported by the device.");
    }

    private static Reply Fault(string code, System.Xml.Linq.XName? subcode, string reason) =>
        Reply.Text(400, SoapEnvelopes.ContentType, SoapEnvelopes.Fault(code, subcode, reason));
}
