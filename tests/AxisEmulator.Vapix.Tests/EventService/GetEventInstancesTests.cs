using System.Net;
using System.Text;
using System.Xml;
using AxisEmulator.Vapix.Tests.Server;

namespace AxisEmulator.Vapix.Tests.EventService;

/// <summary>
/// /vapix/services GetEventInstances read with XmlReader the way a client walks the topic set: topic
/// strings built from the element path (tns1:Device/tnsaxis:Status/SystemReady), as in the captured
/// answer (tests/fixtures/vapix-events/get-event-instances-topics.txt).
/// </summary>
public class GetEventInstancesTests
{
    internal const string Request = """
        <?xml version="1.0" encoding="UTF-8"?>
        <soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope" xmlns:aev="http://www.axis.com/vapix/ws/event1">
          <soap:Body><aev:GetEventInstances/></soap:Body>
        </soap:Envelope>
        """;

    private static string FixturePath => Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "vapix-events", "get-event-instances-topics.txt");

    [Fact]
    public async Task The_system_topics_are_declared_with_the_captured_names_and_the_profile_inputs()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync("Q1656-LE");
        using var client = h.Client(camera);

        using var response = await client.PostAsync("/vapix/services", Soap(Request));
        var topics = ReadTopics(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/soap+xml");
        var captured = (await File.ReadAllLinesAsync(FixturePath)).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        topics.Keys.Should().Contain(captured);
        topics["tns1:Device/tnsaxis:Status/SystemReady"].Should().Equal("data ready xsd:boolean");
        topics["tns1:Device/Trigger/DigitalInput"].Should().Equal(
            $"source InputToken tt:ReferenceToken {string.Join(' ', Enumerable.Range(0, camera.Profile.Io.Inputs))}", "data LogicalState xsd:boolean");
    }

    [Fact]
    public async Task A_product_without_inputs_or_video_declares_neither()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync("D4200-VE");
        using var client = h.Client(camera);

        var topics = ReadTopics(await (await client.PostAsync("/vapix/services", Soap(Request))).Content.ReadAsStringAsync());

        topics.Keys.Should().Contain("tns1:Device/tnsaxis:Status/SystemReady")
            .And.NotContain("tns1:VideoSource/tnsaxis:LiveStreamAccessed");
        topics.ContainsKey("tns1:Device/Trigger/DigitalInput").Should().Be(camera.Profile.Io.Inputs > 0);
    }

    [Theory]
    [InlineData("<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:aev=\"http://www.axis.com/vapix/ws/event1\"><soap:Body><aev:AddScheduledEvent/></soap:Body></soap:Envelope>", "env:Receiver", "ter:ActionNotSupported")]
    [InlineData("<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body/></soap:Envelope>", "env:Receiver", "ter:ActionNotSupported")]
    [InlineData("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body/></soap:Envelope>", "env:VersionMismatch", null)]
    [InlineData("<soap:Envelope", "env:Sender", null)]
    [InlineData("<!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>", "env:Sender", null)]
    public async Task Anything_else_is_a_soap_fault_and_never_a_500(string body, string code, string? subcode)
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var client = h.Client(camera);

        using var response = await client.PostAsync("/vapix/services", Soap(body));
        var values = FaultValues(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        values[0].Should().Be(code);
        (values.Count > 1 ? values[1] : null).Should().Be(subcode);
    }

    [Fact]
    public async Task Anonymous_callers_are_challenged()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var client = h.Client(camera, user: null);

        using var response = await client.PostAsync("/vapix/services", Soap(Request));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.Single().Scheme.Should().Be("Digest");
    }

    internal static StringContent Soap(string xml) => new(xml, Encoding.UTF8, "application/soap+xml");

    /// <summary>Topic string → its items ("source|data name type values…"), walking elements marked wstop:topic="true".</summary>
    internal static Dictionary<string, List<string>> ReadTopics(string xml)
    {
        const string Aev = "http://www.axis.com/vapix/ws/event1";
        var topics = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var path = new List<string>();
        var topicSetDepth = -1;
        List<string>? items = null;
        var part = "";
        using var reader = XmlReader.Create(new StringReader(xml));
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (topicSetDepth < 0)
            {
                topicSetDepth = reader.LocalName == "TopicSet" ? reader.Depth : -1;
                continue;
            }

            if (reader.NamespaceURI != Aev)
            {
                // A group or a topic: its place in the tree is its depth below the topic set.
                path.RemoveRange(reader.Depth - topicSetDepth - 1, path.Count - (reader.Depth - topicSetDepth - 1));
                path.Add(reader.Prefix.Length > 0 ? $"{reader.Prefix}:{reader.LocalName}" : reader.LocalName);
                if (reader.GetAttribute("topic", "http://docs.oasis-open.org/wsn/t-1") == "true")
                {
                    items = topics[string.Join('/', path)] = [];
                }
            }
            else if (reader.LocalName is "SourceInstance" or "DataInstance")
            {
                part = reader.LocalName == "SourceInstance" ? "source" : "data";
            }
            else if (reader.LocalName == "SimpleItemInstance")
            {
                items!.Add($"{part} {reader.GetAttribute("Name")} {reader.GetAttribute("Type")}");
            }
            else if (reader.LocalName == "Value")
            {
                items![^1] += " " + reader.ReadElementContentAsString();
            }
        }

        return topics;
    }

    private static List<string> FaultValues(string xml)
    {
        var values = new List<string>();
        using var reader = XmlReader.Create(new StringReader(xml));
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Value" && reader.NamespaceURI == "http://www.w3.org/2003/05/soap-envelope")
            {
                values.Add(reader.ReadElementContentAsString());
            }
        }

        return values;
    }
}
