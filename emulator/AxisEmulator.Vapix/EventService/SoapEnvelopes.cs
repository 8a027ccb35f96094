using System.Xml;
using System.Xml.Linq;

namespace AxisEmulator.Vapix.EventService;

/// <summary>SOAP 1.2 envelopes of the Axis web services: the answer with its topic set, and faults.</summary>
internal static class SoapEnvelopes
{
    public const string ContentType = "application/soap+xml; charset=utf-8";

    public static readonly XNamespace Env = "http://www.w3.org/2003/05/soap-envelope";
    public static readonly XNamespace Aev = "http://www.axis.com/vapix/ws/event1";
    public static readonly XNamespace Wstop = "http://docs.oasis-open.org/wsn/t-1";
    public static readonly XNamespace Tns1 = "http://www.onvif.org/ver10/topics";
    public static readonly XNamespace TnsAxis = "http://www.axis.com/2009/event/topics";
    public static readonly XNamespace Ter = "http://www.onvif.org/ver10/error";
    private static readonly XNamespace Tt = "http://www.onvif.org/ver10/schema";
    private static readonly XNamespace Xsd = "http://www.w3.org/2001/XMLSchema";

    /// <summary>Reads a request: DTDs refused, size already bounded by the server; null when it is not well-formed XML.</summary>
    public static XDocument? TryLoad(string body)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(new StringReader(body), settings);
            return XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    public static string GetEventInstancesResponse(IEnumerable<EventTopic> topics)
    {
        var topicSet = new XElement(Wstop + "TopicSet");
        foreach (var topic in topics)
        {
            var parent = topicSet;
            var steps = topic.Path.Split('/');
            for (var i = 0; i < steps.Length - 1; i++)
            {
                parent = Child(parent, Name(steps[i]), string.Join('/', steps[..(i + 1)]));
            }

            parent.Add(TopicElement(Name(steps[^1]), topic));
        }

        return Envelope(new XElement(Aev + "GetEventInstancesResponse", topicSet));
    }

    /// <summary>A fault: <paramref name="code"/> is <c>Sender</c>, <c>Receiver</c> or <c>VersionMismatch</c>.</summary>
    public static string Fault(string code, XName? subcode, string reason)
    {
        var codeElement = new XElement(Env + "Code", new XElement(Env + "Value", "env:" + code));
        if (subcode is not null)
        {
            codeElement.Add(new XElement(Env + "Subcode", new XElement(Env + "Value", "ter:" + subcode.LocalName)));
        }

        return Envelope(new XElement(
            Env + "Fault",
            codeElement,
            new XElement(Env + "Reason", new XElement(Env + "Text", new XAttribute(XNamespace.Xml + "lang", "en"), reason))));
    }

    private static string Envelope(XElement content)
    {
        var envelope = new XElement(
            Env + "Envelope",
            new XAttribute(XNamespace.Xmlns + "env", Env),
            new XAttribute(XNamespace.Xmlns + "xsd", Xsd),
            new XAttribute(XNamespace.Xmlns + "tt", Tt),
            new XAttribute(XNamespace.Xmlns + "wstop", Wstop),
            new XAttribute(XNamespace.Xmlns + "aev", Aev),
            new XAttribute(XNamespace.Xmlns + "ter", Ter),
            new XAttribute(XNamespace.Xmlns + "tns1", Tns1),
            new XAttribute(XNamespace.Xmlns + "tnsaxis", TnsAxis),
            new XElement(Env + "Body", content));
        return new XDocument(new XDeclaration("1.0", "UTF-8", null), envelope).Declaration + "\n" + envelope.ToString(SaveOptions.DisableFormatting);
    }

    private static XElement Child(XElement parent, XName name, string groupPath)
    {
        var existing = parent.Element(name);
        if (existing is not null)
        {
            return existing;
        }

        var group = new XElement(name);
        if (EventDeclarations.GroupNames.TryGetValue(groupPath, out var nice))
        {
            group.Add(new XAttribute(Aev + "NiceName", nice));
        }

        parent.Add(group);
        return group;
    }

    private static XElement TopicElement(XName name, EventTopic topic)
    {
        var message = new XElement(Aev + "MessageInstance");
        if (topic.IsProperty)
        {
            message.Add(new XAttribute(Aev + "isProperty", "true"));
        }

        if (topic.Source.Count > 0)
        {
            message.Add(new XElement(Aev + "SourceInstance", topic.Source.Select(Item)));
        }

        if (topic.Data.Count > 0)
        {
            message.Add(new XElement(Aev + "DataInstance", topic.Data.Select(Item)));
        }

        return new XElement(
            name,
            new XAttribute(Wstop + "topic", "true"),
            topic.NiceName is null ? null : new XAttribute(Aev + "NiceName", topic.NiceName),
            message);
    }

    private static XElement Item(EventItem item) => new(
        Aev + "SimpleItemInstance",
        item.NiceName is null ? null : new XAttribute(Aev + "NiceName", item.NiceName),
        new XAttribute("Type", item.Type),
        new XAttribute("Name", item.Name),
        item.IsPropertyState ? new XAttribute("isPropertyState", "true") : null,
        item.Values?.Select(v => new XElement(Aev + "Value", v)));

    /// <summary><c>tns1:Device</c> → its namespace; an unprefixed step (<c>SystemReady</c>) has none, as on the device.</summary>
    private static XName Name(string step)
    {
        var colon = step.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return XName.Get(step);
        }

        var ns = step[..colon] switch
        {
            "tns1" => Tns1,
            "tnsaxis" => TnsAxis,
            var other => throw new ArgumentException($"unknown topic namespace prefix {other}", nameof(step)),
        };
        return ns + step[(colon + 1)..];
    }
}
