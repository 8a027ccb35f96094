using System.Net;

namespace AxisEmulator.Lab.Mdns;

/// <summary>
/// What an Axis unit publishes over DNS-SD: its instance "AXIS &lt;model&gt; - &lt;serial&gt;"
/// (Network.Bonjour.FriendlyName and the serial) under <c>_axis-video._tcp</c> with TXT
/// <c>macaddress=&lt;serial&gt;</c> (what AXIS IP Utility browses for) and under <c>_http._tcp</c>,
/// on host <c>axis-&lt;serial&gt;.local</c> at port 80.
/// </summary>
internal sealed class MdnsRecords(string model, string serial)
{
    private const string ServiceList = "_services._dns-sd._udp.local";
    private static readonly TimeSpan HostTtl = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan ServiceTtl = TimeSpan.FromSeconds(4500);
    private readonly (string Type, string[] Text)[] _services =
    [
        ("_axis-video._tcp.local", ["macaddress=" + serial]),
        ("_http._tcp.local", ["path=/"]),
    ];

    public string Instance { get; } = $"AXIS {model} - {serial}";

    public string Host { get; } = $"axis-{serial.ToLowerInvariant()}.local";

    /// <summary>Every record, for an announcement or a goodbye.</summary>
    public IReadOnlyList<DnsRecord> All(IReadOnlyList<IPAddress> addresses) =>
        [.. _services.SelectMany(s => (DnsRecord[])[DnsRecord.Pointer(s.Type, InstanceOf(s.Type), ServiceTtl), .. Described(s.Type, s.Text)]), .. HostRecords(addresses)];

    /// <summary>The answers to a query's questions and the records that go with them.</summary>
    public (IReadOnlyList<DnsRecord> Answers, IReadOnlyList<DnsRecord> Additional) Answer(IReadOnlyList<DnsQuestion> questions, IReadOnlyList<IPAddress> addresses)
    {
        var answers = new List<DnsRecord>();
        var additional = new List<DnsRecord>();
        foreach (var question in questions)
        {
            var asked = question.Type;
            if (question.Name == ServiceList && Wants(asked, DnsRecord.Ptr))
            {
                answers.AddRange(_services.Select(s => DnsRecord.Pointer(ServiceList, s.Type, ServiceTtl)));
            }

            foreach (var (type, text) in _services)
            {
                if (question.Name == type && Wants(asked, DnsRecord.Ptr))
                {
                    answers.Add(DnsRecord.Pointer(type, InstanceOf(type), ServiceTtl));
                    additional.AddRange([.. Described(type, text), .. HostRecords(addresses)]);
                }
                else if (string.Equals(question.Name, InstanceOf(type), StringComparison.OrdinalIgnoreCase))
                {
                    answers.AddRange(Described(type, text).Where(r => Wants(asked, r.Type)));
                    additional.AddRange(HostRecords(addresses));
                }
            }

            if (question.Name == Host && Wants(asked, DnsRecord.A))
            {
                answers.AddRange(HostRecords(addresses));
            }
        }

        return (answers, [.. additional.Except(answers)]);
    }

    private static bool Wants(ushort asked, ushort type) => asked == type || asked == DnsRecord.Any;

    private string InstanceOf(string type) => $"{Instance}.{type}";

    private DnsRecord[] Described(string type, string[] text) =>
        [DnsRecord.Service(InstanceOf(type), Host, NetworkLab.HttpPort, HostTtl), DnsRecord.Text(InstanceOf(type), text, ServiceTtl)];

    private IEnumerable<DnsRecord> HostRecords(IReadOnlyList<IPAddress> addresses) => addresses.Select(a => DnsRecord.Address(Host, a, HostTtl));
}
