using AxisEmulator.Core.Config;
using AxisEmulator.Vapix.Auth;
using AxisEmulator.Vapix.Parameters;
using AxisEmulator.Vapix.Text;
using AxisEmulator.Vapix.Users;

namespace AxisEmulator.Vapix.Server;

/// <summary>The key=value CGIs: param.cgi, pwdgrp.cgi, usergroup.cgi and the maintenance CGIs.</summary>
internal static class LegacyCgis
{
    /// <summary>param.cgi: list for viewers, changes for operators/admins per parameter; changes are stored on the device.</summary>
    public static Task<Reply> ParamAsync(VapixExchange exchange) => ParamAsync(exchange, ParamCgiPath.Shared);

    /// <summary>param.cgi below a role directory (<see cref="ParamCgiPath"/>): that role at least, and only its actions.</summary>
    public static async Task<Reply> ParamAsync(VapixExchange exchange, ParamCgiPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var args = await exchange.FormAsync();
        if (exchange.Authorize(path.RequiredAccess(args), json: false) is { } refusal)
        {
            return refusal;
        }

        if (path.Refusal(args) is { } notHere)
        {
            return Reply.Text(200, VapixContentTypes.Text, notHere);
        }

        var tree = exchange.View.Tree;
        if (args["action"] == "update" && ParameterChanges.UpdateErrors(args, tree, exchange.Options.MaxParameterValueLength) is { } errors)
        {
            return Reply.Text(200, VapixContentTypes.Text, errors);
        }

        var result = ParamCgi.Handle(args, tree);
        if (result.Changes.Count > 0)
        {
            ParameterChanges.Store(exchange.Camera, result.Changes);
            return Reply.From(result.Response);
        }

        // A listing comes from the tree's cache: encode it once as well.
        return args["action"] == "list" ? Reply.FromCached(result.Response) : Reply.From(result.Response);
    }

    /// <summary>
    /// pwdgrp.cgi: anonymous in setup mode (first admin only), admin afterwards. The account change is
    /// decided and stored under the device's gate, so two first-admin requests cannot both win.
    /// </summary>
    public static async Task<Reply> PwdgrpAsync(VapixExchange exchange)
    {
        var args = await exchange.FormAsync();
        for (var attempt = 0; ; attempt++)
        {
            if (exchange.Authorize(PwdgrpCgi.RequiredAccess(exchange.View.Users), json: false) is { } refusal)
            {
                return refusal;
            }

            var camera = exchange.Camera;
            var realm = camera.Identity.Realm;
            var personality = exchange.View.Personality;
            var caller = exchange.User;
            var result = camera.UpdateConfig(
                config =>
                {
                    if (!caller.Satisfies(PwdgrpCgi.RequiredAccess(config.Users)))
                    {
                        return (config, (PwdgrpResult?)null); // setup mode ended meanwhile: authenticate again
                    }

                    var handled = PwdgrpCgi.Handle(args, config.Users, realm, personality);
                    return (handled.Changed ? config with { Users = handled.Users } : config, handled);
                },
                $"pwdgrp.cgi: {args["action"]} account {args["user"]}");
            if (result is not null)
            {
                return Reply.From(result.Response);
            }

            exchange.View = exchange.Device.View();
            if (attempt > 0)
            {
                return ApachePages.Unauthorized();
            }
        }
    }

    /// <summary>usergroup.cgi: the caller's account and groups (K610 fixtures: <c>root\nroot admin operator ptz viewer\n</c>).</summary>
    public static async Task<Reply> UserGroupAsync(VapixExchange exchange)
    {
        await exchange.FormAsync();
        if (exchange.Authorize(AccessLevel.Viewer, json: false) is { } refusal)
        {
            return refusal;
        }

        var user = exchange.User!;
        var groups = new List<string>();
        if (user.Role >= UserRole.Admin)
        {
            groups.Add("admin");
        }

        if (user.Role >= UserRole.Operator)
        {
            groups.Add("operator");
        }

        if (user.Ptz)
        {
            groups.Add("ptz");
        }

        groups.Add("viewer");
        var primary = user.Name == "root" ? "root" : "users";
        return Reply.Text(200, VapixContentTypes.Text, $"{user.Name}\n{primary} {string.Join(' ', groups)}\n");
    }

    public static Task<Reply> RestartAsync(VapixExchange exchange) =>
        MaintenanceAsync(exchange, MaintenancePages.Restart, camera => camera.Restart());

    public static Task<Reply> FactoryDefaultAsync(VapixExchange exchange) =>
        MaintenanceAsync(exchange, MaintenancePages.FactoryDefault, camera => camera.FactoryDefault(FactoryDefaultMode.Soft));

    public static Task<Reply> HardFactoryDefaultAsync(VapixExchange exchange) =>
        MaintenanceAsync(exchange, MaintenancePages.HardFactoryDefault, camera => camera.FactoryDefault(FactoryDefaultMode.Hard));

    /// <summary>Admin only; the page refreshes to the message page on the address the client used, then the device goes down.</summary>
    private static async Task<Reply> MaintenanceAsync(
        VapixExchange exchange, Func<string?, VapixResponse> page, Action<Core.Devices.Device> action)
    {
        await exchange.FormAsync();
        if (exchange.Authorize(AccessLevel.Admin, json: false) is { } refusal)
        {
            return refusal;
        }

        var camera = exchange.Camera;
        var host = exchange.Http.Request.Host.HasValue ? System.Net.WebUtility.HtmlEncode(exchange.Http.Request.Host.Host) : null;
        return Reply.From(page(host)).Then(() => action(camera));
    }
}
