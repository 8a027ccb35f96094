using System.Net;
using AxisEmulator.Client.Tests.Support;
using AxisEmulator.Testing;
using Microsoft.Extensions.Time.Testing;

namespace AxisEmulator.Client.Tests;

/// <summary>
/// The client's retries, polls and deadlines run on its <see cref="AxisEmulatorClient.WallClock"/>, so a
/// test drives them with a fake clock instead of waiting; the fixtures hand the same clock on.
/// </summary>
public class WallClockTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Waiting_for_a_request_reads_the_journal_once_per_interval_of_the_clients_wall_clock()
    {
        var wall = new TimerWatchingTimeProvider();
        var reads = 0;
        using var handler = new StubHandler(_ => StubHandler.Response(HttpStatusCode.OK, Journal(++reads < 3 ? [] : ["/axis-cgi/restart.cgi"]), "application/json"));
        using var client = handler.Client(wallClock: wall);
        var started = wall.GetUtcNow();

        var waiting = client.WaitForRequestAsync("cam-1", r => r.Path == "/axis-cgi/restart.cgi", interval: TimeSpan.FromSeconds(7));

        await wall.TimerCreated(Bound);
        wall.Advance(TimeSpan.FromSeconds(6.9));
        reads.Should().Be(1, "the next read waits for the whole interval");
        waiting.IsCompleted.Should().BeFalse();
        wall.Advance(TimeSpan.FromSeconds(0.1));
        await wall.TimerCreated(Bound);
        wall.Advance(TimeSpan.FromSeconds(7));

        (await waiting.WaitAsync(Bound)).Path.Should().Be("/axis-cgi/restart.cgi");
        reads.Should().Be(3);
        (wall.GetUtcNow() - started).Should().Be(TimeSpan.FromSeconds(14));
    }

    [Fact]
    public async Task Waiting_until_healthy_gives_each_try_its_timeout_of_the_clients_wall_clock()
    {
        var wall = new TimerWatchingTimeProvider();
        using var client = new AxisEmulatorClient(new HttpClient(new NeverAnswers()) { BaseAddress = new Uri("http://emulator.test:8080/") }, wallClock: wall);

        var waiting = client.WaitUntilHealthyAsync(attempts: 2, interval: TimeSpan.FromSeconds(1), attemptTimeout: TimeSpan.FromSeconds(2));

        await wall.TimerCreated(Bound); // the first try's timeout
        wall.Advance(TimeSpan.FromSeconds(2));
        await wall.TimerCreated(Bound); // the pause between tries
        wall.Advance(TimeSpan.FromSeconds(1));
        await wall.TimerCreated(Bound); // the second try's timeout
        wall.Advance(TimeSpan.FromSeconds(2));

        var act = () => waiting;
        (await act.Should().ThrowAsync<TimeoutException>()).Which.Message
            .Should().Contain("did not become healthy after 2 attempts 1000 ms apart").And.Contain("no answer within");
    }

    [Fact]
    public async Task The_in_process_fixture_hands_its_wall_clock_to_the_emulator_and_the_client()
    {
        var wall = new FakeTimeProvider();
        await using var emulator = await InProcessEmulatorFixture.StartAsync(new InProcessEmulatorOptions { WallClock = wall });

        emulator.Emulator.Clock.Wall.Should().BeSameAs(wall);
        emulator.Client.WallClock.Should().BeSameAs(wall);
    }

    [Fact]
    public void A_client_given_no_wall_clock_uses_the_systems()
    {
        using var client = new AxisEmulatorClient(new Uri("http://emulator.test:8080/"));

        client.WallClock.Should().BeSameAs(TimeProvider.System);
    }

    private static string Journal(string[] paths) =>
        $$"""{"deviceId":"cam-1","lastSequence":{{paths.Length}},"requests":[{{string.Join(",", paths.Select((p, i) => $$"""{"sequence":{{i + 1}},"time":"2026-01-01T00:00:00Z","method":"GET","path":"{{p}}","status":200}"""))}}]}""";

    /// <summary>A fake wall clock that says when the code under test has set a timer, so the test advances it only then.</summary>
    private sealed class TimerWatchingTimeProvider : FakeTimeProvider
    {
        private readonly SemaphoreSlim _created = new(0);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            _created.Release();
            return timer;
        }

        public async Task TimerCreated(TimeSpan bound)
        {
            if (!await _created.WaitAsync(bound))
            {
                throw new TimeoutException("The code under test set no timer on the wall clock.");
            }
        }
    }

    /// <summary>An emulator that accepts the request and never answers it.</summary>
    private sealed class NeverAnswers : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
