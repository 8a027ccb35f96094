using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AxisEmulator.Control.Api;
using AxisEmulator.Control.Tests.Api;
using AxisEmulator.Core.Chaos;
using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Events;
using AxisEmulator.Core.Fleet;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AxisEmulator.Control.Tests.Chaos;

/// <summary>/api/v1/chaos on a TestServer, mapped on the /api/v1 group as the control plane maps its own.</summary>
public sealed class ChaosApiTests : IAsyncLifetime
{
    private const string Busy = """{"seed":42,"duration":"2h","brownoutsPerHour":3,"rebootsPerHour":5,"mushyButtonFraction":0.2,"brickedFraction":0.1,"networkLossesPerHour":4,"networkLossSeconds":20}""";

    private Emulator _emulator = null!;
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync() => StartAsync(null);

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _emulator.Dispose();
    }

    [Fact]
    public async Task Without_a_plan_get_is_a_404_problem()
    {
        var problem = await ExpectProblemAsync(HttpMethod.Get, "/api/v1/chaos", null, StatusCodes.Status404NotFound);

        problem["detail"]!.GetValue<string>().Should().Contain("POST /api/v1/chaos starts one");
    }

    [Fact]
    public async Task Post_draws_the_plan_over_the_devices_schedules_it_and_returns_it()
    {
        AddReadyDevices(10);

        using var response = await SendAsync(HttpMethod.Post, "/api/v1/chaos", Busy);
        var state = await ControlApiHost.ExpectJsonAsync(response, StatusCodes.Status201Created);

        response.Headers.Location!.OriginalString.Should().Be("/api/v1/chaos");
        state["options"]!["seed"]!.GetValue<int>().Should().Be(42);
        state["options"]!["duration"]!.GetValue<string>().Should().Be("2h");
        state["deviceCount"]!.GetValue<int>().Should().Be(10);
        state["applied"]!.GetValue<int>().Should().Be(0);
        state["startedAt"]!.GetValue<DateTimeOffset>().Should().Be(_emulator.Clock.GetUtcNow());
        state["endsAt"]!.GetValue<DateTimeOffset>().Should().Be(_emulator.Clock.GetUtcNow().AddHours(2));

        var expected = ChaosPlan.Generate(
            new ChaosOptions { Seed = 42, Duration = TimeSpan.FromHours(2), BrownoutsPerHour = 3, RebootsPerHour = 5, MushyButtonFraction = 0.2, BrickedFraction = 0.1, NetworkLossesPerHour = 4, NetworkLossSeconds = 20 },
            [.. _emulator.Devices.Select(d => d.Id)]);
        state["text"]!.GetValue<string>().Should().Be(expected.ToText());
        var actions = state["actions"]!.AsArray();
        actions.Should().HaveCount(expected.Actions.Count);
        state["pending"]!.GetValue<int>().Should().Be(expected.Actions.Count);
        var first = actions[0]!;
        first["deviceId"]!.GetValue<string>().Should().Be(expected.Actions[0].DeviceId);
        first["action"]!.GetValue<string>().Should().Be(expected.Actions[0].Kind.ToWireString());
        first["offsetSeconds"]!.GetValue<double>().Should().Be(expected.Actions[0].At.TotalSeconds);
        first["done"]!.GetValue<bool>().Should().BeFalse();
        actions.Where(a => a!["action"]!.GetValue<string>() == "network-loss").Should().OnlyContain(a => a!["seconds"]!.GetValue<double>() == 20);
        actions.Where(a => a!["action"]!.GetValue<string>() == "reboot").Should().OnlyContain(a => a!["seconds"] == null);

        (await GetAsync("/api/v1/chaos"))["text"]!.GetValue<string>().Should().Be(expected.ToText());
    }

    [Fact]
    public async Task The_plan_runs_on_the_simulation_clock()
    {
        AddReadyDevices(5);
        await ExpectJsonAsync(HttpMethod.Post, "/api/v1/chaos", """{"duration":"30m","rebootsPerHour":20,"networkLossesPerHour":10}""", StatusCodes.Status201Created);

        _emulator.Clock.Advance(TimeSpan.FromMinutes(31));

        var state = await GetAsync("/api/v1/chaos");
        var total = state["actions"]!.AsArray().Count;
        total.Should().BeGreaterThan(0);
        state["applied"]!.GetValue<int>().Should().Be(total);
        state["pending"]!.GetValue<int>().Should().Be(0);
        state["actions"]!.AsArray().Should().OnlyContain(a => a!["done"]!.GetValue<bool>());
        _emulator.Devices.SelectMany(d => d.Timeline.Since(0)).Count(e => e.Event is ChaosApplied).Should().Be(total);
    }

    [Fact]
    public async Task The_seed_defaults_to_the_emulators_and_the_same_request_gives_the_same_plan()
    {
        AddReadyDevices(8);

        var first = await ExpectJsonAsync(HttpMethod.Post, "/api/v1/chaos", """{"rebootsPerHour":30}""", StatusCodes.Status201Created);
        _emulator.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await ExpectJsonAsync(HttpMethod.Post, "/api/v1/chaos", """{"rebootsPerHour":30}""", StatusCodes.Status201Created);

        first["options"]!["seed"]!.GetValue<int>().Should().Be(7, "the host's emulator seed");
        second["actions"]!.ToJsonString().Should().NotBe(first["actions"]!.ToJsonString(), "the second plan starts later");
        second["text"]!.GetValue<string>().Should().Be(first["text"]!.GetValue<string>(), "the offsets, devices and actions are the same");
    }

    [Fact]
    public async Task A_new_plan_replaces_the_one_in_progress()
    {
        AddReadyDevices(3);
        await ExpectJsonAsync(HttpMethod.Post, "/api/v1/chaos", """{"seed":1,"brickedFraction":1,"duration":"1h"}""", StatusCodes.Status201Created);
        var firstRun = _emulator.Chaos.Current!;

        await ExpectJsonAsync(HttpMethod.Post, "/api/v1/chaos", """{"seed":2,"rebootsPerHour":1}""", StatusCodes.Status201Created);

        firstRun.IsCancelled.Should().BeTrue();
        (await GetAsync("/api/v1/chaos"))["options"]!["seed"]!.GetValue<int>().Should().Be(2);
        _emulator.Clock.Advance(TimeSpan.FromHours(1));
        _emulator.Devices.Should().NotContain(d => d.Phase == Core.Devices.DevicePhase.Bricked);
    }

    [Fact]
    public async Task Delete_stops_the_plan()
    {
        AddReadyDevices(2);
        await ExpectJsonAsync(HttpMethod.Post, "/api/v1/chaos", """{"rebootsPerHour":60}""", StatusCodes.Status201Created);

        using (var deleted = await SendAsync(HttpMethod.Delete, "/api/v1/chaos", null))
        {
            deleted.StatusCode.Should().Be(HttpStatusCode.NoContent);
        }

        await ExpectProblemAsync(HttpMethod.Get, "/api/v1/chaos", null, StatusCodes.Status404NotFound);
        await ExpectProblemAsync(HttpMethod.Delete, "/api/v1/chaos", null, StatusCodes.Status404NotFound);
        _emulator.Clock.Advance(TimeSpan.FromHours(1));
        _emulator.Devices.SelectMany(d => d.Timeline.Since(0)).Should().NotContain(e => e.Event is ChaosApplied);
    }

    [Fact]
    public async Task A_subset_of_devices_can_be_named_in_order()
    {
        AddReadyDevices(4);

        var state = await ExpectJsonAsync(HttpMethod.Post, "/api/v1/chaos", """{"brickedFraction":1,"devices":["cam-3","cam-1"]}""", StatusCodes.Status201Created);

        state["deviceCount"]!.GetValue<int>().Should().Be(2);
        state["actions"]!.AsArray().Select(a => a!["deviceId"]!.GetValue<string>()).Should().BeEquivalentTo("cam-1", "cam-3");
    }

    public static TheoryData<string, string, string> BadRequests() => new()
    {
        { """{"duration":"forever"}""", "$.duration", "'forever' is not a duration" },
        { """{"duration":"0s"}""", "$.duration", "duration must be at least 1s" },
        { """{"brickedFraction":2}""", "$.brickedFraction", "brickedFraction must be between 0 and 1" },
        { """{"rebootsPerHour":-1}""", "$.rebootsPerHour", "rebootsPerHour must be 0 or more" },
        { """{"networkLossSeconds":0}""", "$.networkLossSeconds", "networkLossSeconds must be greater than 0" },
        { """{"duration":"30d","rebootsPerHour":100000}""", "$", "at most 1000000 are allowed" },
        { """{"devices":["cam-1","nope"]}""", "$.devices[1]", "no device 'nope'" },
        { """{"devices":["cam-1","cam-1"]}""", "$.devices", "lists a device twice" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_options_are_400_problems_naming_the_field(string body, string path, string message)
    {
        AddReadyDevices(2);

        var problem = await ExpectProblemAsync(HttpMethod.Post, "/api/v1/chaos", body, StatusCodes.Status400BadRequest);

        problem["errors"]![path]!.AsArray().Select(m => m!.GetValue<string>()).Should().Contain(m => m.Contains(message, StringComparison.Ordinal));
        _emulator.Chaos.Current.Should().BeNull();
    }

    [Theory]
    [InlineData("""{"seed":"x"}""", "$.seed must be a whole number")]
    [InlineData("""{"duration":3600}""", "$.duration must be a string")]
    [InlineData("""{"rebootsPerHour":1,"chaos":true}""", "unknown property 'chaos'")]
    [InlineData("", "needs a JSON body")]
    [InlineData("[1]", "must be a JSON object")]
    public async Task Malformed_bodies_are_400_problems(string body, string detail)
    {
        AddReadyDevices(1);

        var problem = await ExpectProblemAsync(HttpMethod.Post, "/api/v1/chaos", body, StatusCodes.Status400BadRequest);

        problem["detail"]!.GetValue<string>().Should().Contain(detail);
    }

    [Fact]
    public async Task Without_devices_there_is_nothing_to_put_chaos_on()
    {
        var problem = await ExpectProblemAsync(HttpMethod.Post, "/api/v1/chaos", """{"rebootsPerHour":1}""", StatusCodes.Status409Conflict);

        problem["detail"]!.GetValue<string>().Should().Contain("no devices");
    }

    [Fact]
    public async Task The_control_planes_token_guards_it()
    {
        await DisposeAsync();
        await StartAsync(new ControlOptions { BearerToken = "s3cret" });

        await ExpectProblemAsync(HttpMethod.Get, "/api/v1/chaos", null, StatusCodes.Status401Unauthorized);
        _client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "s3cret");
        await ExpectProblemAsync(HttpMethod.Get, "/api/v1/chaos", null, StatusCodes.Status404NotFound);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_chaos_endpoints()
    {
        var document = await GetAsync("/openapi/v1.json");

        var chaos = document["paths"]!["/api/v1/chaos"]!;
        chaos["get"]!["operationId"]!.GetValue<string>().Should().Be("GetChaos");
        chaos["post"]!["operationId"]!.GetValue<string>().Should().Be("StartChaos");
        chaos["delete"]!["operationId"]!.GetValue<string>().Should().Be("StopChaos");
        chaos["post"]!["requestBody"]!["content"]!["application/json"].Should().NotBeNull();
        document["components"]!["schemas"]!["ChaosRequest"]!["properties"]!["duration"].Should().NotBeNull();
    }

    private async Task StartAsync(ControlOptions? options)
    {
        _emulator = new Emulator(new EmulatorOptions { ClockMode = ClockMode.Manual, Seed = 7 }, ControlApiHost.Profiles);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddAxisEmulatorControl(_emulator, options: options);
        _app = builder.Build();
        _app.MapControlApi();
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    private void AddReadyDevices(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var camera = _emulator.AddDevice("P3265-LVE");
            camera.PowerOn(Core.Power.DefaultPowerSource.For(camera.Profile));
        }

        _emulator.Clock.Advance(TimeSpan.FromSeconds(120));
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json) =>
        _client.SendAsync(new HttpRequestMessage(method, path)
        {
            Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"),
        });

    private async Task<JsonNode> GetAsync(string path)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
        return await ControlApiHost.ExpectJsonAsync(response, StatusCodes.Status200OK);
    }

    private async Task<JsonNode> ExpectJsonAsync(HttpMethod method, string path, string json, int status)
    {
        using var response = await SendAsync(method, path, json);
        return await ControlApiHost.ExpectJsonAsync(response, status);
    }

    private async Task<JsonNode> ExpectProblemAsync(HttpMethod method, string path, string? json, int status)
    {
        using var response = await SendAsync(method, path, json);
        return await ControlApiHost.ExpectProblemAsync(response, status);
    }
}
