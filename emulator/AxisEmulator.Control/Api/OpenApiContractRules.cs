using System.Text.Json.Nodes;
using AxisEmulator.Core.Power;
using Microsoft.OpenApi;

namespace AxisEmulator.Control.Api;

/// <summary>
/// What makes the generated document a product a linter and a client generator accept
/// (<c>@redocly/cli lint</c>, recommended rules, 0 errors; <c>openapi-typescript</c>): a server entry,
/// the bearer scheme applied where the host enforces it, a licence, described tags, problem details
/// declared on every operation, and an example on every schema.
/// </summary>
internal static class OpenApiContractRules
{
    /// <summary>One line per tag the endpoints use, for the reference's navigation.</summary>
    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Health"] = "Liveness of the emulator process (open without a token, for orchestrators).",
        ["Profiles"] = "The shipped hardware profiles: model, PoE class, reset window, boot timings.",
        ["Devices"] = "The fleet and each device's hardware: power rail, control button, faults.",
        ["Timeline"] = "What happened to a device, in simulated time, and its VAPIX request journal.",
        ["Events"] = "Server-sent events: every timeline entry of every device as it happens.",
        ["Scenarios"] = "Run a YAML scenario on an emulator of its own and get its report.",
        ["Clock"] = "The simulation clock: its mode, and advancing manual time.",
        ["Chaos"] = "A seeded, replayable fault plan over the fleet.",
        ["Presenter"] = "Play a scenario on the served emulator, step by step, for a demo.",
    };

    /// <summary>
    /// Contract fields that are plain strings on the wire but take a closed set of values: declared as
    /// enums of the canonical names (the parsers also accept shorthands such as <c>at</c>).
    /// </summary>
    private static readonly (string Schema, string Property, IReadOnlyList<string> Values)[] StringEnums =
    [
        ("PowerSource", "standard", [.. PoeStandards.All.Select(s => s.ToWireString())]),
        ("PowerSource", "cableCategory", [.. CableCategories.All.Select(c => c.ToWireString())]),
    ];

    public static void Apply(OpenApiDocument document)
    {
        DeclareStringEnums(document);
        // "/" is relative to wherever the document is served from (default http://127.0.0.1:8080), so
        // the checked-in copy does not depend on the host's address.
        document.Servers = [new OpenApiServer { Url = "/", Description = "The emulator serving this document (default http://127.0.0.1:8080)." }];
        document.Info.License = new OpenApiLicense { Name = "MIT", Identifier = "MIT" };
        document.Tags = new HashSet<OpenApiTag>(
            TagsInUse(document).Select(name => new OpenApiTag { Name = name, Description = TagDescriptions.GetValueOrDefault(name) }));

        foreach (var (path, item) in document.Paths)
        {
            foreach (var operation in item.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            {
                operation.Security = SecurityFor(path, document);
                DeclareDefaultProblem(operation, document);
            }
        }

        OpenApiSchemaExamples.AddTo(document);
    }

    private static void DeclareStringEnums(OpenApiDocument document)
    {
        foreach (var (schemaName, property, values) in StringEnums)
        {
            if (document.Components?.Schemas is { } schemas && schemas.TryGetValue(schemaName, out var schema)
                && schema.Properties is { } properties && properties.TryGetValue(property, out var found) && found is OpenApiSchema field)
            {
                field.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v)), .. field.Type?.HasFlag(JsonSchemaType.Null) == true ? [null!] : Array.Empty<JsonNode>()];
            }
        }
    }

    /// <summary>
    /// /api/* needs the bearer token only when the host was started with one (always when it listens
    /// beyond loopback): "none, or bearer". The rest is open by decision (README, Exposure).
    /// </summary>
    private static List<OpenApiSecurityRequirement> SecurityFor(string path, OpenApiDocument document) =>
        path.StartsWith("/api/", StringComparison.Ordinal)
            ? [new OpenApiSecurityRequirement(), new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] }]
            : [];

    /// <summary>Any answer not listed (a 500 from the exception handler, a 405) is problem details too.</summary>
    private static void DeclareDefaultProblem(OpenApiOperation operation, OpenApiDocument document)
    {
        operation.Responses ??= [];
        if (operation.Responses.ContainsKey("default"))
        {
            return;
        }

        operation.Responses["default"] = new OpenApiResponse
        {
            Description = "Any other error, as RFC 7807 problem details.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", document) },
            },
        };
    }

    private static IEnumerable<string> TagsInUse(OpenApiDocument document) =>
        document.Paths.Values
            .SelectMany(item => item.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            .SelectMany(operation => operation.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(tag => tag.Name ?? tag.Reference.Id ?? "")
            .Where(name => name.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
}
