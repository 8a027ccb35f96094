using AxisEmulator.Core.Config;

namespace AxisEmulator.Vapix.Auth;

/// <summary>
/// What a request needs: nothing (<see cref="Anonymous"/>) or an account of at least a role. Ordered so
/// that a higher level includes every lower one (admin ⊃ operator ⊃ viewer), like <see cref="UserRole"/>.
/// </summary>
public enum AccessLevel
{
    Anonymous = 0,
    Viewer = 1,
    Operator = 2,
    Admin = 3,
}

public static class AccessLevels
{
    public static AccessLevel Of(UserRole role) => role switch
    {
        UserRole.Admin => AccessLevel.Admin,
        UserRole.Operator => AccessLevel.Operator,
        _ => AccessLevel.Viewer,
    };

    /// <summary>Whether the account (null: anonymous) may do what needs <paramref name="required"/>.</summary>
    public static bool Satisfies(this UserAccount? user, AccessLevel required) =>
        (user is null ? AccessLevel.Anonymous : Of(user.Role)) >= required;

    /// <summary>The pwdgrp.cgi group name of a role (<c>admin</c>, <c>operator</c>, <c>viewer</c>).</summary>
    public static string GroupName(this UserRole role) => role.ToString().ToLowerInvariant();
}
