using System.Security.Cryptography;
using System.Text;

namespace AxisEmulator.Vapix.Tests.Auth;

/// <summary>A client-side RFC 2617 implementation, written independently of the product code, to answer challenges.</summary>
internal static class DigestClient
{
    public static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));

    public static string NonceOf(string challenge) => ValueOf(challenge, "nonce");

    public static string ValueOf(string challenge, string name)
    {
        var start = challenge.IndexOf(name + "=\"", StringComparison.Ordinal) + name.Length + 2;
        return challenge[start..challenge.IndexOf('"', start)];
    }

    public static string Answer(
        string challenge, string user, string password, string method, string uri, int nc = 1, string cnonce = "0a4f113b")
    {
        var realm = ValueOf(challenge, "realm");
        var nonce = NonceOf(challenge);
        var ncText = nc.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
        var ha1 = Md5($"{user}:{realm}:{password}");
        var ha2 = Md5($"{method}:{uri}");
        var response = Md5($"{ha1}:{nonce}:{ncText}:{cnonce}:auth:{ha2}");
        return $"Digest username=\"{user}\", realm=\"{realm}\", nonce=\"{nonce}\", uri=\"{uri}\", "
            + $"algorithm=MD5, response=\"{response}\", qop=auth, nc={ncText}, cnonce=\"{cnonce}\"";
    }

    public static string Basic(string user, string password) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
}
