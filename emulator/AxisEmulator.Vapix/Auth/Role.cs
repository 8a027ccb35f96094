namespace AxisEmulator.Vapix.Auth;

/// <summary>
/// Access levels, ordered so that a higher role includes every lower one (admin ⊃ operator ⊃ viewer).
/// <see cref="Anonymous"/> is only ever a requirement, never a user's role.
/// </summary>
public enum Role
{
    Anonymous = 0,
    Viewer = 1,
    Operator = 2,
    Admin = 3,
}

public static class RoleExtensions
{
    public static bool Satisfies(this Role role, Role required) => role >= required;

    /// <summary>The pwdgrp.cgi group name of a role (<c>admin</c>, <c>operator</c>, <c>viewer</c>).</summary>
    public static string GroupName(this Role role) => role switch
    {
        Role.Admin => "admin",
        Role.Operator => "operator",
        Role.Viewer => "viewer",
        _ => "anonymous",
    };
}
