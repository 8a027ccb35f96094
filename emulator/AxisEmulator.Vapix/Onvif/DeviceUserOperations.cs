using System.Xml.Linq;
using AxisEmulator.Core.Config;
using AxisEmulator.Vapix.Forms;
using AxisEmulator.Vapix.Users;
using static AxisEmulator.Vapix.Onvif.OnvifCall;

namespace AxisEmulator.Vapix.Onvif;

/// <summary>
/// Device service users. ONVIF users are the VAPIX accounts: "by creating a user you automatically
/// enable ONVIF communication" (AXIS P3224-V Mk II manual), and credentials are synchronized between
/// the web interface and ONVIF. So every change goes through pwdgrp.cgi's own rules
/// (<see cref="PwdgrpCgi"/>), and its refusals become <c>ter:OperationProhibited</c>/<c>ter:InvalidArgVal</c>.
/// Levels: Administrator = admin (with PTZ), Operator = operator, User = viewer.
/// </summary>
internal static class DeviceUserOperations
{
    public static XElement GetUsers(OnvifCall call) => Tds(
        "GetUsersResponse",
        call.View.Users.Select(u => Tds("User", Tt("Username", u.Name), Tt("UserLevel", LevelOf(u.Role)))));

    public static XElement CreateUsers(OnvifCall call)
    {
        var users = Users(call).ToList();
        Apply(call, users.Select(u => $"action=add&user={Escape(u.Name)}&pwd={Escape(u.Password ?? "")}&grp=users&sgrp={GroupsOf(u.Level)}"), "CreateUsers");
        return Tds("CreateUsersResponse");
    }

    public static XElement SetUser(OnvifCall call)
    {
        var users = Users(call).ToList();
        Apply(
            call,
            users.Select(u => $"action=update&user={Escape(u.Name)}{(u.Password is null ? "" : "&pwd=" + Escape(u.Password))}&sgrp={GroupsOf(u.Level)}"),
            "SetUser");
        return Tds("SetUserResponse");
    }

    public static XElement DeleteUsers(OnvifCall call)
    {
        var names = call.Request.Children("Username").Select(e => e.Value.Trim()).ToList();
        if (names.Count == 0)
        {
            throw SoapFault.InvalidArgs("no Username given");
        }

        if (names.FirstOrDefault(n => call.View.Users.All(u => u.Name != n)) is { } missing)
        {
            throw SoapFault.InvalidArgVal($"no user {missing}", "UsernameMissing");
        }

        Apply(call, names.Select(n => $"action=remove&user={Escape(n)}"), "DeleteUsers");
        return Tds("DeleteUsersResponse");
    }

    /// <summary>All requests in one stored change, or none: the first refusal stops them all.</summary>
    private static void Apply(OnvifCall call, IEnumerable<string> pwdgrpQueries, string operation)
    {
        var queries = pwdgrpQueries.ToList();
        var realm = call.Camera.Identity.Realm;
        var personality = call.View.Personality;
        string? refusal = null;
        call.Camera.UpdateConfig(
            config =>
            {
                var users = config.Users;
                foreach (var query in queries)
                {
                    var result = PwdgrpCgi.Handle(FormFields.Parse(query), users, realm, personality);
                    if (!result.Changed)
                    {
                        refusal = result.Response.Body.Trim();
                        return (config, 0);
                    }

                    users = result.Users;
                }

                return (config with { Users = users }, 0);
            },
            $"onvif: {operation}");
        if (refusal is not null)
        {
            throw new SoapFault(true, refusal, "OperationProhibited", refusal.Contains("exists", StringComparison.OrdinalIgnoreCase) ? "UsernameClash" : "InvalidArgVal");
        }
    }

    private static IEnumerable<(string Name, string? Password, string Level)> Users(OnvifCall call)
    {
        var users = call.Request.Children("User").ToList();
        if (users.Count == 0)
        {
            throw SoapFault.InvalidArgs("no User given");
        }

        foreach (var user in users)
        {
            string? Field(string name) => user.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();
            var level = Field("UserLevel") ?? "User";
            if (level is not ("Administrator" or "Operator" or "User"))
            {
                throw SoapFault.InvalidArgVal($"UserLevel '{level}' cannot be given", "AnonymousNotAllowed");
            }

            yield return (Field("Username") is { Length: > 0 } name ? name : throw SoapFault.InvalidArgs("a User has no Username"), Field("Password"), level);
        }
    }

    private static string LevelOf(UserRole role) => role switch
    {
        UserRole.Admin => "Administrator",
        UserRole.Operator => "Operator",
        _ => "User",
    };

    private static string GroupsOf(string level) => level switch
    {
        "Administrator" => "admin:operator:viewer:ptz",
        "Operator" => "operator:viewer",
        _ => "viewer",
    };

    private static string Escape(string value) => Uri.EscapeDataString(value);
}
