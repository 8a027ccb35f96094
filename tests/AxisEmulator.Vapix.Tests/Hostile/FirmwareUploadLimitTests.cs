using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using AxisEmulator.Core.Devices;
using AxisEmulator.Vapix.Hosting;
using AxisEmulator.Vapix.Tests.Server;
using Xunit.Abstractions;

namespace AxisEmulator.Vapix.Tests.Hostile;

/// <summary>
/// Firmware uploads at the edges (README, "Exposure"): a truncated multipart is the API's JSON 400, an
/// upload over the listener's body limit is Apache's 413 (at once for a <c>Content-Length</c>, on
/// crossing it for a chunked body), and a large upload within it is streamed: the process's memory
/// does not grow by the body's size. Over raw sockets with a Digest header answered ahead.
/// </summary>
public class FirmwareUploadLimitTests(ITestOutputHelper output)
{
    private const string Target = "/axis-cgi/firmwaremanagement.cgi";
    private const string Boundary = "hostileBoundary17";
    private const string UpgradeJson = """{"apiVersion":"1.0","method":"upgrade"}""";
    private const int MiB = 1024 * 1024;

    private static readonly byte[] Head = Encoding.ASCII.GetBytes(
        $"--{Boundary}\r\nContent-Disposition: form-data; name=\"json\"\r\nContent-Type: application/json\r\n\r\n{UpgradeJson}\r\n"
        + $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"firmware.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n");

    private static readonly byte[] Tail = Encoding.ASCII.GetBytes($"\r\n--{Boundary}--\r\n");

    [Theory]
    [InlineData("in the image")]
    [InlineData("in the json part")]
    public async Task A_truncated_upload_is_the_apis_bad_request_and_changes_nothing(string where)
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        var before = ServerHarness.StoredConfig(camera);
        byte[] whole = [.. Head, .. new byte[64 * 1024], .. Tail];
        var body = where == "in the image" ? whole[..(Head.Length + 1000)] : whole[..60];

        var answer = await SendAsync(h, camera, body.Length, chunked: false, stream => stream.WriteAsync(body).AsTask());

