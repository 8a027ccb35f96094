using System.Net;
using AxisEmulator.Client.Tests.Support;
using AxisEmulator.Contracts;

namespace AxisEmulator.Client.Tests;

/// <summary>Error answers become <see cref="AxisEmulatorApiException"/> with the problem's title, detail and status.</summary>
public class ClientErrorHandlingTests
{
    [Fact]
    public async Task A_not_found_problem_carries_its_title_detail_status_and_the_known_ids()
    {
        using var handler = StubHandler.Json(
            HttpStatusCode.NotFound,
            """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.5","title":"Not found","status":404,"detail":"No device 'nope'; known: cam-1, cam-2.","knownIds":["cam-1","cam-2"]}""",
            "application/problem+json");
        using var client = handler.Client();

        var act = () => client.GetDeviceAsync("nope");

        var error = (await act.Should().ThrowAsync<AxisEmulatorApiException>()).Which;
        error.Status.Should().Be(HttpStatusCode.NotFound);
        error.Title.Should().Be("Not found");
        error.Detail.Should().Be("No device 'nope'; known: cam-1, cam-2.");
        error.KnownIds.Should().Equal("cam-1", "cam-2");
        error.Method.Should().Be("GET");
        error.Path.Should().Be("/api/v1/devices/nope");
        error.Message.Should().Be("GET /api/v1/devices/nope failed: 404 Not found: No device 'nope'; known: cam-1, cam-2.");
    }

    [Fact]
    public async Task A_validation_problem_carries_its_field_errors_by_JSON_path()
    {
        using var handler = StubHandler.Json(
            HttpStatusCode.BadRequest,
            """{"title":"Invalid request","status":400,"detail":"$.source.volts is required for a passive injector, e.g. 24.","errors":{"$.source.volts":["$.source.volts is required for a passive injector, e.g. 24."]}}""",
            "application/problem+json");
        using var client = handler.Client();

        var act = () => client.PowerOnAsync("cam-1", new PowerSource(PowerSourceKind.Passive));

        var error = (await act.Should().ThrowAsync<AxisEmulatorApiException>()).Which;
        error.Status.Should().Be(HttpStatusCode.BadRequest);
        error.Title.Should().Be("Invalid request");
        error.Errors.Should().ContainKey("$.source.volts").WhoseValue.Should().ContainSingle().Which.Should().Contain("passive injector");
        error.Message.Should().StartWith("PUT /api/v1/devices/cam-1/power failed: 400 Invalid request: $.source.volts is required");
    }

    [Fact]
    public async Task The_status_in_the_problem_wins_over_the_HTTP_status_and_a_title_alone_is_enough()
    {
        using var handler = StubHandler.Json(HttpStatusCode.InternalServerError, """{"title":"Service unavailable","status":503}""", "application/problem+json");
        using var client = handler.Client();

        var error = (await ((Func<Task>)(() => client.GetClockAsync())).Should().ThrowAsync<AxisEmulatorApiException>()).Which;

        error.Status.Should().Be(HttpStatusCode.ServiceUnavailable);
        error.Title.Should().Be("Service unavailable");
        error.Detail.Should().BeNull();
        error.Message.Should().Be("GET /api/v1/clock failed: 503 Service unavailable");
    }

