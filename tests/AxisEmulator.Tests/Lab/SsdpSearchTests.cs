using System.Text;
using AxisEmulator.Lab.Ssdp;

namespace AxisEmulator.Tests.Lab;

/// <summary>
/// M-SEARCH as tools really write it (UDA 1.1 §1.3.2 and what FF's axis-discovery-ssdp sends), read
/// loosely; anything else the group carries is ignored without an exception.
/// </summary>
public class SsdpSearchTests
{
    [Theory]
    [InlineData("M-SEARCH * HTTP/1.1\r\nHost:239.255.255.250:1900\r\nST:urn:axis-com:service:BasicService:1\r\nMan:\"ssdp:discover\"\r\nMX:3\r\n\r\n", "urn:axis-com:service:BasicService:1", 3)]
    [InlineData("M-SEARCH * HTTP/1.1\r\nhost: 239.255.255.250:1900\r\nman: \"ssdp:discover\"\r\nmx: 1\r\nst: ssdp:all\r\n\r\n", "ssdp:all", 1)]
    [InlineData("M-SEARCH * HTTP/1.1\nHOST: 239.255.255.250:1900\nMAN: ssdp:discover\nMX: 2\nST: upnp:rootdevice\n\n", "upnp:rootdevice", 2)]
    [InlineData("m-search * HTTP/1.0\r\nST:   ssdp:all   \r\nMAN:\"ssdp:discover\"\r\nMX: 120\r\n\r\n", "ssdp:all", 5)]
    [InlineData("M-SEARCH * HTTP/1.1\r\nST: ssdp:all\r\nMAN: \"ssdp:discover\"\r\nMX: 0\r\n", "ssdp:all", 0)]
    public void A_loosely_written_search_is_read(string datagram, string target, int maxWait)
    {
        var search = SsdpSearch.Parse(Encoding.ASCII.GetBytes(datagram));

        search.Should().Be(new SsdpSearch(target, maxWait));
    }

    [Fact]
    public void A_search_without_MX_is_read_as_one_without_a_wait_for_the_responder_to_judge()
    {
        // UDA 1.1: MX is required for a search to the group (libupnp drops one without it) and absent from a unicast one.
        SsdpSearch.Parse("M-SEARCH * HTTP/1.1\r\nHOST: 192.168.0.90:1900\r\nMAN: \"ssdp:discover\"\r\nST: ssdp:all\r\n\r\n"u8)
            .Should().Be(new SsdpSearch("ssdp:all", null));
    }

    [Theory]
    [InlineData("")]
    [InlineData("NOTIFY * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nNT: upnp:rootdevice\r\nNTS: ssdp:alive\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nST: ssdp:all\r\nUSN: uuid:x\r\n\r\n")]
    [InlineData("M-SEARCH /desc.xml HTTP/1.1\r\nMAN: \"ssdp:discover\"\r\nST: ssdp:all\r\nMX: 1\r\n\r\n")]
    [InlineData("M-SEARCH * SIP/2.0\r\nMAN: \"ssdp:discover\"\r\nST: ssdp:all\r\nMX: 1\r\n\r\n")]
    [InlineData("M-SEARCH * HTTP/1.1\r\nST: ssdp:all\r\nMX: 1\r\n\r\n")]
    [InlineData("M-SEARCH * HTTP/1.1\r\nMAN: \"ssdp:update\"\r\nST: ssdp:all\r\nMX: 1\r\n\r\n")]
    [InlineData("M-SEARCH * HTTP/1.1\r\nMAN: \"ssdp:discover\"\r\nMX: 1\r\n\r\n")]
    [InlineData("M-SEARCH * HTTP/1.1\r\nMAN: \"ssdp:discover\"\r\nST:\r\nMX: 1\r\n\r\n")]
    [InlineData("M-SEARCH * HTTP/1.1\r\nMAN: \"ssdp:discover\"\r\nST: ssdp:all\r\nMX: soon\r\n\r\n")]
    [InlineData("M-SEARCH * HTTP/1.1\r\nMAN: \"ssdp:discover\"\r\nST: ssdp:all\r\nMX: -1\r\n\r\n")]
    [InlineData("M-SEARCH * HTTP/1.1\r\nMAN: \"ssdp:discover\"\r\nST: ssdp:all\r\nMX: 99999999999999999999\r\n\r\n")]
    [InlineData("M-SEARCH * HTTP/1.1\r\nthis line has no colon\r\nMAN: \"ssdp:discover\"\r\nST: ssdp:all\r\nMX: 1\r\n\r\n")]
    public void Anything_else_is_ignored(string datagram)
    {
        SsdpSearch.Parse(Encoding.Latin1.GetBytes(datagram)).Should().BeNull();
    }

