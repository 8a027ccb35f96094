using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace AxisEmulator.Vapix.Auth;

/// <summary>RFC 2617 MD5 digests as lower-case hex, the only algorithm Axis offers on HTTP (HA1: <see cref="AxisEmulator.Core.Config.UserAccount.ComputeHa1"/>).</summary>
public static class DigestHash
{
    private const int StackLimit = 1024;

    public static string Md5Hex(string text) => Md5Hex(text.AsSpan());

    public static string Md5Hex(ReadOnlySpan<char> text)
    {
        // Runs twice per authenticated request: hash from the stack rather than allocating the bytes.
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = length > StackLimit ? ArrayPool<byte>.Shared.Rent(length) : null;
        Span<byte> buffer = rented ?? stackalloc byte[StackLimit];
        var count = Encoding.UTF8.GetBytes(text, buffer);
        Span<byte> hash = stackalloc byte[MD5.HashSizeInBytes];
        MD5.HashData(buffer[..count], hash);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Compares two hex digests (case-insensitively) without leaking where they differ.</summary>
    public static bool HexEquals(string expected, string? actual)
    {
        if (actual is null || actual.Length != expected.Length)
        {
            return false;
        }

        var difference = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            difference |= char.ToLowerInvariant(expected[i]) ^ char.ToLowerInvariant(actual[i]);
        }

        return difference == 0;
    }
}