    [Fact]
    public async Task An_answer_that_is_not_a_problem_keeps_the_reason_phrase_and_shows_the_body()
    {
        using var handler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.BadGateway)
        {
            ReasonPhrase = "Bad Gateway",
            Content = new StringContent("<html><body>upstream is down</body></html>", System.Text.Encoding.UTF8, "text/html"),
        });
        using var client = handler.Client();

        var error = (await ((Func<Task>)(() => client.GetProfilesAsync())).Should().ThrowAsync<AxisEmulatorApiException>()).Which;

        error.Status.Should().Be(HttpStatusCode.BadGateway);
        error.Title.Should().Be("Bad Gateway");
        error.Detail.Should().BeNull();
        error.Body.Should().Contain("upstream is down");
        error.Message.Should().Be("GET /api/v1/profiles failed: 502 Bad Gateway: <html><body>upstream is down</body></html>");
    }

    [Fact]
    public async Task An_empty_error_answer_still_says_the_status()
    {
        using var handler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.Unauthorized) { ReasonPhrase = "Unauthorized" });
        using var client = handler.Client();

        var error = (await ((Func<Task>)(() => client.GetDevicesAsync())).Should().ThrowAsync<AxisEmulatorApiException>()).Which;

        error.Status.Should().Be(HttpStatusCode.Unauthorized);
        error.Message.Should().Be("GET /api/v1/devices failed: 401 Unauthorized");
    }

    [Fact]
    public async Task A_success_that_is_not_the_expected_JSON_is_reported_as_such()
    {
        using var handler = StubHandler.Json(HttpStatusCode.OK, "<html>a dashboard</html>", "text/html");
        using var client = handler.Client();

        var error = (await ((Func<Task>)(() => client.GetClockAsync())).Should().ThrowAsync<AxisEmulatorApiException>()).Which;

        error.Message.Should().Contain("GET /api/v1/clock answered 200 with JSON that is not a ClockState").And.Contain("an Axis emulator control API?");
        error.InnerException.Should().BeOfType<System.Text.Json.JsonException>();
    }

    [Fact]
    public async Task A_bearer_token_goes_with_every_request()
    {
        using var handler = StubHandler.Json(HttpStatusCode.OK, """{"status":"healthy"}""");
        using var client = handler.Client(token: "s3cret");

        await client.GetHealthAsync();
        await ((Func<Task>)(() => client.GetDevicesAsync())).Should().ThrowAsync<AxisEmulatorApiException>("a health answer is not a device list");

        handler.Requests.Select(r => r.Authorization).Should().Equal("Bearer s3cret", "Bearer s3cret");
    }

    [Fact]
    public async Task Without_a_token_no_authorization_header_is_sent()
    {
        using var handler = StubHandler.Json(HttpStatusCode.OK, """{"status":"healthy"}""");
        using var client = handler.Client();

        await client.GetHealthAsync();

        handler.Requests.Should().ContainSingle().Which.Authorization.Should().BeNull();
    }

    [Fact]
    public async Task A_base_address_with_a_path_prefix_keeps_it_and_ids_are_escaped()
    {
        using var handler = StubHandler.Json(HttpStatusCode.NoContent, "");
        using var client = handler.Client("http://proxy.test/emulator");

        await client.DeleteDeviceAsync("lobby cam/1", deleteState: true);

        handler.Requests.Should().ContainSingle().Which.Uri.AbsoluteUri.Should().Be("http://proxy.test/emulator/api/v1/devices/lobby%20cam%2F1?deleteState=true");
    }

    [Fact]
    public async Task Request_bodies_are_camel_case_with_kebab_case_values_and_no_nulls()
    {
        using var handler = new StubHandler(request => request.RequestUri!.AbsolutePath.EndsWith("/button", StringComparison.Ordinal)
            ? StubHandler.Response(HttpStatusCode.Accepted, "{}", "application/json")
            : StubHandler.Response(HttpStatusCode.OK, "{}", "application/json"));
        using var client = handler.Client();

        await client.PowerOnAsync("cam-1", PowerSource.Poe(pseClass: 3, standard: "802.3af", cableMeters: 100, cableCategory: "cat5e"));
        await client.HoldButtonAsync("cam-1", TimeSpan.FromSeconds(20));
        await client.SetFaultsAsync("cam-1", new DeviceFaults { Button = ButtonFault.Mushy(0.5, 120) });
        await client.SetClockModeAsync(ClockMode.Scaled, 10);
        await client.AdvanceUntilIdleAsync(TimeSpan.FromMinutes(10));
        await client.CreateDeviceAsync(id: "lobby", profile: "P3265-LVE", powerOn: true);

        handler.Requests.Select(r => r.Body).Should().Equal(
            """{"on":true,"source":{"kind":"poe","standard":"802.3af","pseClass":3,"cableMeters":100,"cableCategory":"cat5e"}}""",
            """{"action":"hold","seconds":20}""",
            """{"button":{"condition":"mushy","dropoutsPerSecond":0.5,"dropoutMs":120}}""",
            """{"mode":"scaled","scale":10}""",
            """{"untilIdle":true,"maxSeconds":600}""",
            """{"profile":"P3265-LVE","id":"lobby","power":{"on":true}}""");
    }

    [Theory]
    [InlineData(15.0)]
    [InlineData(0.3)]
    [InlineData(0.05)]
    [InlineData(22.7)]
    [InlineData(3599.9999999)]
    public void Seconds_on_the_wire_turn_back_into_exactly_the_same_ticks(double seconds)
    {
        var duration = TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));

        var wire = AxisEmulatorClient.ToWireSeconds(duration);

        // What the emulator does with them: TimeSpan.FromSeconds(double) keeps whole ticks.
        TimeSpan.FromSeconds(wire).Should().Be(duration);
    }
}
