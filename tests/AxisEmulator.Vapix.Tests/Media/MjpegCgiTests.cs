using System.Net;
using AxisEmulator.Core.Devices;
using AxisEmulator.Vapix.Tests.Server;
using SkiaSharp;

namespace AxisEmulator.Vapix.Tests.Media;

/// <summary>mjpg/video.cgi: multipart JPEG frames paced by the device's clock, limits as documented, ends when the camera goes down.</summary>
public class MjpegCgiTests
{
    private static readonly TimeSpan Tenth = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task Frames_come_at_the_requested_rate_of_device_time_and_nbrofframes_ends_the_stream()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var client = h.Client(camera);
        using var response = await client.GetAsync("/axis-cgi/mjpg/video.cgi?resolution=320x240&fps=10&nbrofframes=3", HttpCompletionOption.ResponseHeadersRead);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().Should().Be("multipart/x-mixed-replace; boundary=myboundary");
        var frames = new MultipartFrames(await response.Content.ReadAsStreamAsync(), "myboundary");

        var parts = new List<MultipartPart> { await frames.NextAsync(h.Clock.Wall) };
        for (var i = 0; i < 2; i++)
        {
            frames.Completion.IsCompleted.Should().BeFalse("frame {0} is only due after another tenth of a second of device time", i + 2);
            h.Clock.Advance(Tenth);
            parts.Add(await frames.NextAsync(h.Clock.Wall));
        }

        await frames.Completion.WaitAsync(TimeSpan.FromSeconds(20), h.Clock.Wall);
        frames.Remaining().Should().BeEmpty();
        foreach (var part in parts)
        {
            part.Headers["content-type"].Should().Be("image/jpeg");
            using var decoded = SKBitmap.Decode(part.Body);
            (decoded.Width, decoded.Height).Should().Be((320, 240));
        }
    }

    [Fact]
    public async Task Duration_ends_the_stream_after_that_much_device_time()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var client = h.Client(camera);
        using var response = await client.GetAsync("/axis-cgi/mjpg/video.cgi?resolution=160x120&fps=4&duration=1", HttpCompletionOption.ResponseHeadersRead);
        var frames = new MultipartFrames(await response.Content.ReadAsStreamAsync(), "myboundary");

        var count = 0;
        for (; count < 4; count++)
        {
            await frames.NextAsync(h.Clock.Wall);
            h.Clock.Advance(TimeSpan.FromMilliseconds(250));
        }

        await frames.Completion.WaitAsync(TimeSpan.FromSeconds(20), h.Clock.Wall);
        (count + frames.Remaining().Count).Should().Be(4, "4 fps for one second");
    }

    [Theory]
    [InlineData("Restart")]
    [InlineData("PowerOff")]
    public async Task The_stream_ends_when_the_camera_goes_down(string how)
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var client = h.Client(camera);
        using var response = await client.GetAsync("/axis-cgi/mjpg/video.cgi?resolution=320x240&fps=5", HttpCompletionOption.ResponseHeadersRead);
        var frames = new MultipartFrames(await response.Content.ReadAsStreamAsync(), "myboundary");
        await frames.NextAsync(h.Clock.Wall);

        if (how == "Restart")
        {
            camera.Restart().Should().BeTrue();
        }
        else
        {
            camera.PowerOff();
        }

        camera.Phase.Should().NotBe(DevicePhase.Ready);
        var ended = async () => await frames.Completion.WaitAsync(TimeSpan.FromSeconds(20), h.Clock.Wall);
        if (how == "Restart")
        {
            await ended.Should().NotThrowAsync("an orderly shutdown ends the stream cleanly");
        }
        else
        {
            // Power loss cuts the connection: the client sees the stream break off, not end.
            await ended.Should().ThrowAsync<Exception>().Where(e => e is IOException || e is HttpRequestException);
        }
    }

    [Theory]
    [InlineData("fps=fast", "<!--Fps fast not available.-->\n")]
    [InlineData("fps=31", "<!--Fps 31 not available.-->\n")]
    [InlineData("nbrofframes=-2", "<!--Nbrofframes -2 not available.-->\n")]
    [InlineData("duration=1.5", "<!--Duration 1.5 not available.-->\n")]
    [InlineData("resolution=1x1", "<!--Resolution 1x1 not available.-->\n")]
    public async Task A_bad_stream_argument_gets_the_documented_text_answer(string query, string expected)
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var client = h.Client(camera);

        using var response = await client.GetAsync("/axis-cgi/mjpg/video.cgi?" + query);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be(expected);
    }

    [Fact]
    public async Task Curl_receives_the_frames_while_device_time_advances()
    {
        EndToEnd.ExternalTool.RequireCurl();
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        var file = Path.Combine(Path.GetTempPath(), $"axis-mjpeg-{Guid.NewGuid():N}.bin");
        try
        {
            var url = h.Endpoint(camera).ToString().TrimEnd('/') + "/axis-cgi/mjpg/video.cgi?resolution=320x240&fps=10&nbrofframes=5";
            var curl = EndToEnd.ExternalTool.RunAsync(EndToEnd.ExternalTool.Curl, ["-s", "--max-time", "30", "--digest", "-u", "root:pass", "-o", file, "-w", "%{http_code} %{content_type}", url]);
            for (var i = 0; i < 3000 && !curl.IsCompleted; i++)
            {
                h.Clock.Advance(Tenth);
                await Task.WhenAny(curl, Task.Delay(TimeSpan.FromMilliseconds(10), h.Clock.Wall));
            }

            var run = await curl;
            run.ExitCode.Should().Be(0, run.ToString());
            run.Stdout.Should().Be("200 multipart/x-mixed-replace; boundary=myboundary");
            var bytes = await File.ReadAllBytesAsync(file);
            CountOf(bytes, "--myboundary\r\nContent-Type: image/jpeg\r\n"u8.ToArray()).Should().Be(5);
            CountOf(bytes, [0xFF, 0xD8, 0xFF]).Should().BeGreaterThanOrEqualTo(5);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static int CountOf(byte[] haystack, byte[] needle)
    {
        var count = 0;
        for (var i = haystack.AsSpan().IndexOf(needle); i >= 0; i = haystack.AsSpan(i + 1).IndexOf(needle) is var next and >= 0 ? i + 1 + next : -1)
        {
            count++;
        }

        return count;
    }
}
