using System.Text.Json.Nodes;

namespace AxisEmulator.Control.Tests.Api;

public sealed class OpenApiTests : IAsyncLifetime
{
    private static readonly string CheckedIn = Path.Combine(RepositoryPaths.Root, "docs", "openapi", "v1.json");

    private ControlApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ControlApiHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_checked_in_document_matches_the_generated_one()
    {
        var generated = Normalize(await _host.Client.GetStringAsync("/openapi/v1.json"));
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(CheckedIn)!);
            await File.WriteAllTextAsync(CheckedIn, generated);
        }

        File.Exists(CheckedIn).Should().BeTrue($"{CheckedIn} should exist; generate it with: UPDATE_OPENAPI=1 dotnet test tests/AxisEmulator.Control.Tests --filter OpenApiTests");
        var expected = Normalize(await File.ReadAllTextAsync(CheckedIn));
        generated.Should().Be(
            expected,
            "the control API changed but docs/openapi/v1.json did not; review the change and regenerate it with: UPDATE_OPENAPI=1 dotnet test tests/AxisEmulator.Control.Tests --filter OpenApiTests");
    }

    [Fact]
    public async Task The_document_describes_the_contract()
    {
        var document = JsonNode.Parse(await _host.Client.GetStringAsync("/openapi/v1.json"))!;
        document.Str("info.version").Should().Be("v1");
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        paths.Should().Contain([
            "/healthz", "/api/v1/profiles", "/api/v1/profiles/{id}", "/api/v1/devices", "/api/v1/devices/{id}",
            "/api/v1/devices/{id}/power", "/api/v1/devices/{id}/button", "/api/v1/devices/{id}/faults",
            "/api/v1/devices/{id}/timeline", "/api/v1/devices/{id}/requests", "/api/v1/events",
            "/api/v1/clock", "/api/v1/clock/advance",
        ]);
        document["servers"]!.AsArray().Select(s => s!.Str("url")).Should().Equal(["/"], "relative to wherever it is served from");
        var phase = document["components"]!["schemas"]!["DevicePhase"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>());
        phase.Should().Contain(["network-up", "factory-resetting", "brownout"]);
        document["paths"]!["/api/v1/devices/{id}/power"]!["put"]!["requestBody"]!["content"]!["application/json"].Should().NotBeNull();
        document["components"]!["securitySchemes"]!["bearer"]!.Str("scheme").Should().Be("bearer");
    }

    [Fact]
    public async Task The_api_reference_is_served_from_the_package()
    {
        using var redirect = await _host.Client.GetAsync("/api-reference");
        ((int)redirect.StatusCode).Should().BeOneOf(200, 302);

        using var page = await _host.Client.GetAsync("/api-reference/");
        ((int)page.StatusCode).Should().Be(200);
        page.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        var html = await page.Content.ReadAsStringAsync();
        html.Should().Contain("\"url\":\"openapi/v1.json\"", "the page resolves it against the site root");
        html.Should().NotContain("cdn.jsdelivr.net");

        using var script = await _host.Client.GetAsync("/api-reference/scalar.js");
        ((int)script.StatusCode).Should().Be(200);
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";
}
