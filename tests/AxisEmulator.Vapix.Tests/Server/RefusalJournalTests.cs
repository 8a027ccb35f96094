using System.Net;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;
using AxisEmulator.Vapix.Tests.Auth;

namespace AxisEmulator.Vapix.Tests.Server;

/// <summary>
/// A refused request's journal entry says why (WireMock.Net's "why it did not match"): a tool that
/// gets 401 from the emulator can read whether it sent nothing, the wrong password, a stale nonce,
/// an unknown user or a user of too low a role.
/// </summary>
public class RefusalJournalTests
{
    private const string AdminOnly = "/axis-cgi/serverreport.cgi";
    private const string Viewer = WhoGetsInTests.Viewer;
    private const string Password = WhoGetsInTests.Password;

    public enum Caller
    {
        NoCredentials,
        WrongPassword,
        StaleNonce,
        UnknownUser,
        WrongRole,
        Admin,
    }

    [Theory]
    [InlineData(Caller.NoCredentials, "no-credentials", null)]
    [InlineData(Caller.WrongPassword, "wrong-password", null)]
    [InlineData(Caller.StaleNonce, "stale-nonce", null)]
    [InlineData(Caller.UnknownUser, "unknown-user", null)]
    [InlineData(Caller.WrongRole, "wrong-role", Viewer)]
    public async Task A_refused_request_is_journaled_with_why(Caller caller, string refusal, string? user)
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        ServerHarness.AddUser(camera, Viewer, Password, UserRole.Viewer);
        using var client = new HttpClient { BaseAddress = h.Endpoint(camera) };

        var (status, entry) = await SendAsync(h, camera, client, caller);

        status.Should().Be(HttpStatusCode.Unauthorized);
        entry.Event.Should().BeOfType<VapixRequestAnswered>().Which.Refusal.ToWireString().Should().Be(refusal);
        entry.Get<string>("refusal").Should().Be(refusal);
        entry.Get<int>("status").Should().Be(401);
        entry.Get<string>("user").Should().Be(user, "only valid credentials name their user; the refusal says the rest");
    }

    [Fact]
    public async Task An_accepted_request_has_no_refusal()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var client = new HttpClient { BaseAddress = h.Endpoint(camera) };

        var (status, entry) = await SendAsync(h, camera, client, Caller.Admin);

        status.Should().Be(HttpStatusCode.OK);
        entry.Data!.ContainsKey("refusal").Should().BeFalse();
        entry.Get<string>("user").Should().Be("root");
    }

    /// <summary>Sends <paramref name="caller"/>'s request to an administrator's CGI and returns the answer and its journal entry.</summary>
    private static async Task<(HttpStatusCode Status, TimelineEntry Entry)> SendAsync(ServerHarness h, Device camera, HttpClient client, Caller caller)
    {
        var authorization = caller switch
        {
            Caller.NoCredentials => null,
            Caller.WrongPassword => DigestClient.Answer(await WhoGetsInTests.ChallengeFrom(client), "root", "wrong", "GET", AdminOnly),
            Caller.UnknownUser => DigestClient.Answer(await WhoGetsInTests.ChallengeFrom(client), "nobody", "pass", "GET", AdminOnly),
            Caller.WrongRole => DigestClient.Answer(await WhoGetsInTests.ChallengeFrom(client), Viewer, Password, "GET", AdminOnly),
            Caller.StaleNonce => await StaleAnswerAsync(h, camera, client),
            _ => DigestClient.Answer(await WhoGetsInTests.ChallengeFrom(client), "root", "pass", "GET", AdminOnly),
        };

        // The entry is appended just after the answer is written: wait for it, not for a guess of time.
        var journaled = new TaskCompletionSource<TimelineEntry>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnAppended(TimelineEntry e)
        {
            if (e.Event is VapixRequestAnswered { Path: AdminOnly })
            {
                journaled.TrySetResult(e);
            }
        }

        camera.Timeline.Appended += OnAppended;
        try
        {
            using var response = await WhoGetsInTests.Send(client, "GET", AdminOnly, null, authorization);
            return (response.StatusCode, await journaled.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        }
        finally
        {
            camera.Timeline.Appended -= OnAppended;
        }
    }

    private static async Task<string> StaleAnswerAsync(ServerHarness h, Device camera, HttpClient client)
    {
        var old = await WhoGetsInTests.ChallengeFrom(client);
        await h.AdvanceAsync(camera, TimeSpan.FromSeconds(301));
        return DigestClient.Answer(old, "root", "pass", "GET", AdminOnly);
    }
}
