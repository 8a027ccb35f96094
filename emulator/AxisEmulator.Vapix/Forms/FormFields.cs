using System.Text;

namespace AxisEmulator.Vapix.Forms;

/// <summary>
/// The <c>key=value</c> arguments of a legacy CGI call, in the order sent. Axis CGIs read the query
/// string and a url-encoded body alike, whatever Content-Type the client claims (K610 sends
/// <c>text/plain</c> with a form body), so both are parsed the same way and concatenated.
/// </summary>
public sealed class FormFields
{
    private readonly List<KeyValuePair<string, string>> _fields;

    private FormFields(List<KeyValuePair<string, string>> fields) => _fields = fields;

    public static FormFields Empty { get; } = new([]);

    public IReadOnlyList<KeyValuePair<string, string>> All => _fields;

    /// <summary>Query string (with or without the leading <c>?</c>) first, then the body.</summary>
    public static FormFields Parse(string? query, string? body = null)
    {
        var fields = new List<KeyValuePair<string, string>>();
        AddPairs(fields, query);
        AddPairs(fields, body);
        return new FormFields(fields);
    }

    /// <summary>First value of an argument (names are case-sensitive, as on the device); null when absent.</summary>
    public string? this[string name] => IndexOf(name) is var i and >= 0 ? _fields[i].Value : null;

    public bool Contains(string name) => IndexOf(name) >= 0;

    private int IndexOf(string name)
    {
        for (var i = 0; i < _fields.Count; i++)
        {
            if (_fields[i].Key == name)
            {
                return i;
            }
        }

        return -1;
    }

    private static void AddPairs(List<KeyValuePair<string, string>> fields, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        // Cut in place: every polled request has a query, and only the keys and values need strings.
        var rest = text.AsSpan().TrimStart('?');
        foreach (var range in rest.Split('&'))
        {
            // Bodies often end with a newline (curl --data @file, K610); it is not part of the value.
            var pair = rest[range].TrimEnd("\r\n");
            if (pair.IsEmpty)
            {
                continue;
            }

            var equals = pair.IndexOf('=');
            var key = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? [] : pair[(equals + 1)..];
            fields.Add(new(Decode(key), Decode(value)));
        }
    }

    /// <summary>
    /// Lenient url-decoding: <c>+</c> is a space, <c>%XX</c> a UTF-8 byte; a malformed escape stays
    /// literal instead of failing the request (bad input gets a VAPIX error, never a crash).
    /// </summary>
    private static string Decode(ReadOnlySpan<char> escaped)
    {
        if (escaped.IndexOfAny('%', '+') < 0)
        {
            return escaped.IsEmpty ? "" : new string(escaped);
        }

        var text = escaped.ToString();

        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '+')
            {
                bytes.Add((byte)' ');
            }
            else if (c == '%' && i + 2 < text.Length && char.IsAsciiHexDigit(text[i + 1]) && char.IsAsciiHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                var length = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                bytes.AddRange(Encoding.UTF8.GetBytes(text.Substring(i, length)));
                i += length - 1;
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
