using System.Net;
using AxisEmulator.Vapix.Tests.EndToEnd;
using AxisEmulator.Vapix.Tests.Server;

namespace AxisEmulator.Vapix.Tests.WebPages;

public class WebInterfacePagesTests
{
    /// <summary>The answer of an AXIS M2036-LE to <c>GET /</c>, as Greenbone's Axis HTTP detection quotes it.</summary>
    private const string Quoted = "<html><head><meta http-equiv=\"refresh\" content=\"0; URL=/camera/index.html\" /></head></html>";

    [Theory]
    [InlineData("/")]
    [InlineData("/index.html")]
    public async Task The_root_sends_a_browser_to_the_web_interface_without_a_login(string path)
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var anonymous = new HttpClient { BaseAddress = h.Endpoint(camera) };

        using var response = await anonymous.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        (await response.Content.ReadAsStringAsync()).TrimEnd('\n').Should().Be(Quoted);
    }

    /// <summary>What the detection does next: follow the refresh with curl and find a 200 page titled AXIS.</summary>
    [Fact]
    public async Task Curl_follows_the_refresh_to_a_page_titled_axis()
    {
        ExternalTool.RequireCurl();
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync("M1075-L");
        var url = h.Endpoint(camera).ToString().TrimEnd('/');

        var root = await ExternalTool.RunAsync(ExternalTool.Curl, ["-s", url + "/"]);
        var target = System.Text.RegularExpressions.Regex.Match(root.Stdout, "URL=([^\"]+)\"").Groups[1].Value;
        var page = await ExternalTool.RunAsync(ExternalTool.Curl, ["-s", "-w", "\n%{http_code}", url + target]);

        target.Should().Be("/camera/index.html");
        page.Stdout.Should().MatchRegex("<title>.*AXIS.*</title>").And.EndWith("\n200");
    }
}
