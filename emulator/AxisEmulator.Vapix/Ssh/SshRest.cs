using System.Text.Json;
using System.Text.Json.Nodes;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Vapix.Auth;
using AxisEmulator.Vapix.Parameters;
using AxisEmulator.Vapix.Rest;
using AxisEmulator.Vapix.Server;

namespace AxisEmulator.Vapix.Ssh;

/// <summary>
/// The SSH API (api id <c>ssh</c>): <c>/config/rest/ssh/v2</c> on AXIS OS 12 as documented, and v1 from
/// AXIS OS 11 (tools add their SSH user through it on ≥ 11, vapix-facts §7; 12.x lists <c>v1beta</c>): <c>users</c> (GET list, POST add) and <c>users/&lt;name&gt;</c> (GET,
/// PATCH password/comment, DELETE), administrators only. [E] <c>enabled</c> (GET/PATCH a boolean) is
/// the <c>Network.SSH.Enabled</c> parameter, so param.cgi and this API switch the same SSH server.
/// </summary>
internal static class SshRest
{
    public const string V1Path = "/config/rest/ssh/v1";
    public const string V2Path = "/config/rest/ssh/v2";
    public const string EnabledParameter = "Network.SSH.Enabled";

    public static async Task<Reply> HandleAsync(VapixExchange exchange)
    {
        var root = exchange.Target.Path.StartsWith(V1Path, StringComparison.Ordinal) ? V1Path : V2Path;
        var personality = exchange.View.Personality;
        // v1 on every line: the 10.12 captures list ssh 1.0 too; v2 is AXIS OS 12's.
        if (root == V2Path && personality != FirmwarePersonality.Os12)
        {
            return ApachePages.NotFound();
        }

        if (RestCall.Authorize(exchange, root, out var refusal, AccessLevel.Admin) is not { } call)
        {
            return refusal!;
        }

        return call.Segments switch
        {
            [] => call.IsRead
                ? RestCall.Success(new JsonObject { ["users"] = Users(exchange), ["enabled"] = exchange.View.Tree[EnabledParameter] == "yes" })
                : RestCall.MethodNotAllowed(),
            ["users"] => call.Method switch
            {
                "GET" or "HEAD" => RestCall.Success(Users(exchange)),
                "POST" => Add(exchange, await call.DataAsync()),
                _ => RestCall.MethodNotAllowed(),
            },
            ["users", var name] => call.Method switch
            {
                "GET" or "HEAD" => exchange.View.Config.SshUsers.FirstOrDefault(u => u.Username == name) is { } user ? RestCall.Success(Describe(user)) : RestCall.NotFound(),
                "PATCH" => Change(exchange, name, await call.DataAsync()),
                "DELETE" => Change(exchange, name, null),
                _ => RestCall.MethodNotAllowed(),
            },
            ["enabled"] => call.Method switch
            {
                "GET" or "HEAD" => RestCall.Success(exchange.View.Tree[EnabledParameter] == "yes"),
                "PATCH" => await call.DataAsync() is JsonValue on && on.GetValueKind() is JsonValueKind.True or JsonValueKind.False
                    ? Stored(() => ParameterChanges.Store(exchange.Camera, [new ParameterChange(EnabledParameter, on.GetValue<bool>() ? "yes" : "no")], "ssh: enabled"))
                    : RestCall.BadData(),
                _ => RestCall.MethodNotAllowed(),
            },
            _ => RestCall.NotFound(),
        };
    }

    private static JsonArray Users(VapixExchange exchange) => new([.. exchange.View.Config.SshUsers.Select(u => (JsonNode?)Describe(u))]);

    private static JsonObject Describe(SshAccount user) => new() { ["username"] = user.Username, ["comment"] = user.Comment };

    private static Reply Add(VapixExchange exchange, JsonNode? data)
    {
        if (data is not JsonObject fields || Text(fields, "username") is not { } name || !SshNames.IsValidUser(name)
            || Text(fields, "password") is not { } password || !SshNames.IsValidPassword(password) || !OptionalText(fields, "comment", out var comment))
        {
            return RestCall.BadData();
        }

        var added = exchange.Camera.UpdateConfig(
            config => config.SshUsers.Any(u => u.Username == name)
                ? (config, false)
                : (config with { SshUsers = [.. config.SshUsers, SshAccount.Create(name, password, comment ?? "")] }, true),
            $"ssh: add user {name}");
        return added ? RestCall.Success() : RestCall.Error(409, "User already exists");
    }

    /// <summary>PATCH (new password and/or comment) or, with no data, DELETE.</summary>
    private static Reply Change(VapixExchange exchange, string name, JsonNode? patch)
    {
        var deleting = exchange.Method == "DELETE";
        string? password = null;
        string? comment = null;
        if (!deleting && (patch is not JsonObject fields || !OptionalText(fields, "password", out password) || !OptionalText(fields, "comment", out comment)
            || (password is not null && !SshNames.IsValidPassword(password)) || fields.Count == 0))
        {
            return RestCall.BadData();
        }

        var found = exchange.Camera.UpdateConfig(
            config =>
            {
                if (config.SshUsers.FirstOrDefault(u => u.Username == name) is not { } user)
                {
                    return (config, false);
                }

                var kept = config.SshUsers.Where(u => u != user);
                var changed = deleting ? kept : kept.Append(password is null ? user with { Comment = comment ?? user.Comment } : SshAccount.Create(name, password, comment ?? user.Comment));
                return (config with { SshUsers = [.. changed] }, true);
            },
            $"ssh: {(deleting ? "remove" : "update")} user {name}");
        return found ? RestCall.Success() : RestCall.NotFound();
    }

    private static Reply Stored(Action store)
    {
        store();
        return RestCall.Success();
    }

    private static string? Text(JsonObject fields, string name) =>
        fields[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static bool OptionalText(JsonObject fields, string name, out string? text)
    {
        text = Text(fields, name);
        return text is not null || !fields.ContainsKey(name);
    }
}
