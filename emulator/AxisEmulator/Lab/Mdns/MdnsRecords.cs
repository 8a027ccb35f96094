using System.Net;
using System.Text.RegularExpressions;

namespace AxisEmulator.Lab.Mdns;

/// <summary>
/// What an Axis unit publishes over DNS-SD: its instance "AXIS &lt;model&gt; - &lt;serial&gt;"
/// (Network.Bonjour.FriendlyName and the serial) under <c>_axis-video._tcp</c> with TXT
/// <c>macaddress=&lt;serial&gt;</c> (what AXIS IP Utility browses for), under <c>_http._tcp</c> at
/// port 80 and, while HTTPS is on, <c>_https._tcp</c> at <c>HTTPS.Port</c> (443), on host <c>axis-&lt;serial&gt;.local</c>.
/// [E] The <c>path=/</c> TXT of the web services is an estimate (the DNS-SD convention for
/// <c>_http._tcp</c>): no capture of a real unit's web-service records is at hand.
/// Names lost to another host (RFC 6762 §9) are numbered the way Bonjour does it, [E] assumed for
/// Axis: the instance "… (2)", "… (3)"; the host "axis-&lt;serial&gt;-2".
/// </summary>
internal sealed partial class MdnsRecords
{
    private const string ServiceList = "_services._dns-sd._udp.local";
    private const string AxisVideo = "_axis-video._tcp.local";
    private const string Http = "_http._tcp.local";
    private const string Https = "_https._tcp.local";
    private static readonly TimeSpan HostTtl = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan ServiceTtl = TimeSpan.FromSeconds(4500);
    private readonly string _serial;
    private readonly Func<bool> _httpsEnabled;
    private readonly Func<int> _httpsPort;
    private readonly string _hostLabel;

    /// <param name="httpsPort">Where <c>_https._tcp</c> points (<c>HTTPS.Port</c>); null: 443.</param>
    public MdnsRecords(string model, string serial, Func<bool>? httpsEnabled = null, Func<int>? httpsPort = null)
        : this($"AXIS {model} - {serial}", "axis-" + serial.ToLowerInvariant(), serial, httpsEnabled ?? (() => false), httpsPort ?? (() => Vapix.Https.DeviceCertificates.LabPort))
    {
    }

    private MdnsRecords(string instance, string hostLabel, string serial, Func<bool> httpsEnabled, Func<int> httpsPort)
    {
        _httpsPort = httpsPort;
        Instance = instance;
        _hostLabel = hostLabel;
        _serial = serial;
        _httpsEnabled = httpsEnabled;
    }

    public string Instance { get; }

    public string Host => _hostLabel + ".local";

    /// <summary>The names this unit must own alone (RFC 6762 §8.1 probes them): its host and its service instances.</summary>
    public IReadOnlyList<string> UniqueNames => [Host, .. Services.Select(s => InstanceOf(s.Type))];

    private List<(string Type, int Port, string[] Text)> Services
    {
        get
        {
            List<(string Type, int Port, string[] Text)> services = [(AxisVideo, NetworkLab.HttpPort, ["macaddress=" + _serial]), (Http, NetworkLab.HttpPort, ["path=/"])];
            if (_httpsEnabled())
            {
                services.Add((Https, _httpsPort(), ["path=/"]));
            }

            return services;
        }
    }

    /// <summary>The same records with the next name in place of <paramref name="lost"/> (a name another host holds).</summary>
    public MdnsRecords Renamed(string lost) =>
        string.Equals(lost, Host, StringComparison.OrdinalIgnoreCase)
            ? new MdnsRecords(Instance, Next(HostNumber(), n => $"-{n}"), _serial, _httpsEnabled, _httpsPort)
            : new MdnsRecords(Next(InstanceNumber(), n => $" ({n})"), _hostLabel, _serial, _httpsEnabled, _httpsPort);

    /// <summary>Every record, for an announcement or a goodbye.</summary>
    public IReadOnlyList<DnsRecord> All(IReadOnlyList<IPAddress> addresses) =>
        [.. Services.SelectMany(s => (DnsRecord[])[DnsRecord.Pointer(s.Type, InstanceOf(s.Type), ServiceTtl), .. Described(s)]), .. HostRecords(addresses)];

    /// <summary>The records of the unique names, as a probe's authority section proposes them (RFC 6762 §8.2).</summary>
    public IReadOnlyList<DnsRecord> Proposed(IReadOnlyList<IPAddress> addresses) => [.. Services.SelectMany(Described), .. HostRecords(addresses)];

    /// <summary>The answers to a query's questions and the records that go with them.</summary>
    public (IReadOnlyList<DnsRecord> Answers, IReadOnlyList<DnsRecord> Additional) Answer(IReadOnlyList<DnsQuestion> questions, IReadOnlyList<IPAddress> addresses)
    {
        var answers = new List<DnsRecord>();
        var additional = new List<DnsRecord>();
        var services = Services;
        foreach (var question in questions)
        {
            var asked = question.Type;
            if (question.Name == ServiceList && Wants(asked, DnsRecord.Ptr))
            {
                answers.AddRange(services.Select(s => DnsRecord.Pointer(ServiceList, s.Type, ServiceTtl)));
            }

            foreach (var service in services)
            {
                if (question.Name == service.Type && Wants(asked, DnsRecord.Ptr))
                {
                    answers.Add(DnsRecord.Pointer(service.Type, InstanceOf(service.Type), ServiceTtl));
                    additional.AddRange([.. Described(service), .. HostRecords(addresses)]);
                }
                else if (string.Equals(question.Name, InstanceOf(service.Type), StringComparison.OrdinalIgnoreCase))
                {
                    answers.AddRange(Described(service).Where(r => Wants(asked, r.Type)));
                    additional.AddRange(HostRecords(addresses));
                }
            }

            if (string.Equals(question.Name, Host, StringComparison.OrdinalIgnoreCase) && Wants(asked, DnsRecord.A))
            {
                answers.AddRange(HostRecords(addresses));
            }
        }

        return (answers, [.. additional.Except(answers)]);
    }

    private static bool Wants(ushort asked, ushort type) => asked == type || asked == DnsRecord.Any;

    private static string Next((string Base, int Number) current, Func<int, string> suffix) => current.Base + suffix(current.Number + 1);

    private (string Base, int Number) InstanceNumber() =>
        InstanceSuffix().Match(Instance) is { Success: true } m ? (Instance[..m.Index], int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)) : (Instance, 1);

    // The serial's 12 hex digits come first, so only a "-N" after them is a number this responder added.
    private (string Base, int Number) HostNumber() =>
        HostSuffix().Match(_hostLabel) is { Success: true } m ? (_hostLabel[..m.Index], int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)) : (_hostLabel, 1);

    private string InstanceOf(string type) => $"{Instance}.{type}";

    private DnsRecord[] Described((string Type, int Port, string[] Text) service) =>
        [DnsRecord.Service(InstanceOf(service.Type), Host, service.Port, HostTtl), DnsRecord.Text(InstanceOf(service.Type), service.Text, ServiceTtl)];

    private IEnumerable<DnsRecord> HostRecords(IReadOnlyList<IPAddress> addresses) => addresses.Select(a => DnsRecord.Address(Host, a, HostTtl));

    [GeneratedRegex(@" \((\d+)\)$")]
    private static partial Regex InstanceSuffix();

    [GeneratedRegex(@"(?<=^axis-[0-9a-f]{12})-(\d+)$")]
    private static partial Regex HostSuffix();
}
