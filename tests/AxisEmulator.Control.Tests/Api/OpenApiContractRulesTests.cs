using System.Text.Json.Nodes;

namespace AxisEmulator.Control.Tests.Api;

/// <summary>
/// The rules a linter and a client generator hold the document to (OpenApiContractRules); CI also runs
/// @redocly/cli lint on docs/openapi/v1.json (examples/typescript).
/// </summary>
public sealed class OpenApiContractRulesTests : IAsyncLifetime
{
    private ControlApiHost _host = null!;
    private JsonNode _document = null!;

    public async Task InitializeAsync()
    {
        _host = await ControlApiHost.StartAsync();
        _document = JsonNode.Parse(await _host.Client.GetStringAsync("/openapi/v1.json"))!;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private IEnumerable<(string Path, string Method, JsonNode Operation)> Operations =>
        _document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(op => (path.Key, op.Key, op.Value!)));

    [Fact]
    public void Every_schema_has_an_example()
    {
        var schemas = _document["components"]!["schemas"]!.AsObject();
        schemas.Where(s => s.Value!["example"] is null).Select(s => s.Key).Should().BeEmpty();
        var device = schemas["DeviceState"]!["example"]!;
        device.Str("id").Should().Be("cam-1");
        device["phase"]!.GetValue<string>().Should().Be(schemas["DevicePhase"]!["enum"]![0]!.GetValue<string>(), "an enum's example is one of its values");
    }

    [Fact]
    public void Every_operation_declares_problem_details_for_errors()
    {
        foreach (var (path, method, operation) in Operations)
        {
            var problem = operation["responses"]!["default"]?["content"]?["application/problem+json"]?["schema"]?["$ref"]?.GetValue<string>();
            problem.Should().Be("#/components/schemas/ProblemDetails", $"{method} {path} answers other errors as problem details");
            operation["operationId"].Should().NotBeNull($"{method} {path} needs an operationId for generated clients");
        }
    }

    [Fact]
    public void The_api_takes_an_optional_bearer_token_and_health_is_open()
    {
        foreach (var (path, method, operation) in Operations)
        {
            var security = operation["security"]!.AsArray();
            if (path.StartsWith("/api/", StringComparison.Ordinal))
            {
                security.Select(r => r!.AsObject().Select(p => p.Key).SingleOrDefault()).Should().Equal([null, "bearer"], $"{method} {path}: no token on loopback, or a bearer token");
            }
            else
            {
                security.Should().BeEmpty($"{method} {path} is open by decision");
            }
        }
    }

    [Fact]
    public void Tags_are_described_and_the_licence_is_declared()
    {
        _document["tags"]!.AsArray().Should().OnlyContain(t => t!["description"] != null);
        _document.Str("info.license.identifier").Should().Be("MIT");
    }
}
