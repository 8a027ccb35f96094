using System.Net;
using AxisEmulator.LoadTest.Kill9;

namespace AxisEmulator.Tests;

/// <summary>The kill -9 run's client: a kill that lands on any of its requests leaves that write unacknowledged, never a failed run.</summary>
public sealed class KillNineWriterTests
{
    [Fact]
    public async Task A_kill_during_the_first_admin_of_a_camera_in_setup_mode_leaves_it_unacknowledged()
    {
        // Before the fix the setup-mode admin was created outside the writer's kill handling, so a
        // kill under that one request failed the whole thirty-kill run (seen in CI).
        var model = new CameraModel();
        var acknowledged = 0;
        using var http = new HttpClient(new KilledUnderRequest());
        var writer = new CameraWriter("d1", model, http, new Random(1), () => Task.FromResult<Uri?>(new Uri("http://127.0.0.1:1/")), () => acknowledged++);

        var run = () => writer.RunAsync(new Uri("http://127.0.0.1:1/"), needsAdmin: true, CancellationToken.None);

        await run.Should().NotThrowAsync();
        acknowledged.Should().Be(0);
        model.Lost(new Dictionary<string, string?>(StringComparer.Ordinal)).Should().BeEmpty("an unanswered admin may or may not be on disk");
        writer.InFlight.Should().BeTrue("the request died in flight");
    }

    private sealed class KilledUnderRequest : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.", new IOException("connection reset"));
    }
}
