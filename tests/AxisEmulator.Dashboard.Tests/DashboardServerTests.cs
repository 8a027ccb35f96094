using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AxisEmulator.Control.Dashboard;
using AxisEmulator.Core.Clock;

namespace AxisEmulator.Dashboard.Tests;

/// <summary>What the server side of the dashboard answers, without a browser: assets and presenter mode.</summary>
public sealed partial class DashboardServerTests : IAsyncLifetime
{
    private DashboardHost _host = null!;

    public async Task InitializeAsync() => _host = await DashboardHost.StartAsync(ClockMode.Manual);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_page_is_served_at_the_root_with_a_content_security_policy()
    {
        using var response = await _host.Client.GetAsync("/");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().Should().Be("text/html; charset=utf-8");
        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("default-src 'self'");
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("<script type=\"module\" src=\"/dashboard/js/app.js\">");
        html.Should().NotContain("http://").And.NotContain("https://", "the dashboard works offline: nothing from a CDN");
    }

    [Fact]
    public void Every_file_the_page_and_its_modules_refer_to_is_embedded()
    {
        var files = DashboardAssets.Files;
        files.Keys.Should().Contain(["index.html", "dashboard.css", "favicon.svg", "js/app.js"]);
        var html = System.Text.Encoding.UTF8.GetString(files["index.html"].Content);
        foreach (Match link in AssetLink().Matches(html))
        {
            files.Should().ContainKey(link.Groups[1].Value, "index.html refers to /dashboard/{0}", link.Groups[1].Value);
        }

        foreach (var module in files.Keys.Where(k => k.EndsWith(".js", StringComparison.Ordinal)))
        {
            // The SVG namespace is a name, not an address anything is loaded from.
            var text = System.Text.Encoding.UTF8.GetString(files[module].Content).Replace("\"http://www.w3.org/2000/svg\"", "", StringComparison.Ordinal);
            text.Should().NotContain("http://").And.NotContain("https://", "{0} loads nothing from outside", module);
            foreach (Match import in ModuleImport().Matches(text))
            {
                files.Should().ContainKey("js/" + import.Groups[1].Value, "{0} imports ./{1}", module, import.Groups[1].Value);
            }
        }
    }

    [Fact]
    public async Task Assets_have_their_media_types_and_entity_tags()
    {
        using var script = await _host.Client.GetAsync("/dashboard/js/app.js");
        script.StatusCode.Should().Be(HttpStatusCode.OK);
        script.Content.Headers.ContentType!.MediaType.Should().Be("text/javascript");
        var etag = script.Headers.ETag!;

        using var again = new HttpRequestMessage(HttpMethod.Get, "/dashboard/js/app.js");
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await _host.Client.SendAsync(again);
        notModified.StatusCode.Should().Be(HttpStatusCode.NotModified);

        using var css = await _host.Client.GetAsync("/dashboard/dashboard.css");
        css.Content.Headers.ContentType!.MediaType.Should().Be("text/css");

        using var missing = await _host.Client.GetAsync("/dashboard/js/nope.js");
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        missing.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task The_shipped_scenarios_are_listed_with_their_captions()
    {
        var list = await _host.GetAsync("api/v1/scenarios");
        var scenarios = list["scenarios"]!.AsArray();
        var shipped = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "scenarios"), "*.yaml").Select(Path.GetFileName).ToList();
        scenarios.Select(s => s!["file"]!.GetValue<string>()).Should().BeEquivalentTo(shipped);
        scenarios.Should().OnlyContain(s => s!["valid"]!.GetValue<bool>());
        var reset = scenarios.Single(s => s!["file"]!.GetValue<string>() == "factory-reset-button.yaml")!;
        reset["name"]!.GetValue<string>().Should().Be("Factory reset with the control button");
        reset["description"]!.GetValue<string>().Should().StartWith("The documented procedure");
        reset["profile"]!.GetValue<string>().Should().Be("P3265-LVE");
        reset["captions"]!.AsArray().Select(c => c!.GetValue<string>()).Should().HaveCount(5).And.Contain("The status LED flashes amber: release the button now.");
    }

    [Theory]
    [InlineData("""{"scale":4}""", 400, "$.file")]
    [InlineData("""{"file":"nope.yaml"}""", 404, "nope.yaml")]
    [InlineData("""{"file":"factory-reset-button.yaml","scale":0}""", 400, "$.scale")]
    [InlineData("""{"file":"factory-reset-button.yaml","captionPauseSeconds":99}""", 400, "$.captionPauseSeconds")]
    [InlineData("""{"file":"factory-reset-button.yaml","devices":["ghost"]}""", 400, "ghost")]
    [InlineData("""{"file":"factory-reset-button.yaml","fleet":true}""", 400, "fleet is empty")]
    [InlineData("""{"file":"factory-reset-button.yaml","colour":"red"}""", 400, "colour")]
    public async Task A_bad_play_request_is_a_problem_that_says_what_is_wrong(string body, int status, string mentions)
    {
        using var response = await _host.PostJsonAsync("api/v1/scenarios/play", body);
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).Should().Be(status, text);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        text.Should().Contain(mentions);
        (await _host.GetAsync("api/v1/scenarios/play"))["outcome"]!.GetValue<string>().Should().Be("idle");
    }

    [Fact]
    public async Task A_play_on_an_existing_device_runs_in_scaled_time_and_can_be_stopped_with_the_clock_put_back()
    {
        await _host.AddAsync("cam-1");
        using var response = await _host.PostJsonAsync("api/v1/scenarios/play", """{"file":"factory-reset-button.yaml","devices":["cam-1"],"scale":2,"captionPauseSeconds":0}""");
        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var started = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        started["playing"]!.GetValue<bool>().Should().BeTrue();
        started["devices"]!.AsArray().Select(d => d!.GetValue<string>()).Should().Equal("cam-1");
        (await _host.GetAsync("api/v1/clock"))["mode"]!.GetValue<string>().Should().Be("scaled");

        // The first steps power the camera and wait for it in scaled time: it boots on its own.
        for (var i = 0; i < 100 && _host.Device("cam-1").Phase == Core.Devices.DevicePhase.Off; i++)
        {
            await Task.Delay(20);
        }

        _host.Device("cam-1").Phase.Should().NotBe(Core.Devices.DevicePhase.Off);
        var state = await _host.GetAsync("api/v1/scenarios/play");
        state["caption"]!.GetValue<string>().Should().Be("The camera is installed and configured.");
        state["stepIndex"]!.GetValue<int>().Should().BeGreaterThan(1);

        using var stop = await _host.Client.DeleteAsync("api/v1/scenarios/play");
        var stopped = JsonNode.Parse(await stop.Content.ReadAsStringAsync())!;
        stopped["outcome"]!.GetValue<string>().Should().Be("stopped");
        stopped["playing"]!.GetValue<bool>().Should().BeFalse();
        (await _host.GetAsync("api/v1/clock"))["mode"]!.GetValue<string>().Should().Be("manual");
    }

    [GeneratedRegex("""(?:src|href)="/dashboard/([^"]+)""")]
    private static partial Regex AssetLink();

    [GeneratedRegex("""from "\./([^"]+)";""")]
    private static partial Regex ModuleImport();
}
