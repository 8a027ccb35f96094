using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;

namespace AxisEmulator.Tests;

/// <summary>
/// A WS-Discovery Probe (or Resolve) as a small tool writes it with Python's socket module: SOAP 1.1,
/// its own prefixes, no Types; it prints every answer that arrives before its deadline (or after the
/// count it waits for) as JSON, which <see cref="Read"/> turns into <see cref="DiscoveryAnswer"/>s.
/// </summary>
public static class WsDiscoveryProbe
{
    private const string Script = """
        import json, socket, sys, time, uuid
        host, port, count, wait = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
        resolve = sys.argv[5] if len(sys.argv) > 5 else None
        mid = 'urn:uuid:' + str(uuid.uuid4())
        if resolve:
            action, body = 'Resolve', '<disc:Resolve><a:EndpointReference><a:Address>%s</a:Address></a:EndpointReference></disc:Resolve>' % resolve
        else:
            action, body = 'Probe', '<disc:Probe/>'
        message = ('<?xml version="1.0" encoding="utf-8"?>'
            '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" xmlns:disc="http://schemas.xmlsoap.org/ws/2005/04/discovery">'
            '<soap:Header><a:MessageID>%s</a:MessageID><a:To>urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To>'
            '<a:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/%s</a:Action></soap:Header>'
            '<soap:Body>%s</soap:Body></soap:Envelope>') % (mid, action, body)
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 1)
        s.bind(('', 0))
        s.sendto(message.encode(), (host, port))
        answers, deadline = [], time.monotonic() + wait
        while len(answers) < count and time.monotonic() < deadline:
            s.settimeout(max(deadline - time.monotonic(), 0.01))
            try:
                data, sender = s.recvfrom(65536)
            except socket.timeout:
                break
            answers.append({'from': sender[0], 'xml': data.decode()})
        print(json.dumps({'messageId': mid, 'answers': answers}))
        """;

    private const string ListenScript = """
        import json, socket, struct, sys, time
        wanted, wait = set(sys.argv[1].split(',')), float(sys.argv[2])
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(('239.255.255.250', 3702))
        s.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, struct.pack('4s4s', socket.inet_aton('239.255.255.250'), socket.inet_aton(sys.argv[3])))
        answers, seen, deadline = [], set(), time.monotonic() + wait
        while not wanted <= seen and time.monotonic() < deadline:
            s.settimeout(max(deadline - time.monotonic(), 0.01))
            try:
                data, sender = s.recvfrom(65536)
            except socket.timeout:
                break
            xml = data.decode()
            seen.update(a for a in ('Hello', 'Bye', 'Probe') if '/discovery/' + a + '<' in xml)
            answers.append({'from': sender[0], 'xml': xml})
        print(json.dumps({'messageId': '', 'answers': answers}))
        """;

    /// <summary>python3's arguments: join 239.255.255.250:3702 on <paramref name="localAddress"/>'s interface and print what arrives until every one of <paramref name="actions"/> (Hello, Bye) was seen or <paramref name="wait"/> is over.</summary>
    public static string[] ListenArguments(string actions, TimeSpan wait, string localAddress) =>
        ["-c", ListenScript, actions, wait.TotalSeconds.ToString(CultureInfo.InvariantCulture), localAddress];

    /// <summary>python3's arguments: probe <paramref name="host"/>:<paramref name="port"/> (a group or one device), stop after <paramref name="count"/> answers or <paramref name="wait"/>.</summary>
    public static string[] Arguments(string host, int port, int count, TimeSpan wait, string? resolve = null) =>
        ["-c", Script, host, port.ToString(CultureInfo.InvariantCulture), count.ToString(CultureInfo.InvariantCulture), wait.TotalSeconds.ToString(CultureInfo.InvariantCulture), .. resolve is null ? Array.Empty<string>() : [resolve]];

    /// <summary>The probe's MessageID and the answers it printed.</summary>
    public static (string MessageId, IReadOnlyList<DiscoveryAnswer> Answers) Read(string output)
    {
        using var json = JsonDocument.Parse(output);
        var answers = json.RootElement.GetProperty("answers").EnumerateArray()
            .Select(a => DiscoveryAnswer.Parse(a.GetProperty("from").GetString()!, a.GetProperty("xml").GetString()!))
            .ToList();
        return (json.RootElement.GetProperty("messageId").GetString()!, answers);
    }
}

/// <summary>One WS-Discovery message as a client reads it (any prefixes): who sent it and what it says.</summary>
public sealed record DiscoveryAnswer(string From, string Action, string? RelatesTo, string? Endpoint, IReadOnlyList<string> XAddrs, IReadOnlyList<string> Scopes, string Xml)
{
    public static DiscoveryAnswer Parse(string from, string xml)
    {
        var envelope = XDocument.Parse(xml).Root!;
        string? Text(string localName) => envelope.Descendants().FirstOrDefault(e => e.Name.LocalName == localName)?.Value.Trim();
        string[] Words(string localName) => Text(localName)?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return new DiscoveryAnswer(from, Text("Action")!.Split('/')[^1], Text("RelatesTo"), Text("Address"), Words("XAddrs"), Words("Scopes"), xml);
    }
}
