using System.Text;
using System.Text.Json.Nodes;

namespace AxisEmulator.Control.Tests.Hostile;

/// <summary>One hostile request to the control API: its category (for the figures), the route and the bytes as sent.</summary>
public sealed record ControlHostileRequest(string Category, ControlRoute Route, string Target, byte[] Bytes);

/// <summary>
/// A seeded generator of hostile control API requests built from each route's OpenAPI sample: the
/// same seed gives the same requests, so a failure replays. Every request is wrong somewhere (its
/// body, content type, id or query), so none may change what the emulator stores.
/// </summary>
public sealed class ControlHostileRequests(int seed, string deviceId)
{
    /// <summary>An id no device has: body-less deletes aim here, so only a bad query can meet a real device.</summary>
    public const string UnknownId = "no-such-cam";

    /// <summary>JSON nesting the run sends (the control API reads at most 32 levels).</summary>
    public const int DeepLevels = 10_000;

    private static readonly string[] Categories =
    [
        "broken-json", "deep-json", "huge", "wrong-type", "wrong-value", "content-type", "bad-id", "bad-query", "method",
    ];

    private readonly Random _random = new(seed);

    public ControlHostileRequest Next(ControlRoute route, string host)
    {
        var category = Categories[_random.Next(Categories.Length)];
        var id = route.Method == "DELETE" && !route.HasBody && category != "bad-query" ? UnknownId : deviceId;
        var method = route.Method;
        var query = "";
        string? contentType = "application/json";
        byte[]? body = route.HasBody ? Utf8(Poisoned(route.Example!)) : null;
        var chunked = false;
        switch (category)
        {
            case "broken-json":
                body = BrokenJson(route.Example);
                break;
            case "deep-json":
                body = Utf8(DeepJson());
                break;
            case "huge":
                (body, chunked) = (Huge(route.Example), _random.Next(2) == 0);
                break;
            case "wrong-type":
                body = Utf8(WrongType(route.Example));
                break;
            case "wrong-value":
                body = Utf8(WrongValue(route.Example));
                break;
            case "content-type":
                contentType = Pick("text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/json; charset=utf-16", "application/jsonx", "json", "*/*", "application/json, text/plain", "");
                body ??= Utf8("{\"hostile\":1}");
                break;
            case "bad-id":
                id = Pick("%00", "%ff%fe", "%C0%AE%C0%AE", "cam-1%00", "%3Cscript%3E", new string('x', 4000), "%", "%zz", "%E2%98%83", "cam-1;x", "cam%2F1", "%20", "no%20such", "cam-1%0D%0AX-Injected:%201");
                break;
            case "bad-query":
                query = "?" + BadQuery(route);
                break;
            default:
                method = Pick("PATCH", "TRACE", "PROPFIND", method == "GET" ? "PUT" : "GET", "FOO");
                if (method == "GET" && route.Method != "GET")
                {
                    // A GET on a write route may share its path with a read (GET /devices/{id}): harmless.
                    body = null;
                }

                break;
        }

        var target = route.Path.Replace("{id}", id, StringComparison.Ordinal) + query;
        var head = new StringBuilder($"{method} {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n");
        if (body is not null)
        {
            if (contentType.Length > 0)
            {
                head.Append("Content-Type: ").Append(contentType).Append("\r\n");
            }

            head.Append(chunked ? "Transfer-Encoding: chunked\r\n" : $"Content-Length: {body.Length}\r\n");
        }

        head.Append("\r\n");
        var framed = body is null ? [] : chunked ? [.. Encoding.ASCII.GetBytes($"{body.Length:x}\r\n"), .. body, .. "\r\n0\r\n\r\n"u8] : body;
        return new ControlHostileRequest(category, route, target, [.. Encoding.UTF8.GetBytes(head.ToString()), .. framed]);
    }

    /// <summary>The sample with a property no contract has: the control API refuses unknown properties, so the request stays wrong.</summary>
    private static string Poisoned(JsonObject example)
    {
        var copy = example.DeepClone().AsObject();
        copy["hostile"] = true;
        return copy.ToJsonString();
    }

    private byte[] BrokenJson(JsonObject? example)
    {
        var text = (example ?? []).ToJsonString();
        return _random.Next(10) switch
        {
            0 => Utf8(text[..Math.Max(1, _random.Next(text.Length))]),
            1 => Utf8("{"),
            2 => Utf8("{\"a\":}"),
            3 => Utf8("{'on':true}"),
            4 => Utf8(text.Length > 2 ? text[..^1] + ",}" : "{,}"),
            5 => Utf8(text + "}"),
            6 => Utf8(text.Insert(_random.Next(text.Length), "\0")),
            7 => [.. "{\"id\":\""u8, 0xC3, 0x28, 0xFF, .. "\"}"u8],
            8 => [0xEF, 0xBB, 0xBF, .. Utf8("{\"hostile\":1")],
            _ => Utf8(Pick("undefined", "NaN", "{\"a\":NaN}", "{\"a\":Infinity}", "[1,2", "\"unterminated", "{\"a\":1 \"b\":2}", "{\"a\" 1}", "/*c*/{}")),
        };
    }

