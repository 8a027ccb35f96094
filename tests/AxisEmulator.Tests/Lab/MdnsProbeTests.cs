using System.Net;
using AxisEmulator.Lab.Mdns;

namespace AxisEmulator.Tests.Lab;

/// <summary>RFC 6762 §8.1 in the responder's own pieces: the probe it sends, the names it reads from answers, the names it takes next.</summary>
public class MdnsProbeTests
{
    private static readonly IPAddress[] Addresses = [IPAddress.Parse("192.168.0.90"), IPAddress.Parse("169.254.1.2")];

    [Fact]
    public void A_probe_asks_ANY_with_the_QU_bit_for_each_unique_name_and_proposes_their_records_as_authority()
    {
        var records = new MdnsRecords("P3265-LVE", "B8A44F000001");

        var probe = DnsWire.Probe(records.UniqueNames, records.Proposed(Addresses));

        var (_, questions) = DnsWire.ReadQuery(probe)!.Value;
        questions.Should().Equal(
            new DnsQuestion("axis-b8a44f000001.local", DnsRecord.Any),
            new DnsQuestion("axis p3265-lve - b8a44f000001._axis-video._tcp.local", DnsRecord.Any),
            new DnsQuestion("axis p3265-lve - b8a44f000001._http._tcp.local", DnsRecord.Any));
        ((probe[8] << 8) | probe[9]).Should().Be(records.Proposed(Addresses).Count, "the proposed records go in the authority section");
        var firstQuestionEnd = 12 + DnsWire.Name("axis-b8a44f000001.local").Length;
        probe[firstQuestionEnd + 2].Should().Be(0x80, "the QU bit asks for a unicast answer");
    }

    [Fact]
    public void The_names_of_an_answer_are_read_and_queries_and_broken_messages_are_not_answers()
    {
        var records = new MdnsRecords("P3265-LVE", "B8A44F000001");
        var answer = DnsWire.Response(0, [], records.All(Addresses), []);

        DnsWire.ReadResponseNames(answer).Should().Contain("axis-b8a44f000001.local").And.Contain("axis p3265-lve - b8a44f000001._axis-video._tcp.local");
        DnsWire.ReadResponseNames(DnsWire.Probe(records.UniqueNames, [])).Should().BeNull("a probe is a query");
        DnsWire.ReadResponseNames(answer.AsSpan(0, answer.Length - 3)).Should().BeNull("a record running past the end");
        DnsWire.ReadResponseNames(answer.AsSpan(0, 5)).Should().BeNull("shorter than a header");
    }

    [Fact]
    public void A_lost_name_is_numbered_instance_with_brackets_host_with_a_dash_each_on_its_own()
    {
        var records = new MdnsRecords("P3265-LVE", "B8A44F000001");

        var hostLost = records.Renamed("AXIS-B8A44F000001.local").Renamed("axis-b8a44f000001-2.local");
        var instanceLost = records.Renamed("AXIS P3265-LVE - B8A44F000001._axis-video._tcp.local").Renamed("AXIS P3265-LVE - B8A44F000001 (2)._http._tcp.local");

        hostLost.Host.Should().Be("axis-b8a44f000001-3.local");
        hostLost.Instance.Should().Be("AXIS P3265-LVE - B8A44F000001");
        instanceLost.Instance.Should().Be("AXIS P3265-LVE - B8A44F000001 (3)");
        instanceLost.Host.Should().Be("axis-b8a44f000001.local");
        new MdnsRecords("P3265-LVE", "B8A44F000001", () => true).UniqueNames.Should().Contain("AXIS P3265-LVE - B8A44F000001._https._tcp.local");
    }
}
