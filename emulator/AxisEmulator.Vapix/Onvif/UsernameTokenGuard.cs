using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using AxisEmulator.Core.Config;

namespace AxisEmulator.Vapix.Onvif;

/// <summary>
/// Checks WS-Security UsernameTokens (OASIS UsernameToken profile 1.0) as an Axis device does:
/// PasswordDigest = Base64(SHA-1(nonce + created + password)), <c>Created</c> within
/// <see cref="Freshness"/> of the <em>device's</em> clock, and, while
/// <c>WebService.UsernameToken.ReplayAttackProtection=yes</c> (the captured default), each nonce
/// accepted once. One guard per device boot: a reboot forgets the nonces, as the device's memory does.
/// </summary>
internal sealed class UsernameTokenGuard
{
    /// <summary>How far <c>Created</c> may be from the device's time. [E] ±5 min: no Axis figure found.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(5);

    private const string DigestType = "#PasswordDigest";
    private readonly Dictionary<string, DateTimeOffset> _seenNonces = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>The account the token proves, or null (the answer is then <c>ter:NotAuthorized</c>).</summary>
    public UserAccount? Verify(XElement security, IReadOnlyCollection<UserAccount> users, string realm, DateTimeOffset deviceNow, bool replayProtection)
    {
        var token = security.Element(SoapNamespaces.Security + "UsernameToken");
        var name = token?.Element(SoapNamespaces.Security + "Username")?.Value.Trim();
        var password = token?.Element(SoapNamespaces.Security + "Password");
        var user = name is null ? null : users.FirstOrDefault(u => u.Name == name);
        var secret = user is null ? null : TokenSecrets.Open(user.Name, realm, user.TokenSecret);
        if (password is null || secret is null)
        {
            return null;
        }

        var type = (string?)password.Attribute("Type") ?? "";
        if (!type.EndsWith(DigestType, StringComparison.Ordinal))
        {
            // PasswordText: the password itself (allowed by the profile; Axis accepts it [E]).
            return FixedTimeEquals(password.Value, secret) ? user : null;
        }

        var nonceText = token!.Element(SoapNamespaces.Security + "Nonce")?.Value.Trim();
        var createdText = token.Element(SoapNamespaces.Utility + "Created")?.Value.Trim();
        if (nonceText is null || createdText is null || !TryBase64(nonceText, out var nonce)
            || !DateTimeOffset.TryParse(createdText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created)
            || (created - deviceNow).Duration() > Freshness)
        {
            return null;
        }

        // The UsernameToken profile defines PasswordDigest with SHA-1; the protocol leaves no choice.
#pragma warning disable CA5350
        var expected = Convert.ToBase64String(SHA1.HashData([.. nonce, .. Encoding.UTF8.GetBytes(createdText + secret)]));
#pragma warning restore CA5350
        if (!FixedTimeEquals(password.Value.Trim(), expected))
        {
            return null;
        }

        return !replayProtection || FirstUse(nonceText, deviceNow) ? user : null;
    }

    /// <summary>Records the nonce; false when it was already used within the freshness window.</summary>
    private bool FirstUse(string nonce, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_seenNonces.Count > 4096)
            {
                foreach (var old in _seenNonces.Where(p => now - p.Value > Freshness * 2).Select(p => p.Key).ToList())
                {
                    _seenNonces.Remove(old);
                }
            }

            return _seenNonces.TryAdd(nonce, now);
        }
    }

    private static bool TryBase64(string text, out byte[] bytes)
    {
        bytes = new byte[text.Length];
        if (Convert.TryFromBase64String(text, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        return false;
    }

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
