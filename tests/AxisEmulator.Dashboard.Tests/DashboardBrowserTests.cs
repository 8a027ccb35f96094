using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AxisEmulator.Core.Clock;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AxisEmulator.Dashboard.Tests;

/// <summary>
/// The dashboard in Debian's chromium against a real control server in manual time: the button reset
/// procedure, a brown-out from a long cable, a bricked unit, the timeline, presenter mode. Each state
/// is saved as a screenshot under test-output/screenshots/.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private DashboardHost _host = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _host = await DashboardHost.StartAsync(ClockMode.Manual);
        _page = await browser.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await _page.Context.CloseAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Holding_the_button_through_the_window_flashes_amber_and_releasing_resets_the_camera()
    {
        var camera = await _host.AddAsync("lobby", "P3265-LVE", """{"on":true}""");
        DashboardHost.AddAdmin(camera);
        await _host.AdvanceUntilIdleAsync();
        await OpenAsync("lobby");
        await Expect(Phase).ToHaveAttributeAsync("data-phase", "ready");
        await Expect(_page.Locator("#device-setup")).ToBeHiddenAsync();
        await ShotAsync("01-ready");

        // Press and keep holding: the dashboard power-cycles the camera, so the boot loader sees the button.
        await HoldButtonDownAsync();
        await Expect(_page.GetByTestId("hold-button")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(Phase).ToHaveAttributeAsync("data-phase", "bootloader");
        await Expect(StatusLed).ToHaveAttributeAsync("data-pattern", "steady");
        await Expect(StatusLed).ToHaveAttributeAsync("data-color", "amber");

        // 16 s of simulated time later the window (15–30 s) is open: the status LED flashes amber at the profile's rate.
        await _host.AdvanceAsync(16);
        await Expect(Phase).ToHaveAttributeAsync("data-phase", "reset-armed");
        await Expect(StatusLed).ToHaveAttributeAsync("data-pattern", "flashing");
        await Expect(StatusLed).ToHaveAttributeAsync("data-color", "amber");
        await Expect(StatusLed).ToHaveAttributeAsync("data-hz", "1");
        await Expect(_page.GetByTestId("hold-outcome")).ToHaveAttributeAsync("data-outcome", "factory-reset");
        await Expect(_page.Locator("#hold-elapsed")).ToHaveTextAsync("16.0 s");
        await Expect(_page.Locator("[data-testid='card-lobby'] .led[data-led='status']")).ToHaveAttributeAsync("data-pattern", "flashing");
        await ShotAsync("02-hold-flashing-amber");

        // Let go, then run the reset and the reboot with the dashboard's own "Until idle" button.
        await _page.Mouse.UpAsync();
        await Expect(_page.GetByTestId("hold-button")).ToHaveAttributeAsync("aria-pressed", "false");
        await WaitForAsync(() => !camera.Snapshot().Button.Held, "the release to reach the camera");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Until idle" }).ClickAsync();
        await Expect(Phase).ToHaveAttributeAsync("data-phase", "ready");
        await Expect(_page.Locator("#device-setup")).ToBeVisibleAsync();
        await Expect(_page.GetByTestId("hold-outcome")).ToHaveAttributeAsync("data-outcome", "factory-reset");
        await Expect(_page.GetByTestId("hold-outcome")).ToContainTextAsync("factory reset");
        camera.Snapshot().Firmware.NeedsSetup.Should().BeTrue();
        await ShotAsync("03-reset-complete");

        // The timeline, zoomed to fit, shows every entry of the device's timeline.
        await _page.GetByRole(AriaRole.Button, new() { Name = "Fit all" }).ClickAsync();
        var timeline = await _host.GetAsync("api/v1/devices/lobby/timeline");
        var expected = timeline["entries"]!.AsArray().Select(e => e!["sequence"]!.GetValue<long>().ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        expected.Should().HaveCountGreaterThan(30);
        await Expect(_page.Locator("[data-testid='timeline'] [data-seq]")).ToHaveCountAsync(expected.Count);
        var shown = await _page.Locator("[data-testid='timeline'] [data-seq]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.seq)");
        shown.Should().BeEquivalentTo(expected);
        foreach (var (kind, @event) in new[] { ("button", "press"), ("button", "release"), ("boot", "reset-window-open"), ("boot", "reset-release"), ("boot", "factory-reset"), ("phase", "phase-changed"), ("led", "led-changed"), ("power", "power-off") })
        {
            (await _page.Locator($"[data-testid='timeline'] [data-kind='{kind}'][data-event='{@event}']").CountAsync()).Should().BeGreaterThan(0, "the timeline shows {0} {1}", kind, @event);
        }

        await _page.Locator(".timeline-panel").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "04-timeline.png") });
    }

    [Fact]
    public async Task Dragging_the_cable_slider_lengthens_the_cable_until_the_camera_browns_out()
    {
        await _host.AddAsync("yard", "Q1656-LE", """{"on":true,"source":{"kind":"poe","standard":"802.3at","pseClass":4,"cableMeters":30,"cableCategory":"cat5e"}}""");
        await _host.AdvanceUntilIdleAsync();
        await OpenAsync("yard");
        await Expect(Phase).ToHaveAttributeAsync("data-phase", "ready");
        await Expect(PowerStatus).ToHaveAttributeAsync("data-status", "ok");
        var slider = _page.GetByTestId("cable-slider");
        await Expect(slider).ToHaveValueAsync("30");

        // Grab the thumb at 30 m and drag it to the end of the track, as a presenter would.
        var box = (await slider.BoundingBoxAsync())!;
        float X(double meters) => (float)(box.X + 8 + (box.Width - 16) * meters / 250);
        var y = box.Y + (box.Height / 2);
        await _page.Mouse.MoveAsync(X(30), y);
        await _page.Mouse.DownAsync();
        for (var meters = 40; meters <= 250; meters += 15)
        {
            await _page.Mouse.MoveAsync(X(meters), y, new MouseMoveOptions { Steps = 2 });
            await Task.Delay(40);
        }

        await _page.Mouse.MoveAsync(box.X + box.Width + 20, y);
        await _page.Mouse.UpAsync();
        await Expect(slider).ToHaveValueAsync("250");
        await Expect(_page.Locator("#cable-out")).ToHaveTextAsync("250 m");

        await Expect(Phase).ToHaveAttributeAsync("data-phase", "brownout");
        await Expect(PowerStatus).ToHaveAttributeAsync("data-status", new System.Text.RegularExpressions.Regex("^(undervoltage|overload)$"));
        await Expect(PowerStatus).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("undervoltage|overload"));
        await Expect(StatusLed).ToHaveAttributeAsync("data-pattern", "off");
        await Expect(_page.Locator("[data-testid='card-yard'] .phase")).ToHaveTextAsync("brownout");
        // The camera may brown out at an intermediate length while the slider's last value is still
        // on its way to the server: wait (bounded) for that last value to land.
        var cable = 0.0;
        for (var attempt = 0; attempt < 50 && cable != 250; attempt++)
        {
            var device = await _host.GetAsync("api/v1/devices/yard");
            cable = device["power"]!["source"]!["cableMeters"]!.GetValue<double>();
            if (cable != 250)
            {
                await Task.Delay(100);
            }
        }

        cable.Should().Be(250);
        await ShotAsync("05-brownout-long-cable");
    }

    [Fact]
    public async Task The_volts_bar_marks_the_minimum_the_rail_judges_and_shows_its_undervoltage()
    {
        // A class-3 dome on a PoE+ switch is still a Type 1 PD: 37 V, not PoE+'s 42.5 V.
        await _host.AddAsync("porch", "P3265-LVE", """{"on":true,"source":{"kind":"poe","standard":"802.3at","pseClass":4,"cableMeters":10,"cableCategory":"cat5e"}}""");
        await _host.AdvanceUntilIdleAsync();
        await OpenAsync("porch");
        var marker = _page.Locator("#volt-min");
        await Expect(marker).ToBeVisibleAsync();
        (await marker.EvaluateAsync<string>("e => e.style.left")).Should().StartWith("69.8", "37 V of the PSE's 53 V");
        await Expect(_page.Locator("#volt-fill")).ToHaveAttributeAsync("data-low", "false");

        await _host.SendAsync(HttpMethod.Put, "api/v1/devices/porch/power", """{"on":true,"source":{"kind":"poe","standard":"802.3at","pseClass":4,"cableMeters":250,"cableCategory":"cat3"}}""");
        await Expect(PowerStatus).ToHaveAttributeAsync("data-status", "undervoltage");
        await Expect(_page.Locator("#volt-fill")).ToHaveAttributeAsync("data-low", "true");
    }

    [Fact]
    public async Task Toggling_bricked_leaves_a_dark_unit()
    {
        await _host.AddAsync("attic", "P3245-LVE", """{"on":true}""");
        await _host.AdvanceAsync(30);
        await OpenAsync("attic");
        await Expect(StatusLed).Not.ToHaveAttributeAsync("data-pattern", "off");

        var bricked = _page.GetByTestId("fault-bricked");
        await Expect(bricked).ToHaveAttributeAsync("aria-pressed", "false");
        await bricked.ClickAsync();
        await Expect(bricked).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(Phase).ToHaveAttributeAsync("data-phase", "bricked");
        var art = _page.Locator("[data-testid='camera-art'] svg");
        await Expect(art).ToHaveAttributeAsync("data-dark", "true");
        await Expect(art).ToHaveAttributeAsync("data-bricked", "true");
        foreach (var led in await _page.Locator("[data-testid='camera-art'] .led").AllAsync())
        {
            await Expect(led).ToHaveAttributeAsync("data-pattern", "off");
        }

        await Expect(_page.Locator("[data-testid='card-attic'] .phase")).ToHaveTextAsync("bricked");
        _host.Device("attic").Snapshot().Bricked.Should().BeTrue();
        await ShotAsync("06-bricked");

        // And repaired: it boots again.
        await bricked.ClickAsync();
        await Expect(bricked).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(Phase).ToHaveAttributeAsync("data-phase", "bootloader");
        await Expect(art).ToHaveAttributeAsync("data-dark", "false");
    }

    [Fact]
    public async Task The_facts_show_the_MAC_the_API_reports_and_the_link_going_down_when_the_cable_is_pulled()
    {
        await _host.AddAsync("gate", "P3265-LVE", """{"on":true}""");
        await _host.AdvanceUntilIdleAsync();
        await OpenAsync("gate");
        var reported = await _host.Client.GetFromJsonAsync<JsonNode>("api/v1/devices/gate");
        var mac = reported!["network"]!["macAddress"]!.GetValue<string>();
        mac.Should().MatchRegex("^([0-9a-f]{2}:){5}[0-9a-f]{2}$");

        await Expect(Fact("MAC")).ToHaveTextAsync(mac);
        await Expect(Fact("Link")).ToHaveTextAsync("up");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Network cable out" }).ClickAsync();
        await Expect(Fact("Link")).ToHaveTextAsync("down (no carrier)");
        _host.Device("gate").Snapshot().Network.LinkUp.Should().BeFalse();
    }

    private ILocator Fact(string name) =>
        _page.Locator("#device-facts div").Filter(new() { Has = _page.Locator("dt", new() { HasTextRegex = new Regex("^" + Regex.Escape(name) + "$") }) }).Locator("dd");

    [Fact]
    public async Task Space_held_on_the_focused_button_holds_it_and_the_fault_toggles_say_whether_they_are_on()
    {
        await _host.AddAsync("door", "P3265-LVE", """{"on":true}""");
        await _host.AdvanceUntilIdleAsync();
        await OpenAsync("door");
        var camera = _host.Device("door");

        var mushy = _page.GetByRole(AriaRole.Button, new() { Name = "Mushy button" });
        await mushy.ClickAsync();
        await Expect(mushy).ToHaveAttributeAsync("aria-pressed", "true");
        camera.Snapshot().Button.Fault.Condition.Should().Be(AxisEmulator.Core.Button.ButtonCondition.Mushy);
        await mushy.ClickAsync();
        await Expect(mushy).ToHaveAttributeAsync("aria-pressed", "false");

        var hold = _page.GetByTestId("hold-button");
        await hold.FocusAsync();
        await _page.Keyboard.DownAsync("Space");
        await Expect(hold).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(Phase).ToHaveAttributeAsync("data-phase", "bootloader");
        await WaitForAsync(() => camera.Snapshot().Button.Held, "the press to reach the camera");
        await _host.AdvanceAsync(5);
        await Expect(_page.GetByTestId("hold-outcome")).ToHaveAttributeAsync("data-outcome", "too-early");
        await Expect(_page.GetByTestId("hold-outcome")).ToContainTextAsync("too early");
        await _page.Keyboard.UpAsync("Space");
        await Expect(hold).ToHaveAttributeAsync("aria-pressed", "false");
        await WaitForAsync(() => !camera.Snapshot().Button.Held, "the release to reach the camera");
        await _host.AdvanceAsync(1);
        await Expect(_page.GetByTestId("hold-outcome")).ToContainTextAsync("released too early");
    }

    [Fact]
    public async Task The_clock_controls_switch_modes_and_advance_manual_time_and_the_display_options_apply()
    {
        await _host.AddAsync("gate", "M3086-V", """{"on":true}""");
        await OpenAsync("gate");
        await Expect(_page.GetByTestId("clock-mode")).ToHaveTextAsync("manual");

        await _page.GetByRole(AriaRole.Button, new() { Name = "+10 s" }).ClickAsync();
        await Expect(_page.GetByTestId("clock-now")).ToHaveTextAsync("00:00:10.000");
        await _page.GetByRole(AriaRole.Button, new() { Name = "+1 min" }).ClickAsync();
        await Expect(_page.GetByTestId("clock-now")).ToHaveTextAsync("00:01:10.000");
        (await _host.GetAsync("api/v1/clock"))["elapsedSeconds"]!.GetValue<double>().Should().Be(70);

        await _page.GetByLabel("Scale factor").FillAsync("50");
        await _page.GetByLabel("Scaled", new() { Exact = true }).CheckAsync();
        await Expect(_page.GetByTestId("clock-mode")).ToHaveTextAsync("scaled 50×");
        (await _host.GetAsync("api/v1/clock"))["mode"]!.GetValue<string>().Should().Be("scaled");
        await Expect(_page.Locator("[data-advance='10']")).ToBeDisabledAsync();
        await Expect(_page.Locator("[data-advance='10']")).ToBeHiddenAsync();

        await _page.GetByLabel("Manual", new() { Exact = true }).CheckAsync();
        await Expect(_page.GetByTestId("clock-mode")).ToHaveTextAsync("manual");
        (await _host.GetAsync("api/v1/clock"))["mode"]!.GetValue<string>().Should().Be("manual");

        await _page.GetByRole(AriaRole.Button, new() { Name = "Large type" }).ClickAsync();
        await _page.GetByRole(AriaRole.Button, new() { Name = "High contrast" }).ClickAsync();
        await Expect(_page.Locator("body.large.contrast")).ToHaveCountAsync(1);
        await Expect(_page.GetByRole(AriaRole.Button, new() { Name = "High contrast" })).ToHaveAttributeAsync("aria-pressed", "true");
        await ShotAsync("08-large-type-high-contrast");
    }

    [Fact]
    public async Task Presenter_mode_plays_a_shipped_scenario_with_a_caption_per_step()
    {
        await OpenAsync(null);
        await Expect(_page.GetByTestId("scenario-select")).ToHaveValueAsync("factory-reset-button.yaml");
        await _page.GetByLabel("Speed").SelectOptionAsync("30");
        await _page.GetByLabel("Caption pause").SelectOptionAsync("1");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Play" }).ClickAsync();

        var caption = _page.GetByTestId("caption");
        await Expect(caption).ToHaveTextAsync("Plug the cable back in while holding the button.", new() { Timeout = 30_000 });
        await Expect(_page.Locator("#device-id")).ToHaveTextAsync("lobby");
        await ShotAsync("07-presenter");
        await Expect(caption).ToHaveTextAsync("Steady green: the camera is back in setup mode.", new() { Timeout = 60_000 });
        await Expect(_page.Locator("#caption-step")).ToContainTextAsync("finished", new() { Timeout = 10_000 });

        var play = await _host.GetAsync("api/v1/scenarios/play");
        play["outcome"]!.GetValue<string>().Should().Be("finished", play.ToJsonString());
        play["captions"]!.AsArray().Select(c => c!["text"]!.GetValue<string>()).Should().HaveCount(5);
        play["steps"]!.AsArray().Should().OnlyContain(s => s!["status"]!.GetValue<string>() == "passed");
        (await _host.GetAsync("api/v1/clock"))["mode"]!.GetValue<string>().Should().Be("manual", "the clock goes back to the mode it had");
        await Expect(_page.Locator("#presenter-steps li[data-status='passed']")).ToHaveCountAsync(play["stepCount"]!.GetValue<int>());
        _host.Device("lobby").Snapshot().Firmware.NeedsSetup.Should().BeTrue();
    }

    private ILocator Phase => _page.GetByTestId("device-phase");

    private ILocator PowerStatus => _page.GetByTestId("power-status");

    private ILocator StatusLed => _page.Locator("[data-testid='camera-art'] [data-testid='device-led-status']");

    private async Task OpenAsync(string? device)
    {
        await _page.GotoAsync(new Uri(_host.BaseUrl, "/" + (device is null ? "" : "#" + device)).ToString());
        await Expect(_page.Locator("body[data-ready='true']")).ToHaveCountAsync(1);
        await Expect(_page.Locator("#live-status[data-state='live']")).ToHaveCountAsync(1);
        if (device is not null)
        {
            await Expect(_page.Locator("#device-id")).ToHaveTextAsync(device);
        }
    }

    private async Task HoldButtonDownAsync()
    {
        var box = (await _page.GetByTestId("hold-button").BoundingBoxAsync())!;
        await _page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        await _page.Mouse.DownAsync();
    }

    private async Task ShotAsync(string name) =>
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name + ".png"), FullPage = true });

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 200; i++)
        {
            if (condition())
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("timed out waiting for " + what);
    }
}
