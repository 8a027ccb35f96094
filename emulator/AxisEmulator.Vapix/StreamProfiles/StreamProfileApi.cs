using System.Text.Json.Nodes;
using AxisEmulator.Vapix.Auth;
using AxisEmulator.Vapix.Json;
using AxisEmulator.Vapix.Parameters;

namespace AxisEmulator.Vapix.StreamProfiles;

/// <summary>
/// <c>/axis-cgi/streamprofile.cgi</c> (id <c>stream-profiles</c> 1.0): list, create, update, remove.
/// Documented: operator or administrator for changes; answers <c>{"method", "apiVersion", "data"}</c>,
/// list data <c>{"streamProfile": [{name, description, parameters}], "maxProfiles": 26}</c>.
/// A whole request is checked before anything is stored, so a bad entry changes nothing.
/// </summary>
public static class StreamProfileApi
{
    public static JsonApiSpec Spec { get; } = new()
    {
        Id = "stream-profiles",
        Layout = JsonLayout.Spaced,
        TrailingNewline = false,
        MethodEcho = MethodEcho.First,
        Errors = DeviceJsonErrors.Set,
        Versions = JsonApiSpec.OnEveryPersonality(new ApiVersion(1, 0)),
        Methods = new Dictionary<string, AccessLevel>(StringComparer.Ordinal)
        {
            ["list"] = AccessLevel.Viewer,
            ["create"] = AccessLevel.Operator,
            ["update"] = AccessLevel.Operator,
            ["remove"] = AccessLevel.Operator,
            [JsonApiSpec.GetSupportedVersions] = AccessLevel.Anonymous,
        },
    };

    public static ParameterOutcome Handle(JsonApiCall call, ParameterTree tree)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(tree);
        var profiles = StreamProfile.AllIn(tree);
        IReadOnlyList<ParameterChange> changes = [];
        var response = call.Dispatch(method =>
        {
            var (answer, stored) = method switch
            {
                "list" => (List(call, profiles, StreamProfile.MaxProfiles(tree)), []),
                "create" => Create(call, profiles, StreamProfile.MaxProfiles(tree)),
                "update" => Update(call, profiles),
                "remove" => Remove(call, profiles),
                _ => ((VapixResponse?)null, (IReadOnlyList<ParameterChange>)[]),
            };
            changes = stored;
            return answer;
        });
        return new ParameterOutcome(response, changes);
    }

    private static VapixResponse List(JsonApiCall call, IReadOnlyList<StreamProfile> profiles, int max)
    {
        var names = call.Request?.Params?["streamProfileName"] is JsonArray wanted ? NamesIn(wanted) : [];
        var selected = names.Count == 0 ? profiles : profiles.Where(p => names.Contains(p.Name)).ToList();
        return call.Success(new JsonObject
        {
            ["streamProfile"] = new JsonArray([.. selected.Select(p => (JsonNode)new JsonObject
            {
                ["name"] = p.Name,
                ["description"] = p.Description,
                ["parameters"] = p.Parameters,
            })]),
            ["maxProfiles"] = max,
        });
    }

    private static (VapixResponse, IReadOnlyList<ParameterChange>) Create(JsonApiCall call, IReadOnlyList<StreamProfile> profiles, int max)
    {
        if (Entries(call, out var error) is not { } entries)
        {
            return (error!, []);
        }

        var taken = profiles.Select(p => p.Slot).ToHashSet();
        var created = new List<StreamProfile>();
        foreach (var (name, description, parameters) in entries)
        {
            if (profiles.Any(p => p.Name == name) || created.Any(p => p.Name == name))
            {
                return (call.Fail(DeviceJsonErrors.InvalidValue("name", name) with { Message = $"A stream profile named '{name}' already exists" }), []);
            }

            if (profiles.Count + created.Count >= max)
            {
                return (call.Fail(DeviceJsonErrors.InvalidValue("streamProfile", name) with { Message = $"No more than {max} stream profiles" }), []);
            }

            var slot = Enumerable.Range(0, int.MaxValue).First(s => !taken.Contains(s));
            taken.Add(slot);
            created.Add(new StreamProfile(slot, name, description ?? "", parameters ?? ""));
        }

        return (call.Success(new JsonObject()), [.. created.SelectMany(p => p.Stored())]);
    }

    private static (VapixResponse, IReadOnlyList<ParameterChange>) Update(JsonApiCall call, IReadOnlyList<StreamProfile> profiles)
    {
        if (Entries(call, out var error) is not { } entries)
        {
            return (error!, []);
        }

        var updated = new List<StreamProfile>();
        foreach (var (name, description, parameters) in entries)
        {
            if (profiles.FirstOrDefault(p => p.Name == name) is not { } existing)
            {
                return (call.Fail(NoSuchProfile(name)), []);
            }

            updated.Add(existing with { Description = description ?? existing.Description, Parameters = parameters ?? existing.Parameters });
        }

        return (call.Success(new JsonObject()), [.. updated.SelectMany(p => p.Stored())]);
    }

    private static (VapixResponse, IReadOnlyList<ParameterChange>) Remove(JsonApiCall call, IReadOnlyList<StreamProfile> profiles)
    {
        if (call.Request?.Params?["streamProfileName"] is not JsonArray wanted || NamesIn(wanted) is not { Count: > 0 } names)
        {
            return (call.Fail(DeviceJsonErrors.Missing("streamProfileName")), []);
        }

        if (names.FirstOrDefault(n => profiles.All(p => p.Name != n)) is { } missing)
        {
            return (call.Fail(NoSuchProfile(missing)), []);
        }

        return (call.Success(new JsonObject()), [.. profiles.Where(p => names.Contains(p.Name)).SelectMany(p => p.Removed())]);
    }

    /// <summary>The <c>streamProfile</c> entries of create/update; null (and the error) when one lacks a name or has a non-text field.</summary>
    private static List<(string Name, string? Description, string? Parameters)>? Entries(JsonApiCall call, out VapixResponse? error)
    {
        error = null;
        if (call.Request?.Params?["streamProfile"] is not JsonArray { Count: > 0 } items)
        {
            error = call.Fail(DeviceJsonErrors.Missing("streamProfile"));
            return null;
        }

        var entries = new List<(string, string?, string?)>();
        foreach (var item in items)
        {
            var name = Text(item?["name"]);
            if (name is not { Length: > 0 } || !OptionalText(item?["description"], out var description) || !OptionalText(item?["parameters"], out var parameters))
            {
                error = call.Fail(name is null && item?["name"] is null ? DeviceJsonErrors.Missing("name") : DeviceJsonErrors.InvalidValue("streamProfile", item?.ToJsonString()));
                return null;
            }

            entries.Add((name, description, parameters));
        }

        return entries;
    }

    private static JsonError NoSuchProfile(string name) => DeviceJsonErrors.InvalidValue("name", name) with { Message = $"No stream profile named '{name}'" };

    private static List<string> NamesIn(JsonArray wanted) => [.. wanted.Select(w => Text(w?["name"]) ?? Text(w)).OfType<string>()];

    private static bool OptionalText(JsonNode? node, out string? text)
    {
        text = Text(node);
        return node is null || text is not null;
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