    private string DeepJson() => _random.Next(3) switch
    {
        0 => new string('[', DeepLevels) + new string(']', DeepLevels),
        1 => string.Concat(Enumerable.Repeat("{\"a\":", DeepLevels)) + "1" + new string('}', DeepLevels),
        _ => "{\"power\":" + string.Concat(Enumerable.Repeat("{\"source\":", DeepLevels)) + "{}" + new string('}', DeepLevels + 1),
    };

    /// <summary>Over the control API's 64 KiB (413), or just under it with a body that is still wrong.</summary>
    private byte[] Huge(JsonObject? example)
    {
        var size = _random.Next(2) == 0 ? 64 * 1024 + 1 + _random.Next(200_000) : 60 * 1024;
        return _random.Next(3) switch
        {
            0 => Utf8("{\"hostile\":\"" + new string('x', size) + "\"}"),
            1 => Utf8("{" + string.Join(",", Enumerable.Range(0, size / 12).Select(i => $"\"k{i}\":{i}")) + "}"),
            _ => Utf8("[" + string.Join(",", Enumerable.Repeat((example ?? []).ToJsonString(), Math.Max(1, size / Math.Max(2, (example ?? []).ToJsonString().Length)))) + "]"),
        };
    }

    /// <summary>The sample with one value (at any depth) replaced by a value of another JSON kind, or a root that is not an object.</summary>
    private string WrongType(JsonObject? example)
    {
        var leaves = Leaves(example).ToList();
        if (leaves.Count == 0 || _random.Next(6) == 0)
        {
            return Pick("[]", "\"text\"", "42", "true", "null", "[{}]");
        }

        var copy = example!.DeepClone().AsObject();
        var (parent, key, value) = Leaves(copy).ElementAt(_random.Next(leaves.Count));
        JsonNode? replacement = value?.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.String => PickNode(12345, true, new JsonArray(), new JsonObject()),
            System.Text.Json.JsonValueKind.Number => PickNode("12", true, new JsonArray(), new JsonObject(), "NaN"),
            System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => PickNode("true", 1, new JsonArray(), new JsonObject()),
            System.Text.Json.JsonValueKind.Array => PickNode("x", 1, new JsonObject(), new JsonArray(new JsonArray())),
            _ => PickNode("x", 1, new JsonArray()),
        };
        Set(parent, key, replacement);
        return copy.ToJsonString();
    }

    /// <summary>The sample with one value of the right kind but out of range or malformed.</summary>
    private string WrongValue(JsonObject? example)
    {
        var copy = (example ?? []).DeepClone().AsObject();
        var leaves = Leaves(copy).ToList();
        if (leaves.Count == 0)
        {
            copy["hostile"] = Pick("\u0000", "x");
            return copy.ToJsonString();
        }

        var (parent, key, value) = leaves[_random.Next(leaves.Count)];
        JsonNode? replacement = value?.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.Number => PickNode(-1e308, 1e308, -0.000001, 4.9e-324, 99999999999999999999.0, -2147483649.0),
            System.Text.Json.JsonValueKind.String => PickNode("\u0000", new string('s', 20_000), "../../etc/passwd", "/etc/passwd", "\uFFFF\uD800", "BOGUS VALUE"),
            _ => PickNode("\u0000"),
        };
        Set(parent, key, replacement);
        return copy.ToJsonString();
    }

    private string BadQuery(ControlRoute route)
    {
        var name = route.Query.Count > 0 ? route.Query[_random.Next(route.Query.Count)] : "hostile";
        if (route.Method == "DELETE" && route.HasId)
        {
            // Aimed at a real device: only values no binder can read as absent or as a boolean.
            return Pick($"{name}=abc", $"{name}=-1", $"{name}=%00", $"{name}=maybe", $"{name}=true&{name}=false", $"{name}=TRUE%00", $"{name}={new string('q', 6000)}");
        }

        return Pick(
            $"{name}=abc", $"{name}=-1", $"{name}=1e309", $"{name}=99999999999999999999999", $"{name}=%00", $"{name}=%zz", $"{name}=",
            $"{name}={new string('q', 6000)}", $"{name}=1&{name}=2", $"{name}=%ff%fe", $"{name}", $"={name}", $"{name}=maybe", $"{name}=2026-13-45T99:99:99Z",
            $"{name}=TRUE%00", $"{name}[]=1");
    }

    /// <summary>Every scalar or array value in <paramref name="node"/> with its parent and key.</summary>
    private static IEnumerable<(JsonNode Parent, string Key, JsonNode? Value)> Leaves(JsonObject? node)
    {
        if (node is null)
        {
            yield break;
        }

        foreach (var (key, value) in node.ToList())
        {
            if (value is JsonObject inner)
            {
                foreach (var leaf in Leaves(inner))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return (node, key, value);
            }
        }
    }

    private static void Set(JsonNode parent, string key, JsonNode? value) => parent.AsObject()[key] = value;

    private JsonNode? PickNode(params JsonNode?[] choices) => choices[_random.Next(choices.Length)];

    private string Pick(params string[] choices) => choices[_random.Next(choices.Length)];

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
