using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace AxisEmulator.Vapix.Tests.Onvif;

/// <summary>SOAP requests as ONVIF clients write them, and an independent UsernameToken (OASIS profile 1.0) builder.</summary>
internal static class OnvifMessages
{
    public const string Device = "http://www.onvif.org/ver10/device/wsdl";

    public static string Envelope(string operation, string? header = null) =>
        $"<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\">{(header is null ? "" : $"<s:Header>{header}</s:Header>")}<s:Body>{operation}</s:Body></s:Envelope>";

    public static string Op(string name, string ns = Device, string inner = "") => $"<{name} xmlns=\"{ns}\">{inner}</{name}>";

    /// <summary>A PasswordDigest token created at <paramref name="created"/> with a fresh random nonce.</summary>
    public static string Token(string user, string password, DateTimeOffset created, byte[]? nonce = null)
    {
        nonce ??= RandomNumberGenerator.GetBytes(16);
        var createdText = created.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
#pragma warning disable CA5350 // the profile's digest is SHA-1
        var digest = Convert.ToBase64String(SHA1.HashData([.. nonce, .. Encoding.UTF8.GetBytes(createdText + password)]));
#pragma warning restore CA5350
        return "<Security s:mustUnderstand=\"1\" xmlns=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\">" +
            $"<UsernameToken><Username>{user}</Username>" +
            $"<Password Type=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest\">{digest}</Password>" +
            $"<Nonce EncodingType=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary\">{Convert.ToBase64String(nonce)}</Nonce>" +
            $"<Created xmlns=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd\">{createdText}</Created>" +
            "</UsernameToken></Security>";
    }

    public static async Task<(int Status, string Body, HttpResponseMessage Response)> PostAsync(HttpClient client, string path, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/soap+xml") { CharSet = "utf-8" };
        var response = await client.PostAsync(path, content);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }
}
