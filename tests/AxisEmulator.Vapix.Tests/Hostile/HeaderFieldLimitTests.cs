using AxisEmulator.Vapix.Tests.Server;

namespace AxisEmulator.Vapix.Tests.Hostile;

/// <summary>A header line over Apache's LimitRequestFieldSize (8190) gets Apache's 400 before any CGI; one at the limit gets through.</summary>
public class HeaderFieldLimitTests
{
    [Theory]
    [InlineData(8190, 401)]
    [InlineData(8191, 400)]
    public async Task A_header_line_over_8190_bytes_gets_apaches_400(int lineLength, int status)
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        var before = ServerHarness.StoredConfig(camera);
        var line = "X-Pad: " + new string('b', lineLength - "X-Pad: ".Length);

        var response = await h.RawAsync(camera, "GET /axis-cgi/param.cgi?action=list HTTP/1.1\r\n" + line);

        response.Status.Should().Be(status);
        response.ContentType.Should().Be("text/html; charset=iso-8859-1");
        if (status == 400)
        {
            response.Body.Should().Contain("Size of a request header field exceeds server limit.");
        }

        ServerHarness.StoredConfig(camera).Should().Be(before);
    }
}
