using AxisEmulator.Core.Config;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Vapix.Auth;
using AxisEmulator.Vapix.Forms;

namespace AxisEmulator.Vapix.Users;

/// <summary>
/// <c>/axis-cgi/pwdgrp.cgi</c>: add, update, remove and list accounts (vapix-facts §8). Pure: takes
/// the current accounts and returns the new list with the answer. While no administrator exists the
/// device is in setup mode: the only call allowed, anonymously, is creating the initial admin.
/// </summary>
public static class PwdgrpCgi
{
    /// <summary>"You can add up to 100 accounts" (Axis product manuals).</summary>
    public const int MaxAccounts = 100;

    public const int MaxUserNameLength = 14;

    public const int MaxPasswordLength = 64;

    /// <summary>Setup mode: no administrator yet (systemready says <c>needsetup: yes</c>).</summary>
    public static bool NeedsSetup(IReadOnlyCollection<UserAccount> users) => !users.Any(u => u.Role == UserRole.Admin);

    /// <summary>Access the caller needs: none in setup mode, an administrator afterwards.</summary>
    public static AccessLevel RequiredAccess(IReadOnlyCollection<UserAccount> users) => NeedsSetup(users) ? AccessLevel.Anonymous : AccessLevel.Admin;

    public static PwdgrpResult Handle(FormFields args, IReadOnlyList<UserAccount> users, string realm, FirmwarePersonality personality)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(users);
        var action = args["action"];
        if (NeedsSetup(users))
        {
            return action == "add"
                ? AddInitialAdmin(args, users, realm, personality)
                : Unchanged(users, 401, PwdgrpText.InitialAdminFirst);
        }

