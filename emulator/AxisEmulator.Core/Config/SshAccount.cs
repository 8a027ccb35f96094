using System.Security.Cryptography;
using System.Text;

namespace AxisEmulator.Core.Config;

/// <summary>An SSH account: name, comment and a salted hash of its password (never the password itself).</summary>
public sealed record SshAccount(string Username, string PasswordHash, string Comment)
{
    public static SshAccount Create(string username, string password, string comment) => new(username, Hash(username, password), comment);

    public bool HasPassword(string password) => PasswordHash == Hash(Username, password);

    private static string Hash(string username, string password) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"ssh:{username}:{password}")));
}
