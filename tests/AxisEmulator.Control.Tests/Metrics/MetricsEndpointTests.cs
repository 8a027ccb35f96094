using System.Globalization;
using System.Text.RegularExpressions;
using AxisEmulator.Control.Metrics;
using AxisEmulator.Control.Tests.Api;
using AxisEmulator.Core.Chaos;
using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Fleet;
using AxisEmulator.Core.Power;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AxisEmulator.Control.Tests.Metrics;

/// <summary>The emulator's metrics at GET /metrics, on a TestServer with the control plane, in manual time.</summary>
[Collection(MetricsCollection.Name)]
public sealed partial class MetricsEndpointTests : IAsyncLifetime
{
    private Emulator _emulator = null!;
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _emulator = new Emulator(new EmulatorOptions { ClockMode = ClockMode.Manual, Seed = 3 }, ControlApiHost.Profiles);

        // Added before the metrics exist: its events count from the moment they do.
        _emulator.AddDevice("P3265-LVE", "early");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddAxisEmulatorControl(_emulator);
        _app = builder.Build();
        _app.MapControlApi();
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _emulator.Dispose();
    }

    [Fact]
    public async Task The_runtime_reports_its_own_gc_and_cpu_figures_only_when_asked()
    {
        (await ScrapeAsync()).Should().NotContain("dotnet_gc_", "the runtime's meter is opt-in");

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddAxisEmulatorControl(_emulator, options: new ControlOptions { RuntimeMetrics = true });
        await using var app = builder.Build();
        app.MapControlApi();
        await app.StartAsync();
        var text = await app.GetTestClient().GetStringAsync(MetricsExtensions.MetricsPath);
        await app.StopAsync();

        text.Should().Contain("# TYPE dotnet_gc_collections_total counter");
        text.Should().Contain("# TYPE dotnet_gc_pause_time_seconds_total counter");
        text.Should().MatchRegex(@"dotnet_process_cpu_time_seconds_total\{[^}]*cpu_mode=""user""[^}]*\} [0-9.e+-]+");
        text.Should().Contain("axis_emulator_devices", "beside the emulator's own figures");
    }

    [Fact]
    public async Task Devices_by_phase_are_a_gauge_read_at_each_scrape()
    {
        _emulator.AddDevice("P3265-LVE", "a");
        _emulator.AddDevice("M3086-V", "b");

        var idle = await ScrapeAsync();
        Value(idle, "axis_emulator_devices", ("phase", "off")).Should().Be(3);
        Value(idle, "axis_emulator_devices", ("phase", "ready")).Should().Be(0);
        idle.Should().Contain("# TYPE axis_emulator_devices gauge");

        PowerAllAndBoot();

        var ready = await ScrapeAsync();
        Value(ready, "axis_emulator_devices", ("phase", "ready")).Should().Be(3);
        Value(ready, "axis_emulator_devices", ("phase", "off")).Should().Be(0);
        Value(ready, "axis_emulator_devices", ("phase", "network-up")).Should().Be(0, "every phase is listed, with 0 when no device is in it");
    }

    [Fact]
    public async Task Boots_brownouts_factory_resets_and_ip_conflicts_are_counted_from_the_timelines()
    {
        _emulator.AddDevice("P3265-LVE", "a");
        PowerAllAndBoot();
        var before = await ScrapeAsync();
        Value(before, "axis_emulator_boots_total").Should().Be(2);
        Value(before, "axis_emulator_ip_conflicts_total").Should().Be(2, "without DHCP both fall back to 192.168.0.90 and each is flagged");
        before.Should().Contain("# TYPE axis_emulator_boots_total counter");

        Device("a").FactoryDefault(FactoryDefaultMode.Hard).Should().BeTrue();
        _emulator.Clock.Advance(TimeSpan.FromSeconds(200));

        // Class 1 (3.84 W at the device) cannot hold this camera: it browns out and the PSE retries.
        Device("early").PowerOn(new PoeSource(PoeStandard.Af, 1, 10));
        _emulator.Clock.Advance(TimeSpan.FromSeconds(1));

        var after = await ScrapeAsync();
        Value(after, "axis_emulator_boots_total").Should().BeGreaterThanOrEqualTo(3);
        Value(after, "axis_emulator_factory_resets_total", ("source", "network")).Should().Be(1);
        Value(after, "axis_emulator_brownouts_total").Should().BeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Vapix_requests_by_status_and_their_latency_come_from_the_http_entries()
    {
        var camera = Device("early");
        camera.RecordHttp("GET", "/axis-cgi/systemready.cgi", null, 200, 3.5);
        camera.RecordHttp("GET", "/axis-cgi/param.cgi", "root", 200, 12);
        camera.RecordHttp("GET", "/axis-cgi/param.cgi", null, 401, 0.8);
        camera.RecordHttp("GET", "/axis-cgi/nothing.cgi", null, 404);

        var text = await ScrapeAsync();

        Value(text, "axis_emulator_vapix_requests_total", ("status", "200")).Should().Be(2);
        Value(text, "axis_emulator_vapix_requests_total", ("status", "401")).Should().Be(1);
        Value(text, "axis_emulator_vapix_requests_total", ("status", "404")).Should().Be(1);
        text.Should().Contain("# TYPE axis_emulator_vapix_request_duration_milliseconds histogram");
        Value(text, "axis_emulator_vapix_request_duration_milliseconds_count").Should().Be(3, "the request without a time is counted but not timed");
        Value(text, "axis_emulator_vapix_request_duration_milliseconds_sum").Should().BeApproximately(16.3, 1e-9);
        Value(text, "axis_emulator_vapix_request_duration_milliseconds_bucket", ("le", "5")).Should().Be(2);
    }

    [Fact]
    public async Task Chaos_actions_are_counted_by_action()
    {
        PowerAllAndBoot();
        _emulator.Chaos.Start(new ChaosPlan(new ChaosOptions { Duration = TimeSpan.FromMinutes(5) }, 1,
        [
            new ChaosAction(TimeSpan.FromSeconds(1), "early", ChaosActionKind.NetworkLoss, 5),
            new ChaosAction(TimeSpan.FromSeconds(10), "early", ChaosActionKind.Reboot),
        ]));
        _emulator.Clock.Advance(TimeSpan.FromSeconds(20));

        var text = await ScrapeAsync();

        Value(text, "axis_emulator_chaos_actions_total", ("action", "network-loss")).Should().Be(1);
        Value(text, "axis_emulator_chaos_actions_total", ("action", "reboot")).Should().Be(1);
    }

    [Fact]
    public async Task A_removed_device_leaves_the_gauge_but_its_counts_stay()
    {
        PowerAllAndBoot();
        _emulator.RemoveDevice("early").Should().BeTrue();
        _emulator.Devices.Should().BeEmpty();

        var text = await ScrapeAsync();

        Value(text, "axis_emulator_devices", ("phase", "ready")).Should().Be(0);
        Value(text, "axis_emulator_boots_total").Should().Be(1);
    }

    [Fact]
    public async Task The_endpoint_needs_no_token_and_answers_in_the_prometheus_text_format()
    {
        using var response = await _client.GetAsync(new Uri(MetricsExtensions.MetricsPath, UriKind.Relative));

        response.IsSuccessStatusCode.Should().BeTrue();
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        var text = await response.Content.ReadAsStringAsync();
        text.Should().Contain("# HELP axis_emulator_devices Devices by boot phase.");
        text.Should().Contain("service_name=\"axis-emulator\"");
    }

    [Fact]
    public async Task Two_emulators_in_one_process_do_not_mix_their_figures()
    {
        using var other = new Emulator(new EmulatorOptions { ClockMode = ClockMode.Manual }, ControlApiHost.Profiles);
        using var otherMetrics = new EmulatorMetrics(other);
        other.AddDevice("P3265-LVE", "x");
        other.AddDevice("P3265-LVE", "y");

        var text = await ScrapeAsync();

        Value(text, "axis_emulator_devices", ("phase", "off")).Should().Be(1, "the other emulator's two devices are not this app's");
        Regex.Matches(text, "^axis_emulator_devices\\{[^}]*phase=\"off\"", RegexOptions.Multiline).Should().ContainSingle();
    }

    private Device Device(string id) => _emulator.TryGet(id, out var camera) ? camera! : throw new InvalidOperationException("no device " + id);

    private void PowerAllAndBoot()
    {
        foreach (var device in _emulator.Devices)
        {
            device.PowerOn(DefaultPowerSource.For(device.Profile));
        }

        _emulator.Clock.Advance(TimeSpan.FromSeconds(150));
    }

    private async Task<string> ScrapeAsync()
    {
        using var response = await _client.GetAsync(new Uri("/metrics", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue(text);
        return text;
    }

    /// <summary>The value of one sample: <c>name{labels…} value</c> whose labels include every one given.</summary>
    private static double Value(string text, string name, params (string Label, string Value)[] labels)
    {
        foreach (Match line in Sample().Matches(text))
        {
            if (line.Groups["name"].Value != name)
            {
                continue;
            }

            var found = line.Groups["labels"].Value;
            if (labels.All(l => found.Contains($"{l.Label}=\"{l.Value}\"", StringComparison.Ordinal)))
            {
                return double.Parse(line.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"no sample {name} with {string.Join(", ", labels.Select(l => $"{l.Label}={l.Value}"))} in:\n{text}");
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>\S+)( \d+)?$", RegexOptions.Multiline)]
    private static partial Regex Sample();
}

/// <summary>Metrics tests share a process-wide meter name; they run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "metrics";
}
