using System.Security.Cryptography;
using System.Text;

namespace AxisEmulator.Core.Config;

/// <summary>Roles nest: admin ⊃ operator ⊃ viewer.</summary>
public enum UserRole
{
    Viewer,
    Operator,
    Admin,
}

/// <summary>
/// A VAPIX user. Only the Digest HA1 (MD5 of <c>user:realm:password</c>) is kept: the plain password
/// never reaches memory beyond the request that set it, nor any log or state file.
/// </summary>
/// <param name="TokenSecret">
/// The password sealed for WS-Security UsernameToken checks (<see cref="TokenSecrets"/>): a
/// PasswordDigest can only be verified with the password itself, so unlike the HA1 it is kept
/// reversibly, never in the clear. Null for accounts stored before ONVIF (HTTP Digest only).
/// </param>
public sealed record UserAccount(string Name, string Ha1, UserRole Role, bool Ptz = false, string? TokenSecret = null)
{
    public static UserAccount Create(string name, string password, string realm, UserRole role, bool ptz = false) =>
        new(name, ComputeHa1(name, realm, password), role, ptz, TokenSecrets.Seal(name, realm, password));

    /// <summary>The account with a new password: the HA1 and the token secret change together.</summary>
    public UserAccount WithPassword(string password, string realm) =>
        this with { Ha1 = ComputeHa1(Name, realm, password), TokenSecret = TokenSecrets.Seal(Name, realm, password) };

    public static string ComputeHa1(string name, string realm, string password) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes($"{name}:{realm}:{password}")));

    public bool HasRole(UserRole required) => Role >= required;

    /// <summary>Never prints the HA1.</summary>
    public override string ToString() => $"{Name} ({Role.ToString().ToLowerInvariant()}{(Ptz ? ", ptz" : "")})";
}
