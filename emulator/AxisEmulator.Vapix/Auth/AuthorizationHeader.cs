using System.Text;

namespace AxisEmulator.Vapix.Auth;

/// <summary>
/// An <c>Authorization</c> header split into its scheme and parameters. The parser never throws:
/// values may be quoted (with backslash escapes, commas inside) or bare tokens, names are
/// case-insensitive, and anything it cannot read just leaves the parameter out, which the
/// authenticator then treats as a missing field (401, not a crash).
/// </summary>
public sealed class AuthorizationHeader
{
    // A handful of parameters: a list searched in order is cheaper than a hash table, and keeps "first wins".
    private readonly List<KeyValuePair<string, string>> _parameters;

    private readonly string _text;
    private readonly int _credentialsStart;

    private AuthorizationHeader(string scheme, string text, int credentialsStart, List<KeyValuePair<string, string>> parameters)
    {
        Scheme = scheme;
        _text = text;
        _credentialsStart = credentialsStart;
        _parameters = parameters;
    }

    /// <summary><c>Digest</c>, <c>Basic</c>, ... as sent.</summary>
    public string Scheme { get; }

    /// <summary>Everything after the scheme (the base64 token for Basic).</summary>
    public string Credentials => _credentialsStart >= _text.Length ? "" : _text[_credentialsStart..].Trim();

    public bool IsScheme(string scheme) => string.Equals(Scheme, scheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>The parameter's value, or null when absent. The first occurrence wins.</summary>
    public string? this[string name]
    {
        get
        {
            foreach (var (key, value) in _parameters)
            {
                if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return value;
                }
            }

            return null;
        }
    }

    public static AuthorizationHeader? Parse(string? header)
    {
        var text = header?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var space = text.IndexOfAny([' ', '\t']);
        var scheme = space < 0 ? text : text[..space];
        var start = space < 0 ? text.Length : space + 1;
        return new AuthorizationHeader(scheme, text, start, ParseParameters(text, start));
    }

    /// <summary>The parameters of <paramref name="text"/> from <paramref name="i"/> on (no copy of the credentials first: they are long).</summary>
    private static List<KeyValuePair<string, string>> ParseParameters(string text, int i)
    {
        var parameters = new List<KeyValuePair<string, string>>(10);
        while (i < text.Length)
        {
            while (i < text.Length && (text[i] == ',' || char.IsWhiteSpace(text[i])))
            {
                i++;
            }

            var nameStart = i;
            while (i < text.Length && text[i] != '=' && text[i] != ',' && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var name = NameOf(text.AsSpan(nameStart, i - nameStart));
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length || text[i] != '=')
            {
                continue; // a bare word without a value: skip it
            }

            i++;
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var value = i < text.Length && text[i] == '"' ? ReadQuoted(text, ref i) : ReadToken(text, ref i);
            if (name.Length > 0)
            {
                parameters.Add(new(name, value));
            }
        }

        return parameters;
    }

    /// <summary>Reads a quoted string starting at the opening quote; an unterminated one runs to the end.</summary>
    private static string ReadQuoted(string text, ref int i)
    {
        // Usually there is nothing escaped: the value is the text up to the closing quote.
        var end = text.AsSpan(i + 1).IndexOfAny('"', '\\');
        if (end >= 0 && text[i + 1 + end] == '"')
        {
            var plain = text.Substring(i + 1, end);
            i += end + 2;
            return plain;
        }

        var value = new StringBuilder();
        for (i++; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                value.Append(text[++i]);
            }
            else if (c == '"')
            {
                i++;
                break;
            }
            else
            {
                value.Append(c);
            }
        }

        return value.ToString();
    }

    /// <summary>The Digest parameter names as constants (no string per name per request); others as read.</summary>
    private static string NameOf(ReadOnlySpan<char> name)
    {
        foreach (var known in KnownNames)
        {
            if (name.Equals(known, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        return name.ToString();
    }

    private static readonly string[] KnownNames = ["username", "realm", "nonce", "uri", "response", "algorithm", "qop", "nc", "cnonce", "opaque"];

    private static string ReadToken(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && text[i] != ',')
        {
            i++;
        }

        return text[start..i].Trim();
    }
}
