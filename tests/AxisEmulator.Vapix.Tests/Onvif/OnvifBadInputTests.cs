using AxisEmulator.Vapix.Tests.Server;
using static AxisEmulator.Vapix.Tests.Onvif.OnvifMessages;

namespace AxisEmulator.Vapix.Tests.Onvif;

/// <summary>Every operation with every kind of broken body answers a SOAP fault or its answer, never a 500, and nothing stored is lost.</summary>
public sealed class OnvifBadInputTests
{
    private const string Media = "http://www.onvif.org/ver10/media/wsdl";

    public static TheoryData<string> Bodies => new()
    {
        "",
        "   ",
        "<not xml",
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
        "<Envelope/>",
        "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body/></s:Envelope>",
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_body_that_is_no_soap_request_gets_a_well_formed_fault(string body)
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var client = new HttpClient { BaseAddress = h.Endpoint(camera) };

        var (status, answer, response) = await PostAsync(client, "/onvif/device_service", body);

        status.Should().Be(400);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/soap+xml");
        answer.Should().Contain("ter:WellFormed").And.NotContain("root:");
    }

    [Fact]
    public async Task Every_operation_with_empty_or_garbled_arguments_answers_without_a_500_and_keeps_the_config()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var client = new HttpClient { BaseAddress = h.Endpoint(camera) };
        var before = ServerHarness.StoredConfig(camera);
        var operations = new[]
        {
            "GetSystemDateAndTime", "GetServices", "GetServiceCapabilities", "GetCapabilities", "GetWsdlUrl", "GetHostname",
            "GetDeviceInformation", "GetScopes", "GetNetworkInterfaces", "GetNetworkProtocols", "GetDNS", "GetNTP", "GetUsers",
            "CreateUsers", "SetUser", "DeleteUsers", "SetScopes", "AddScopes", "SetHostname", "SetSystemDateAndTime",
            "SetSystemFactoryDefault", "NoSuchOperation",
        }.Select(o => (o, OnvifMessages.Device))
            .Concat(new[] { "GetVideoSources", "GetProfiles", "GetProfile", "GetStreamUri", "GetSnapshotUri" }.Select(o => (o, Media)));
        var garbles = new[] { "", "<Junk>\u00e9</Junk>", "<FactoryDefault>Medium</FactoryDefault><Name>-bad-</Name><ProfileToken>nope</ProfileToken><DateTimeType>Sometimes</DateTimeType><User><Username></Username><UserLevel>Anonymous</UserLevel></User><Username>nobody</Username><Scopes>not a uri</Scopes><Category>PTZ</Category>" };

        foreach (var (operation, ns) in operations)
        {
            foreach (var inner in garbles)
            {
                var body = Envelope(Op(operation, ns, inner), Token("root", "pass", camera.SystemTime.UtcNow));
                var (status, answer, response) = await PostAsync(client, "/onvif/device_service", body);

                status.Should().BeOneOf([200, 400], $"{operation} with '{inner}': {answer}");
                response.Content.Headers.ContentType!.MediaType.Should().Be("application/soap+xml");
                answer.Should().Contain(status == 200 ? operation + "Response" : "Fault>", $"{operation} with '{inner}'");
            }
        }

        ServerHarness.StoredConfig(camera).Should().Be(before, "no broken request changed anything stored");
        camera.Phase.Should().Be(Core.Devices.DevicePhase.Ready);
    }
}