    [Fact]
    public void Random_bytes_and_oversized_datagrams_are_ignored_without_an_exception()
    {
        var random = new Random(1900);
        for (var i = 0; i < 2000; i++)
        {
            var junk = new byte[random.Next(0, 1500)];
            random.NextBytes(junk);
            SsdpSearch.Parse(junk).Should().BeNull();
        }

        var huge = Encoding.ASCII.GetBytes("M-SEARCH * HTTP/1.1\r\nMAN: \"ssdp:discover\"\r\nST: ssdp:all\r\nMX: 1\r\nX-Pad: " + new string('x', 9000) + "\r\n\r\n");
        SsdpSearch.Parse(huge).Should().BeNull();
    }

    [Fact]
    public void The_camera_answers_ssdp_all_with_every_type_and_a_type_or_its_own_uuid_with_that_one()
    {
        var device = new SsdpDevice("uuid:Upnp-BasicDevice-1_0-ACCC8E270AD8");

        device.Answering("ssdp:all").Select(t => t.Usn).Should().Equal(
            "uuid:Upnp-BasicDevice-1_0-ACCC8E270AD8::upnp:rootdevice",
            "uuid:Upnp-BasicDevice-1_0-ACCC8E270AD8",
            "uuid:Upnp-BasicDevice-1_0-ACCC8E270AD8::urn:schemas-upnp-org:device:Basic:1",
            "uuid:Upnp-BasicDevice-1_0-ACCC8E270AD8::urn:axis-com:service:BasicService:1");
        device.Answering("urn:axis-com:service:BasicService:1").Should().ContainSingle()
            .Which.Usn.Should().Be("uuid:Upnp-BasicDevice-1_0-ACCC8E270AD8::urn:axis-com:service:BasicService:1", "the captured USN (vapix-facts §10.2)");
        device.Answering("uuid:Upnp-BasicDevice-1_0-ACCC8E270AD8").Should().ContainSingle();
        device.Answering("uuid:Upnp-BasicDevice-1_0-ACCC8E000000").Should().BeEmpty();
        device.Answering("urn:schemas-upnp-org:device:InternetGatewayDevice:1").Should().BeEmpty();
    }

    [Fact]
    public void The_answer_waits_a_random_time_within_MX_never_over_five_seconds()
    {
        var random = new Random(7);
        var waits = Enumerable.Range(0, 500).Select(_ => SsdpResponder.ReplyDelay(3, random)).ToList();

        waits.Should().OnlyContain(w => w >= TimeSpan.Zero && w <= TimeSpan.FromSeconds(3));
        waits.Max().Should().BeGreaterThan(TimeSpan.FromSeconds(2), "spread over the whole MX");
        Enumerable.Range(0, 100).Select(_ => SsdpResponder.ReplyDelay(60, random)).Should().OnlyContain(w => w <= TimeSpan.FromSeconds(5));
        SsdpResponder.ReplyDelay(0, random).Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void The_messages_carry_the_captured_headers()
    {
        var target = new SsdpDevice("uuid:Upnp-BasicDevice-1_0-ACCC8E270AD8").Targets[3];
        var answer = Encoding.ASCII.GetString(SsdpMessages.SearchAnswer(target, "http://192.168.1.102:80/rootdesc1.xml", "8fb2638a-1dd2-11b2-a915-c89968cce2ca", new DateTimeOffset(2016, 10, 2, 21, 11, 25, TimeSpan.Zero)));

        answer.Should().Be(
            "HTTP/1.1 200 OK\r\nCACHE-CONTROL: max-age=1800\r\nDATE: Sun, 02 Oct 2016 21:11:25 GMT\r\nEXT:\r\nLOCATION: http://192.168.1.102:80/rootdesc1.xml\r\n"
            + "OPT: \"http://schemas.upnp.org/upnp/1/0/\"; ns=01\r\n01-NLS: 8fb2638a-1dd2-11b2-a915-c89968cce2ca\r\n"
            + "SERVER: Linux/4.14.173-axis8, UPnP/1.0, Portable SDK for UPnP devices/1.8.7\r\nX-User-Agent: redsonic\r\n"
            + "ST: urn:axis-com:service:BasicService:1\r\nUSN: uuid:Upnp-BasicDevice-1_0-ACCC8E270AD8::urn:axis-com:service:BasicService:1\r\n\r\n");
        var bye = Encoding.ASCII.GetString(SsdpMessages.ByeBye(target, "http://192.168.1.102:80/rootdesc1.xml", "x"));
        bye.Should().StartWith("NOTIFY * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\n").And.Contain("\r\nNT: urn:axis-com:service:BasicService:1\r\nNTS: ssdp:byebye\r\n").And.NotContain("DATE");
    }
}
