using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AxisEmulator.Core.Clock;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AxisEmulator.Dashboard.Tests;

/// <summary>The facts show a camera's HTTPS endpoint and its certificate's SHA-256 as the API reports them (real listeners).</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardHttpsTests(BrowserFixture browser) : IAsyncLifetime
{
    private DashboardHost _host = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _host = await DashboardHost.StartAsync(ClockMode.Manual, deviceListeners: true);
        _page = await browser.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await _page.Context.CloseAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task The_facts_show_the_https_endpoint_and_the_certificate_fingerprint_the_api_reports()
    {
        await _host.AddAsync("gate", "P3265-LVE", """{"on":true}""");
        await _host.AdvanceUntilIdleAsync();
        var network = (await _host.Client.GetFromJsonAsync<JsonNode>("api/v1/devices/gate"))!["network"]!;
        var endpoint = network["httpsEndpoint"]!.GetValue<string>();
        var sha256 = network["certificateSha256"]!.GetValue<string>();
        endpoint.Should().StartWith("https://127.0.0.1:");
        sha256.Should().MatchRegex("^[0-9a-f]{64}$");

        await _page.GotoAsync(new Uri(_host.BaseUrl, "/#gate").ToString());
        await Expect(_page.Locator("body[data-ready='true']")).ToHaveCountAsync(1);
        await Expect(_page.Locator("#device-id")).ToHaveTextAsync("gate");

        await Expect(Fact("HTTPS endpoint")).ToHaveTextAsync(endpoint);
        await Expect(Fact("Certificate SHA-256")).ToHaveTextAsync(sha256);
    }

    private ILocator Fact(string name) =>
        _page.Locator("#device-facts div").Filter(new() { Has = _page.Locator("dt", new() { HasTextRegex = new Regex("^" + Regex.Escape(name) + "$") }) }).Locator("dd");
}
