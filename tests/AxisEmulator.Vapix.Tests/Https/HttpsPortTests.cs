using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;
using AxisEmulator.Vapix.Tests.EndToEnd;
using AxisEmulator.Vapix.Tests.Onvif;
using AxisEmulator.Vapix.Tests.Server;

namespace AxisEmulator.Vapix.Tests.Https;

/// <summary>
/// <c>HTTPS.Enabled</c> and <c>HTTPS.Port</c> set through param.cgi, seen by curl (<c>-k --http2</c>)
/// before and after: the listener acts at once, bad values get the documented error line, the values
/// are kept in the stored configuration and go with a factory default. On loopback the port stays the
/// allocated one (the network lab moves it: LabHttpsPortTests).
/// </summary>
public sealed class HttpsPortTests
{
    [Fact]
    public async Task Curl_is_answered_then_refused_after_enabled_no_and_answered_again_after_yes()
    {
        ExternalTool.RequireCurl();
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var admin = h.Client(camera);
        (await CurlAsync(h.HttpsEndpoint(camera))).Should().Be("0 2 200");

        (await admin.GetStringAsync("/axis-cgi/param.cgi?action=update&HTTPS.Enabled=no")).Should().Be("OK");
        await h.Listeners.SettledAsync(camera.Id);

        h.Listeners.IsHttpsOpen(camera.Id).Should().BeFalse("the answer's follow-up closed it");
        (await CurlAsync(h.HttpsEndpoint(camera))).Should().Be("7 0 000", "curl exit 7: connection refused, at once");
        (await admin.GetStringAsync("/axis-cgi/param.cgi?action=update&HTTPS.Enabled=yes")).Should().Be("OK");
        await h.Listeners.SettledAsync(camera.Id);
        h.Listeners.IsHttpsOpen(camera.Id).Should().BeTrue();
        (await CurlAsync(h.HttpsEndpoint(camera))).Should().Be("0 2 200");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65536")]
    [InlineData("-1")]
    [InlineData("https")]
    [InlineData("")]
    [InlineData("80")]
    public async Task A_port_outside_1_to_65535_or_the_http_port_gets_the_documented_error_and_changes_nothing(string port)
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var admin = h.Client(camera);

        var answer = await admin.GetStringAsync($"/axis-cgi/param.cgi?action=update&HTTPS.Port={Uri.EscapeDataString(port)}");

        answer.Should().Be($"# Error: Error setting 'HTTPS.Port' to '{port}'!\n", "DOC parameter-management's update failure line; 80 is System.BoaPort");
        (await admin.GetStringAsync("/axis-cgi/param.cgi?action=list&group=HTTPS.Port")).Should().Be("HTTPS.Port=443\n");
        h.Listeners.IsHttpsOpen(camera.Id).Should().BeTrue();
    }

    [Fact]
    public async Task Enabled_takes_yes_or_no_only()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var admin = h.Client(camera);

        (await admin.GetStringAsync("/axis-cgi/param.cgi?action=update&HTTPS.Enabled=off")).Should().Be("# Error: Error setting 'HTTPS.Enabled' to 'off'!\n");
        (await admin.GetStringAsync("/axis-cgi/param.cgi?action=list&group=HTTPS.Enabled")).Should().Be("HTTPS.Enabled=yes\n");
    }

    [Fact]
    public async Task On_loopback_a_new_port_is_stored_and_listed_while_curl_still_reaches_the_allocated_endpoint()
    {
        ExternalTool.RequireCurl();
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var admin = h.Client(camera);
        var allocated = h.HttpsEndpoint(camera);

        (await admin.GetStringAsync("/axis-cgi/param.cgi?action=update&HTTPS.Port=8443")).Should().Be("OK");
        await h.Listeners.SettledAsync(camera.Id);

        (await admin.GetStringAsync("/axis-cgi/param.cgi?action=list&group=HTTPS.Port")).Should().Be("HTTPS.Port=8443\n");
        h.HttpsEndpoint(camera).Should().Be(allocated, "the loopback range stands for the camera's own address: the reported endpoint is where it really answers");
        (await CurlAsync(allocated)).Should().Be("0 2 200");
    }

    [Fact]
    public async Task Onvif_get_network_protocols_reports_https_as_the_parameters_say()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var admin = h.Client(camera);
        (await admin.GetStringAsync("/axis-cgi/param.cgi?action=update&HTTPS.Port=8443&HTTPS.Enabled=no")).Should().Be("OK");

        var (status, body, _) = await OnvifMessages.PostAsync(admin, "/onvif/device_service", OnvifMessages.Envelope(OnvifMessages.Op("GetNetworkProtocols"), OnvifMessages.Token("root", "pass", camera.SystemTime.UtcNow)));

        status.Should().Be(200, body);
        var https = System.Xml.Linq.XDocument.Parse(body).Descendants().Single(e => e.Name.LocalName == "NetworkProtocols" && e.Elements().Any(n => n.Name.LocalName == "Name" && n.Value == "HTTPS"));
        https.Elements().Single(e => e.Name.LocalName == "Enabled").Value.Should().Be("false");
        https.Elements().Single(e => e.Name.LocalName == "Port").Value.Should().Be("8443");
    }

    [Fact]
    public async Task The_settings_survive_an_emulator_restart_and_a_factory_default_puts_them_back()
    {
        var directory = Path.Combine(Path.GetTempPath(), "axis-emulator-tests", Guid.NewGuid().ToString("N"));
        try
        {
            string id, serial;
            await using (var before = new ServerHarness(store: new FileDeviceStateStore(directory)))
            {
                var camera = await before.ReadyDeviceAsync();
                using var admin = before.Client(camera);
                (await admin.GetStringAsync("/axis-cgi/param.cgi?action=update&HTTPS.Port=8443&HTTPS.Enabled=no")).Should().Be("OK");
                (id, serial) = (camera.Id, camera.Serial);
                await camera.FlushConfigAsync();
            }

            await using var after = new ServerHarness(store: new FileDeviceStateStore(directory));
            var again = after.Add("P3245-LVE", serial, id);
            await after.PowerOnAsync(again);
            again.Config.Parameters.Should().Contain("HTTPS.Port", "8443").And.Contain("HTTPS.Enabled", "no");
            after.Listeners.IsHttpsOpen(again.Id).Should().BeFalse("it comes back with HTTPS off");
            after.Listeners.IsOpen(again.Id).Should().BeTrue();

            again.FactoryDefault(FactoryDefaultMode.Soft).Should().BeTrue();
            await after.RunUntilIdleAsync(again);
            again.Config.Parameters.Should().NotContainKey("HTTPS.Port").And.NotContainKey("HTTPS.Enabled");
            after.Listeners.IsHttpsOpen(again.Id).Should().BeTrue("the factory value is Enabled=yes");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>curl's exit code, negotiated HTTP version and status for an anonymous systemready over HTTPS.</summary>
    private static async Task<string> CurlAsync(Uri endpoint)
    {
        var url = endpoint.AbsoluteUri.TrimEnd('/') + "/axis-cgi/systemready.cgi";
        var result = await ExternalTool.RunAsync(ExternalTool.Curl, ["-sk", "--http2", "-o", "/dev/null", "-w", "%{http_version} %{http_code}", "--connect-timeout", "2", "--max-time", "10", "-d", """{"apiVersion":"1.0","method":"systemready"}""", url]);
        return $"{result.ExitCode} {result.Stdout.Trim()}";
    }
}
