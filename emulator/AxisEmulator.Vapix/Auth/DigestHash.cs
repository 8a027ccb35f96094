using System.Security.Cryptography;
using System.Text;

namespace AxisEmulator.Vapix.Auth;

/// <summary>RFC 2617 MD5 digests as lower-case hex, the only algorithm Axis offers on HTTP (HA1: <see cref="AxisEmulator.Core.Config.UserAccount.ComputeHa1"/>).</summary>
public static class DigestHash
{
    public static string Md5Hex(string text) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Compares two hex digests without leaking where they differ.</summary>
    public static bool HexEquals(string expected, string? actual) =>
        actual is not null
        && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual.ToLowerInvariant()));
}
