using System.Security.Cryptography;
using System.Text;

namespace AxisEmulator.Control.Security;

/// <summary>
/// Compares a presented bearer token with the configured one in constant time. Both are hashed
/// first, so neither the content nor the length of the secret shows in how long a wrong guess takes
/// (<see cref="CryptographicOperations.FixedTimeEquals"/> alone returns at once on a length mismatch).
/// </summary>
public static class BearerTokens
{
    public static byte[] Digest(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public static bool Matches(string presented, byte[] expectedDigest) =>
        CryptographicOperations.FixedTimeEquals(Digest(presented), expectedDigest);
}
