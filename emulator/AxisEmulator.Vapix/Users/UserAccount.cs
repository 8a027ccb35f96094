using AxisEmulator.Vapix.Auth;

namespace AxisEmulator.Vapix.Users;

/// <summary>
/// A device account. Only the Digest HA1 (<c>MD5(user:realm:password)</c>) is kept, never the
/// password: it verifies Digest and Basic alike (DESIGN.md §4.5).
/// </summary>
public sealed record UserAccount(string Name, string Ha1, Role Role, bool Ptz)
{
    public static UserAccount Create(string name, string password, string realm, Role role, bool ptz) =>
        new(name, DigestHash.Ha1(name, realm, password), role, ptz);
}
