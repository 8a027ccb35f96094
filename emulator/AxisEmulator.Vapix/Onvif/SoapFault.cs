namespace AxisEmulator.Vapix.Onvif;

/// <summary>
/// An ONVIF fault (core spec, generic faults): the SOAP code (<c>Sender</c> or <c>Receiver</c>), the
/// ONVIF subcodes (<c>ter:…</c>) and the reason text. Thrown by operations, answered as a SOAP fault.
/// </summary>
internal sealed class SoapFault : Exception
{
    public SoapFault(bool sender, string reason, params string[] subcodes)
        : base(reason)
    {
        Sender = sender;
        Subcodes = subcodes;
    }

    public SoapFault()
        : this(true, "fault")
    {
    }

    public SoapFault(string message)
        : this(true, message)
    {
    }

    public SoapFault(string message, Exception inner)
        : base(message, inner)
    {
        Sender = true;
        Subcodes = [];
    }

    /// <summary>The client's fault (<c>env:Sender</c>); false: the device's (<c>env:Receiver</c>).</summary>
    public bool Sender { get; }

    /// <summary>ONVIF error subcodes, outermost first, without prefix (e.g. <c>InvalidArgVal</c>, <c>NoProfile</c>).</summary>
    public IReadOnlyList<string> Subcodes { get; }

    public static SoapFault WellFormed(string reason) => new(true, reason, "WellFormed");

    public static SoapFault NotAuthorized() => new(true, "Sender not Authorized", "NotAuthorized");

    public static SoapFault InvalidArgVal(string reason, string detail) => new(true, reason, "InvalidArgVal", detail);

    public static SoapFault InvalidArgs(string reason) => new(true, reason, "InvalidArgs");

    public static SoapFault ActionNotSupported(string operation) =>
        new(false, $"Optional Action Not Implemented: {operation}", "ActionNotSupported");
}
