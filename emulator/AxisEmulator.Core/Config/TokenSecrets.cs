using System.Security.Cryptography;
using System.Text;

namespace AxisEmulator.Core.Config;

/// <summary>
/// Seals an account's password for the ONVIF UsernameToken check (AES-GCM under a key derived from
/// the realm and the account name), so the state file never holds it in the clear. This protects
/// against reading the file by eye or by grep, not against someone with this source: the device
/// itself must be able to recover the password to verify a PasswordDigest.
/// </summary>
public static class TokenSecrets
{
    private const int TagSize = 16;
    private const int NonceSize = 12;

    public static string Seal(string name, string realm, string password)
    {
        var key = Key(name, realm);
        var plain = Encoding.UTF8.GetBytes(password);

        // Deterministic nonce (a hash of the key and the password): the same account and password seal the same way, and a key never sees two passwords under one nonce.
        var nonce = SHA256.HashData([.. key, .. plain])[..NonceSize];
        var cipher = new byte[plain.Length];
        var tag = new byte[TagSize];
        using (var aes = new AesGcm(key, TagSize))
        {
            aes.Encrypt(nonce, plain, cipher, tag);
        }

        return Convert.ToBase64String([.. nonce, .. tag, .. cipher]);
    }

    /// <summary>The password, or null when the secret is not one sealed for this account.</summary>
    public static string? Open(string name, string realm, string? sealedSecret)
    {
        if (sealedSecret is null)
        {
            return null;
        }

        try
        {
            var data = Convert.FromBase64String(sealedSecret);
            if (data.Length < NonceSize + TagSize)
            {
                return null;
            }

            var plain = new byte[data.Length - NonceSize - TagSize];
            using var aes = new AesGcm(Key(name, realm), TagSize);
            aes.Decrypt(data.AsSpan(0, NonceSize), data.AsSpan(NonceSize + TagSize), data.AsSpan(NonceSize, TagSize), plain);
            return Encoding.UTF8.GetString(plain);
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            return null;
        }
    }

    private static byte[] Key(string name, string realm) => SHA256.HashData(Encoding.UTF8.GetBytes($"axis-emulator-usernametoken:{realm}:{name}"));
}
