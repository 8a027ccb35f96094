using System.Text.Json.Nodes;

namespace AxisEmulator.Control.Tests.Hostile;

/// <summary>One operation of the control API as the checked-in OpenAPI document describes it: method, path template, query parameters and a sample body.</summary>
public sealed record ControlRoute(string Method, string Path, IReadOnlyList<string> Query, JsonObject? Example)
{
    /// <summary>The checked-in document (<c>docs/openapi/v1.json</c>, kept equal to the served one by <c>OpenApiTests</c>).</summary>
    public static string Document => System.IO.Path.Combine(RepositoryPaths.Root, "docs", "openapi", "v1.json");

    public bool HasId => Path.Contains("{id}", StringComparison.Ordinal);

    public bool HasBody => Example is not null;

    /// <summary>Every <c>/api/*</c> operation of the document.</summary>
    public static IReadOnlyList<ControlRoute> All()
    {
        var document = JsonNode.Parse(File.ReadAllText(Document))!;
        var schemas = document["components"]!["schemas"]!;
        var routes = new List<ControlRoute>();
        foreach (var (path, operations) in document["paths"]!.AsObject().Where(p => p.Key.StartsWith("/api/", StringComparison.Ordinal)))
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                var query = operation!["parameters"]?.AsArray().Where(p => p!["in"]!.GetValue<string>() == "query").Select(p => p!["name"]!.GetValue<string>()).ToList() ?? [];
                var reference = operation["requestBody"]?["content"]?["application/json"]?["schema"]?["$ref"]?.GetValue<string>();
                var example = reference is null ? null : schemas[reference.Split('/')[^1]]!["example"]?.DeepClone().AsObject();
                routes.Add(new ControlRoute(method.ToUpperInvariant(), path, query, example ?? (reference is null ? null : [])));
            }
        }

        return routes;
    }
}
