namespace AxisEmulator.Vapix.Users;

/// <summary>
/// The exact pwdgrp.cgi texts. Messages and the HTML wrapper are byte-copies of captures on AXIS OS
/// 10.12/11.11/12.9 (CRLF line ends) or of the VAPIX system-settings page where no capture exists.
/// </summary>
public static class PwdgrpText
{
    public const string UserNameExists = "Error: this user name already exists, consult the system log file.";
    public const string InvalidPassword = "Error: invalid password.";

    /// <summary>Sent for an invalid user name and for a user that does not exist (captured for both).</summary>
    public const string AccountUserName = "Error: account user name.";

    /// <summary>Generic refusal (documented); used where the device's exact text is unknown ([E]).</summary>
    public const string ConsultSystemLog = "Error: consult the system log file.";

    public const string MissingAction = "Error: action operation type.";
    public const string NotValidInitialAdmin = "Error: not a valid initial admin user.";
    public const string InitialAdminFirst = "Error: initial admin user must be created first.";

    public static string Created(string user) => $"Created account {user}.";

    public static string Modified(string user) => $"Modified account {user}.";

    public static string Removed(string user) => $"Removed account {user}.";

    public static string MalformedAction(string action) => $"Error: malformed action operation, {action}.";

    /// <summary>The page every add/update/remove answer is wrapped in.</summary>
    public static string Page(string message) =>
        $"<html><head><title>User accounts</title></head><body bgcolor=#ffffff>{message}\r\n</body>\r\n\r\n</html>\r\n";
}