        return action switch
        {
            null or "" => Unchanged(users, 200, PwdgrpText.MissingAction),
            "add" => Add(args, users, realm),
            "update" => Update(args, users, realm),
            "remove" => Remove(args, users, personality),
            "get" => new PwdgrpResult(VapixResponse.Ok(VapixContentTypes.Text, ListGroups(users)), users, false),
            _ => Unchanged(users, 200, PwdgrpText.MalformedAction(action)),
        };
    }

    /// <summary>
    /// Before 11.5 (our Os10 personality) the initial admin must be <c>root</c> without a comment; from
    /// 11.5 any name works. Either way it must be an administrator with PTZ (DOC system-settings).
    /// </summary>
    private static PwdgrpResult AddInitialAdmin(FormFields args, IReadOnlyList<UserAccount> users, string realm, FirmwarePersonality personality)
    {
        var groups = RoleGroups.Parse(args["sgrp"]);
        var rootOnly = personality == FirmwarePersonality.Os10;
        var valid = groups is { Role: UserRole.Admin, Ptz: true }
            && (!rootOnly || (args["user"] == "root" && string.IsNullOrEmpty(args["comment"])));
        return valid ? Add(args, users, realm) : Unchanged(users, 401, PwdgrpText.NotValidInitialAdmin);
    }

    private static PwdgrpResult Add(FormFields args, IReadOnlyList<UserAccount> users, string realm)
    {
        var name = args["user"];
        var password = args["pwd"];
        var groups = RoleGroups.Parse(args["sgrp"] ?? "viewer");
        if (!IsValidUserName(name))
        {
            return Unchanged(users, 200, PwdgrpText.AccountUserName);
        }

        if (!IsValidPassword(password))
        {
            return Unchanged(users, 200, PwdgrpText.InvalidPassword);
        }

        if (users.Any(u => u.Name == name))
        {
            return Unchanged(users, 200, PwdgrpText.UserNameExists);
        }

        if (groups is null || args["grp"] is not (null or "users" or "root") || users.Count >= MaxAccounts)
        {
            return Unchanged(users, 200, PwdgrpText.ConsultSystemLog);
        }

        var account = UserAccount.Create(name!, password!, realm, groups.Role, groups.Ptz);
        return Changed([.. users, account], PwdgrpText.Created(account.Name));
    }

    private static PwdgrpResult Update(FormFields args, IReadOnlyList<UserAccount> users, string realm)
    {
        var name = args["user"];
        var existing = users.FirstOrDefault(u => u.Name == name);
        if (existing is null)
        {
            return Unchanged(users, 200, PwdgrpText.AccountUserName);
        }

        var updated = existing;
        if (args.Contains("pwd"))
        {
            if (!IsValidPassword(args["pwd"]))
            {
                return Unchanged(users, 200, PwdgrpText.InvalidPassword);
            }

            updated = updated.WithPassword(args["pwd"]!, realm);
        }

        if (args.Contains("sgrp"))
        {
            if (RoleGroups.Parse(args["sgrp"]) is not { } groups)
            {
                return Unchanged(users, 200, PwdgrpText.ConsultSystemLog);
            }

            updated = updated with { Role = groups.Role, Ptz = groups.Ptz };
        }

        var after = users.Select(u => u == existing ? updated : u).ToList();
        return NeedsSetup(after)
            ? Unchanged(users, 200, PwdgrpText.ConsultSystemLog) // the last administrator cannot be demoted ([E])
            : Changed(after, PwdgrpText.Modified(existing.Name));
    }

    private static PwdgrpResult Remove(FormFields args, IReadOnlyList<UserAccount> users, FirmwarePersonality personality)
    {
        var name = args["user"];
        var existing = users.FirstOrDefault(u => u.Name == name);
        if (existing is null)
        {
            return Unchanged(users, 200, PwdgrpText.AccountUserName);
        }

        var after = users.Where(u => u != existing).ToList();
        var protectedRoot = personality == FirmwarePersonality.Os10 && existing.Name == "root";
        return protectedRoot || NeedsSetup(after)
            ? Unchanged(users, 200, PwdgrpText.ConsultSystemLog) // root (< 11.5) and the last admin stay ([E] text)
            : Changed(after, PwdgrpText.Removed(existing.Name));
    }

    /// <summary>
    /// <c>action=get</c>, the compact CRLF form of current firmware (K610 "new response"): one line per
    /// group, every account in <c>digusers</c>. K610 requires all of admin/operator/viewer/ptz.
    /// </summary>
    private static string ListGroups(IReadOnlyList<UserAccount> users)
    {
        static string Line(string group, IEnumerable<UserAccount> members) =>
            $"{group}=\"{string.Join(',', members.Select(u => u.Name))}\"\r\n";

        return Line("admin", users.Where(u => u.Role == UserRole.Admin))
            + Line("operator", users.Where(u => u.Role >= UserRole.Operator))
            + Line("viewer", users)
            + Line("ptz", users.Where(u => u.Ptz))
            + Line("digusers", users);
    }

    private static bool IsValidUserName(string? name) =>
        name is { Length: > 0 and <= MaxUserNameLength } && name.All(char.IsAsciiLetterOrDigit);

    /// <summary>1–64 printable ASCII characters (code 32–126), as the web interface and VAPIX doc state.</summary>
    private static bool IsValidPassword(string? password) =>
        password is { Length: > 0 and <= MaxPasswordLength } && password.All(c => c is >= ' ' and <= '~');

    private static PwdgrpResult Unchanged(IReadOnlyList<UserAccount> users, int status, string message) =>
        new(new VapixResponse(status, VapixContentTypes.Html, PwdgrpText.Page(message)), users, false);

    private static PwdgrpResult Changed(IReadOnlyList<UserAccount> users, string message) =>
        new(VapixResponse.Ok(VapixContentTypes.Html, PwdgrpText.Page(message)), users, true);

    /// <summary>The <c>sgrp</c> colon list: the highest of admin/operator/viewer, plus ptz.</summary>
    private sealed record RoleGroups(UserRole Role, bool Ptz)
    {
        public static RoleGroups? Parse(string? sgrp)
        {
            if (string.IsNullOrEmpty(sgrp))
            {
                return null;
            }

            var role = UserRole.Viewer;
            var ptz = false;
            foreach (var group in sgrp.Split(':'))
            {
                switch (group)
                {
                    case "admin": role = UserRole.Admin; break;
                    case "operator": role = role == UserRole.Admin ? role : UserRole.Operator; break;
                    case "viewer": break;
                    case "ptz": ptz = true; break;
                    default: return null;
                }
            }

            return new RoleGroups(role, ptz);
        }
    }
}