        answer.Should().NotBeNull();
        answer!.Status.Should().Be(200, answer.Body);
        answer.ContentType.Should().StartWith("application/json");
        JsonNode.Parse(answer.Body)!["error"]!["code"]!.GetValue<int>().Should().Be(400);
        ServerHarness.StoredConfig(camera).Should().Be(before);
        camera.Phase.Should().Be(DevicePhase.Ready);
        await StillServesAsync(h, camera);
    }

    /// <summary>
    /// A client that stops sending before its <c>Content-Length</c> is cut off by the body rate
    /// (mod_reqtimeout's <c>body=20,MinRate=500</c>; shrunk to two seconds here: Kestrel's timer, wall time).
    /// </summary>
    [Fact]
    public async Task An_upload_that_stalls_before_its_content_length_is_cut_off_and_changes_nothing()
    {
        var limits = DeviceServerLimits.Default with { MinRequestBodyDataRate = new(bytesPerSecond: 500, gracePeriod: TimeSpan.FromSeconds(2)) };
        await using var h = new ServerHarness(limits: limits);
        var camera = await h.ReadyDeviceAsync();
        var before = ServerHarness.StoredConfig(camera);
        byte[] part = [.. Head, .. new byte[1000]];
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();

        var answer = await SendAsync(h, camera, part.Length + (64 * 1024), chunked: false, stream => stream.WriteAsync(part).AsTask());

        stopwatch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30), "the stalled upload is cut, not waited for");
        if (answer is not null)
        {
            answer.Status.Should().BeOneOf([408, 400, 200], answer.Body);
        }

        ServerHarness.StoredConfig(camera).Should().Be(before);
        await StillServesAsync(h, camera);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_upload_over_the_body_limit_is_apaches_413_and_is_not_kept_in_memory(bool chunked)
    {
        var limits = DeviceServerLimits.Default with { MaxRequestBodyBytes = 8 * MiB };
        await using var h = new ServerHarness(limits: limits);
        var camera = await h.ReadyDeviceAsync();
        var before = ServerHarness.StoredConfig(camera);
        const long Image = 96L * MiB;

        var (answer, growth) = await MeasureAsync(() => SendAsync(h, camera, Head.Length + Image + Tail.Length, chunked, stream => WriteImageAsync(stream, Image, chunked)));

        output.WriteLine($"oversized upload (chunked: {chunked}): {Image / MiB} MiB against a {limits.MaxRequestBodyBytes / MiB} MiB limit, answered {answer?.Status}, working set grew by at most {growth / MiB} MiB");
        answer.Should().NotBeNull();
        answer!.Status.Should().Be(413, answer.Body);
        answer.ContentType.Should().Be("text/html; charset=iso-8859-1");
        answer.Body.Should().Contain("<title>413 Request Entity Too Large</title>").And.Contain("with POST requests");
        growth.Should().BeLessThan(Image / 2, "the refused body is not buffered");
        ServerHarness.StoredConfig(camera).Should().Be(before);
        await StillServesAsync(h, camera);
    }

    [Fact]
    public async Task A_large_upload_within_the_limit_is_streamed_not_buffered()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        var before = ServerHarness.StoredConfig(camera);
        const long Image = 160L * MiB;

        var (answer, growth) = await MeasureAsync(() => SendAsync(h, camera, Head.Length + Image + Tail.Length, chunked: false, stream => WriteImageAsync(stream, Image, chunked: false)));

        output.WriteLine($"large upload: {Image / MiB} MiB within the {DeviceServerLimits.Default.MaxRequestBodyBytes / MiB} MiB limit, answered {answer?.Status}, working set grew by at most {growth / MiB} MiB");
        answer.Should().NotBeNull();
        answer!.Status.Should().Be(200, answer.Body);
        JsonNode.Parse(answer.Body)!["error"]!["code"]!.GetValue<int>().Should().Be(421, "zeros are no image of this device");
        growth.Should().BeLessThan(Image / 2, "the upload is drained as it arrives");
        ServerHarness.StoredConfig(camera).Should().Be(before);
        await StillServesAsync(h, camera);
    }

    /// <summary>Runs <paramref name="send"/> while sampling the working set; the answer and the most it grew above where it started.</summary>
    private static async Task<(RawResponse? Answer, long Growth)> MeasureAsync(Func<Task<RawResponse?>> send)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var start = Environment.WorkingSet;
        var most = start;
        var sending = send();
        while (!sending.IsCompleted)
        {
            most = Math.Max(most, Environment.WorkingSet);
            await Task.WhenAny(sending, Task.Delay(10));
        }

        most = Math.Max(most, Environment.WorkingSet);
        return (await sending, most - start);
    }

    /// <summary>The image part: <paramref name="bytes"/> zeros from one reused buffer, then the closing boundary.</summary>
    private static async Task WriteImageAsync(Stream stream, long bytes, bool chunked)
    {
        await WriteFramedAsync(stream, Head, chunked);
        var block = new byte[MiB];
        for (var left = bytes; left > 0; left -= block.Length)
        {
            await WriteFramedAsync(stream, block.AsMemory(0, (int)Math.Min(block.Length, left)), chunked);
        }

        await WriteFramedAsync(stream, Tail, chunked);
        if (chunked)
        {
            await stream.WriteAsync("0\r\n\r\n"u8.ToArray());
        }
    }

    private static async Task WriteFramedAsync(Stream stream, ReadOnlyMemory<byte> data, bool chunked)
    {
        if (chunked)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"{data.Length:x}\r\n"));
        }

        await stream.WriteAsync(data);
        if (chunked)
        {
            await stream.WriteAsync("\r\n"u8.ToArray());
        }
    }

    /// <summary>One upload over a socket with a Digest header for the administrator; the body may be cut short by the server's answer (a broken pipe is expected then).</summary>
    private static async Task<RawResponse?> SendAsync(ServerHarness h, Device camera, long contentLength, bool chunked, Func<Stream, Task> writeBody)
    {
        var authorization = await h.DigestAsync(camera, "POST", Target);
        var endpoint = h.Endpoint(camera);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(endpoint.Host, endpoint.Port);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var head = $"POST {Target} HTTP/1.1\r\nHost: {endpoint.Authority}\r\nAuthorization: {authorization}\r\nConnection: close\r\n"
            + $"Content-Type: multipart/form-data; boundary={Boundary}\r\n"
            + (chunked ? "Transfer-Encoding: chunked\r\n" : $"Content-Length: {contentLength}\r\n") + "\r\n";
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await writeBody(stream);
        }
        catch (IOException)
        {
            // The server answered (413) and stopped reading; its answer is there to read.
        }

        using var received = new MemoryStream();
        try
        {
            await stream.CopyToAsync(received).WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (IOException)
        {
            // A reset after the answer.
        }

        return received.Length == 0 ? null : RawResponse.Parse(received.ToArray());
    }

    private static async Task StillServesAsync(ServerHarness h, Device camera)
    {
        using var client = h.Client(camera);
        using var response = await client.PostAsync(Target, ServerHarness.Json("""{"apiVersion":"1.0","method":"status"}"""));
        ((int)response.StatusCode).Should().Be(200);
        (await response.Content.ReadAsStringAsync()).Should().Contain("activeFirmwareVersion");
    }
}
