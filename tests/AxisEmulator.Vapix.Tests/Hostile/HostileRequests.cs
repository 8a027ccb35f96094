using System.Text;

namespace AxisEmulator.Vapix.Tests.Hostile;

/// <summary>One hostile request: its category (for the figures and failure messages) and its bytes as sent.</summary>
public sealed record HostileRequest(string Category, string Profile, string Route, byte[] Bytes);

/// <summary>
/// A seeded generator of hostile requests built from a served route's sample call: the same seed
/// gives the same requests, so a failure replays. Every request carries no valid credentials, so
/// none can change the device's stored configuration.
/// </summary>
public sealed class HostileRequests(int seed)
{
    /// <summary>Apache's LimitRequestLine and LimitRequestFieldSize default (8190 bytes): one past it.</summary>
    private const int ApacheLimit = 8191;

    private static readonly string[] Categories =
    [
        "request-line", "oversized-line", "oversized-header", "percent-encoding", "nul",
        "parameters", "digest", "basic", "json",
    ];

    private readonly Random _random = new(seed);

    public HostileRequest Next(string profile, string method, string target, string? body, string host)
    {
        var category = Categories[_random.Next(Categories.Length)];
        var (head, payload) = category switch
        {
            "request-line" => (BrokenRequestLine(method, target), body),
            "oversized-line" => ($"{method} {WithArgument(target, "pad=" + new string('a', ApacheLimit + _random.Next(4096)))} HTTP/1.1", body),
            "oversized-header" => ($"{method} {target} HTTP/1.1\r\nX-Pad: {new string('b', ApacheLimit + _random.Next(4096))}", body),
            "percent-encoding" => ($"{method} {WithArgument(target, Pick("x=%zz", "x=%4", "%", "x=%%41", "x=%C3%28", "%ff%fe=%80"))} HTTP/1.1", body),
            "nul" => ($"{method} {WithArgument(target, Pick("x=%00", "%00=1", "group=Brand%00.ProdNbr"))} HTTP/1.1", body is null ? null : body.Insert(_random.Next(body.Length), "\0")),
            "parameters" => ($"{method} {WithArgument(target, Pick("action=list&action=update", "=&&&=", "group", "action=", "a=1&a=2&a=3&;&=x", "action=remove&group=root"))} HTTP/1.1", body),
            "digest" => ($"{method} {target} HTTP/1.1\r\nAuthorization: {BrokenDigest(target)}", body),
            "basic" => ($"{method} {target} HTTP/1.1\r\nAuthorization: {BrokenBasic()}", body),
            _ => ($"{method} {target} HTTP/1.1", BrokenJson(body)),
        };
        var bytes = Encoding.UTF8.GetBytes(payload ?? "");
        var text = head + $"\r\nHost: {host}\r\nConnection: close\r\n"
            + (payload is null ? "" : $"Content-Type: application/json\r\nContent-Length: {bytes.Length}\r\n") + "\r\n";
        return new HostileRequest(category, profile, target, [.. Encoding.Latin1.GetBytes(text), .. bytes]);
    }

    private string BrokenRequestLine(string method, string target) => _random.Next(8) switch
    {
        0 => $"{method}  {target}  HTTP/1.1",
        1 => $"{method} {target} HTTP/9.9",
        2 => $"{method} {target}",
        3 => $"{method}\t{target}\tHTTP/1.1",
        4 => $"{method.ToLowerInvariant()} {target} HTTP/1.1",
        5 => $"G\u0001T {target} HTTP/1.1",
        6 => $"{method} {target} HTTP/1.1 extra",
        _ => $"{method} {target.Replace('/', '\\')} HTTP/1.1",
    };

    private string BrokenDigest(string target)
    {
        var fields = new List<string>
        {
            "username=\"root\"", "realm=\"AXIS_ACCC8E000000\"", "nonce=\"AAAAAAAAAAA=0000\"", $"uri=\"{target}\"",
            "response=\"00000000000000000000000000000000\"", "qop=auth", "nc=00000001", "cnonce=\"abc\"", "algorithm=MD5",
        };
        switch (_random.Next(8))
        {
            case 0: fields.RemoveAt(_random.Next(fields.Count)); break;
            case 1: fields.Add(fields[_random.Next(fields.Count)]); break;
            case 2: fields[_random.Next(fields.Count)] = "nonce=\"" + new string('n', 4000 + _random.Next(4000)) + "\""; break;
            case 3: fields[^1] = "algorithm=" + Pick("SHA-256", "MD5-sess", "ROT13", "", "\"MD5"); break;
            case 4: fields[_random.Next(fields.Count)] = Pick("username=", "=\"x\"", "nc=zzzzzzzz", "uri=\"\"", "qop=\"auth-int\"", "realm"); break;
            case 5: return "Digest";
            case 6: return "Digest " + string.Join(",", fields).Replace("\"", "", StringComparison.Ordinal);
            default: fields.Insert(0, "username=\"root\\\""); break;
        }

        return "Digest " + string.Join(", ", fields);
    }

    private string BrokenBasic() => _random.Next(6) switch
    {
        0 => "Basic",
        1 => "Basic !!!notbase64!!!",
        2 => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("rootpass")),
        3 => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("root:wrong")) + ", Basic abc",
        4 => "Basic " + new string('A', 6000),
        _ => "Bearer " + Convert.ToBase64String(Encoding.UTF8.GetBytes("root:pass")),
    };

    private string? BrokenJson(string? body) => _random.Next(7) switch
    {
        0 => body is { Length: > 1 } ? body[.._random.Next(1, body.Length)] : "{",
        1 => new string('[', 2000 + _random.Next(2000)) + new string(']', 100),
        2 => "{\"a\":" + string.Concat(Enumerable.Repeat("{\"a\":", 300)) + "1" + new string('}', 301),
        3 => "{\"apiVersion\":1,\"method\":[],\"params\":\"x\"}",
        4 => "{\"apiVersion\":\"1.0\",\"method\":\"" + new string('m', 20000) + "\"}",
        5 => "null",
        _ => "\uFEFF{\"apiVersion\":\"1.0\",\"method\":\"getApiList\",\"method\":\"status\"}",
    };

    private static string WithArgument(string target, string argument) =>
        target + (target.Contains('?', StringComparison.Ordinal) ? "&" : "?") + argument;

    private string Pick(params string[] choices) => choices[_random.Next(choices.Length)];
}
