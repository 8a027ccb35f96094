namespace AxisEmulator.Vapix.Ssh;

/// <summary>[E] What the SSH API accepts as account names and passwords (Linux-style names; printable passwords).</summary>
internal static class SshNames
{
    public static bool IsValidUser(string name) =>
        name.Length is > 0 and <= 32 && char.IsAsciiLetterLower(name[0]) && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-')
        && name != "root";

    public static bool IsValidPassword(string password) => password.Length is > 0 and <= 64 && !password.Any(char.IsControl);
}
