using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace AxisEmulator.Control.Api;

/// <summary>
/// The OpenAPI document <c>v1</c> (served at <c>/openapi/v1.json</c>, checked in at
/// <c>docs/openapi/v1.json</c>) and the interactive reference at <c>/api-reference</c>, served from the
/// Scalar package itself (no CDN, no web fonts, no telemetry).
/// </summary>
public static class OpenApiSetup
{
    public const string DocumentName = "v1";

    public const string DocumentRoute = "/openapi/{documentName}.json";

    public const string ReferenceRoute = "/api-reference";

    public const string Title = "Axis camera emulator — control API";

    private const string Description =
        "Drive and observe emulated Axis cameras: the fleet, each device's power rail, control button, faults, timeline and VAPIX request journal, " +
        "an event stream of every timeline entry, and the simulation clock. JSON is camelCase, enums are kebab-case strings, times are ISO-8601 in " +
        "simulated time, errors are RFC 7807 problem details. The API listens on loopback; when it is opened to the network every /api request " +
        "needs 'Authorization: Bearer <token>'.";

    public static IServiceCollection AddControlOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            // A wire value is a struct over its text: described as the enum of its known values, as the
            // Core enum it stands for would be (a nullable one also allows null).
            options.AddSchemaTransformer((schema, context, _) =>
            {
                var type = context.JsonTypeInfo.Type;
                var wire = Nullable.GetUnderlyingType(type) ?? type;
                if (WireType.Is(wire) && schema is OpenApiSchema concrete)
                {
                    concrete.Enum = [.. WireType.Names(wire).Select(name => (JsonNode)JsonValue.Create(name))];
                    if (wire != type)
                    {
                        concrete.Enum.Add(null!);
                    }
                }

                return Task.CompletedTask;
            });
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo { Title = Title, Version = DocumentName, Description = Description };

                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "Required on /api/* when the control plane listens beyond loopback (the host then starts it with a token).",
                };

                // Nulls are left out of answers and nullable request fields are optional: neither is "required".
                foreach (var schema in document.Components.Schemas?.Values ?? [])
                {
                    if (schema.Properties is { Count: > 0 } properties && schema.Required is { Count: > 0 } required)
                    {
                        foreach (var (name, property) in properties)
                        {
                            if (AllowsNull(property))
                            {
                                required.Remove(name);
                            }
                        }
                    }
                }

                OpenApiContractRules.Apply(document);
                return Task.CompletedTask;
            });
        });

    private static bool AllowsNull(IOpenApiSchema schema) =>
        (schema.Type is { } type && type.HasFlag(JsonSchemaType.Null))
        || (schema.OneOf?.Any(option => option.Type == JsonSchemaType.Null) ?? false)
        || (schema.AnyOf?.Any(option => option.Type == JsonSchemaType.Null) ?? false);

    public static IEndpointRouteBuilder MapControlOpenApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi(DocumentRoute);
        endpoints.MapScalarApiReference(ReferenceRoute, options => options
            .WithTitle(Title)
            .WithOpenApiRoutePattern(DocumentRoute)
            .AddDocument(DocumentName)
            .DisableDefaultFonts()
            .DisableTelemetry());
        return endpoints;
    }
}
