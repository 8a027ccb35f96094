using System.Net;
using AxisEmulator.Vapix.Tests.Server;
using SkiaSharp;

namespace AxisEmulator.Vapix.Tests.Media;

/// <summary>jpg/image.cgi over HTTP: a real JPEG of the requested size, the documented refusals, no CGI without video.</summary>
public class ImageCgiTests
{
    [Theory]
    [InlineData("640x480", 640, 480)]
    [InlineData("1920x1080", 1920, 1080)]
    [InlineData("320x240", 320, 240)]
    public async Task A_supported_resolution_answers_a_jpeg_of_that_size(string resolution, int width, int height)
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var client = h.Client(camera);

        using var response = await client.GetAsync($"/axis-cgi/jpg/image.cgi?resolution={resolution}&compression=20");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("image/jpeg");
        bytes.Take(3).Should().Equal(0xFF, 0xD8, 0xFF);
        using var decoded = SKBitmap.Decode(bytes);
        decoded.Should().NotBeNull();
        (decoded.Width, decoded.Height).Should().Be((width, height));
    }

    [Fact]
    public async Task Without_a_resolution_the_view_area_default_is_used_and_an_unsupported_default_falls_back_to_the_first_supported()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var client = h.Client(camera);
        var supported = h.Services.DeviceFor(camera).View().Tree["Properties.Image.Resolution"]!.Split(',');
        ServerHarness.SetParameter(camera, "Image.I0.Appearance.Resolution", supported[^1]);

        using (var configured = SKBitmap.Decode(await client.GetByteArrayAsync("/axis-cgi/jpg/image.cgi")))
        {
            $"{configured.Width}x{configured.Height}".Should().Be(supported[^1]);
        }

        ServerHarness.SetParameter(camera, "Image.I0.Appearance.Resolution", "7x7");
        using var fallback = SKBitmap.Decode(await client.GetByteArrayAsync("/axis-cgi/jpg/image.cgi"));
        $"{fallback.Width}x{fallback.Height}".Should().Be(supported[0]);
    }

    [Theory]
    [InlineData("resolution=641x481", "<!--Resolution 641x481 not available.-->\n")]
    [InlineData("resolution=huge", "<!--Resolution huge not available.-->\n")]
    [InlineData("camera=2", "<!--Camera 2 not available.-->\n")]
    [InlineData("camera=0", "<!--Camera 0 not available.-->\n")]
    [InlineData("camera=quad", "<!--Camera quad not available.-->\n")]
    [InlineData("compression=101", "<!--Compression 101 not available.-->\n")]
    [InlineData("compression=-1", "<!--Compression -1 not available.-->\n")]
    public async Task An_argument_the_camera_cannot_honour_gets_the_documented_text_answer(string query, string expected)
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        var before = ServerHarness.StoredConfig(camera);
        using var client = h.Client(camera);

        using var response = await client.GetAsync("/axis-cgi/jpg/image.cgi?" + query);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        (await response.Content.ReadAsStringAsync()).Should().Be(expected);
        ServerHarness.StoredConfig(camera).Should().Be(before);
    }

    [Theory]
    [InlineData("/axis-cgi/jpg/image.cgi")]
    [InlineData("/axis-cgi/mjpg/video.cgi")]
    public async Task A_product_without_video_has_no_image_cgi(string path)
    {
        await using var h = new ServerHarness();
        var intercom = await h.ReadyDeviceAsync("D4200-VE");
        intercom.Profile.HasVideo.Should().BeFalse();
        using var client = h.Client(intercom);

        using var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_viewer_gets_the_image_and_nobody_else_does()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        ServerHarness.AddUser(camera, "watcher", "Good morning", Core.Config.UserRole.Viewer);
        using var viewer = h.Client(camera, "watcher", "Good morning");
        using var anonymous = h.Client(camera, user: null);

        (await viewer.GetAsync("/axis-cgi/jpg/image.cgi?resolution=320x240")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await anonymous.GetAsync("/axis-cgi/jpg/image.cgi?resolution=320x240")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Curl_saves_a_jpeg_of_the_requested_size()
    {
        EndToEnd.ExternalTool.RequireCurl();
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        var file = Path.Combine(Path.GetTempPath(), $"axis-image-{Guid.NewGuid():N}.jpg");
        try
        {
            var url = h.Endpoint(camera).ToString().TrimEnd('/') + "/axis-cgi/jpg/image.cgi?resolution=800x600";
            var run = await EndToEnd.ExternalTool.RunAsync(EndToEnd.ExternalTool.Curl, ["-s", "--digest", "-u", "root:pass", "-o", file, "-w", "%{http_code} %{content_type}", url]);

            run.Stdout.Should().Be("200 image/jpeg", run.ToString());
            var bytes = await File.ReadAllBytesAsync(file);
            bytes.Take(3).Should().Equal(0xFF, 0xD8, 0xFF);
            bytes.Length.Should().BeGreaterThan(1000);
            using var decoded = SKBitmap.Decode(bytes);
            (decoded.Width, decoded.Height).Should().Be((800, 600));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
