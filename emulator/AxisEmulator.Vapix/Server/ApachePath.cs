using System.Text;

namespace AxisEmulator.Vapix.Server;

/// <summary>
/// What the device's Apache (2.4 defaults: MergeSlashes On, AllowEncodedSlashes Off) makes of a
/// request path before it maps it (server/request.c, ap_process_request_internal): ap_normalize_path
/// with NOT_ABOVE_ROOT, MERGE_SLASHES and DECODE_UNRESERVED, then ap_unescape_url_ex with
/// FORBID_SLASHES. Paths hold one char per byte (Latin-1): Apache compares bytes, and every route is ASCII.
/// </summary>
internal static class ApachePath
{
    public static (TargetVerdict Verdict, string Path) Resolve(string rawPath)
    {
        // The usual path (no escape, no empty or dot segment) is its own result.
        if (!rawPath.Contains('%', StringComparison.Ordinal)
            && !rawPath.Contains("//", StringComparison.Ordinal)
            && !rawPath.Contains("/.", StringComparison.Ordinal))
        {
            return (TargetVerdict.Ok, rawPath);
        }

        // A malformed escape or a ".." above the root fails normalisation: 400, before any 404.
        if (DecodeUnreserved(rawPath) is not { } decoded || Normalize(decoded) is not { } normalized)
        {
            return (TargetVerdict.BadRequest, "");
        }

        var (path, forbidden) = Unescape(normalized);
        return forbidden ? (TargetVerdict.NotFound, "") : (TargetVerdict.Ok, path);
    }

    /// <summary>
    /// Decodes every escape (ap_unescape_url), leaving a malformed one as it is; Forbidden when one
    /// was a NUL or a slash (the "badpath" that Apache answers 404).
    /// </summary>
    public static (string Text, bool Forbidden) Unescape(ReadOnlySpan<char> text)
    {
        if (!text.Contains('%'))
        {
            return (text.ToString(), false);
        }

        var result = new StringBuilder(text.Length);
        var forbidden = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (EscapedByte(text, i) is { } value)
            {
                forbidden |= value is '\0' or '/';
                result.Append(value);
                i += 2;
            }
            else
            {
                result.Append(text[i]);
            }
        }

        return (result.ToString(), forbidden);
    }

    /// <summary>RFC 3986 §6.2.2.2: escapes of unreserved characters decoded, the others kept; null for a malformed escape.</summary>
    private static string? DecodeUnreserved(string path)
    {
        var result = new StringBuilder(path.Length);
        for (var i = 0; i < path.Length; i++)
        {
            if (path[i] != '%')
            {
                result.Append(path[i]);
                continue;
            }

            if (EscapedByte(path, i) is not { } value)
            {
                return null;
            }

            if (char.IsAsciiLetterOrDigit(value) || value is '-' or '.' or '_' or '~')
            {
                result.Append(value);
            }
            else
            {
                result.Append(path, i, 3);
            }

            i += 2;
        }

        return result.ToString();
    }

    /// <summary>Empty and <c>.</c> segments dropped, <c>x/..</c> resolved (a trailing slash kept); null when <c>..</c> climbs above the root.</summary>
    private static string? Normalize(string path)
    {
        var segments = path[1..].Split('/');
        var kept = new List<string>(segments.Length);
        var trailingSlash = false;
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            trailingSlash = i == segments.Length - 1 && segment is ("" or "." or "..");
            switch (segment)
            {
                case "" or ".":
                    break;
                case "..":
                    if (kept.Count == 0)
                    {
                        return null;
                    }

                    kept.RemoveAt(kept.Count - 1);
                    break;
                default:
                    kept.Add(segment);
                    break;
            }
        }

        return kept.Count == 0 ? "/" : "/" + string.Join('/', kept) + (trailingSlash ? "/" : "");
    }

    private static char? EscapedByte(ReadOnlySpan<char> text, int percent) =>
        text[percent] == '%' && percent + 2 < text.Length && char.IsAsciiHexDigit(text[percent + 1]) && char.IsAsciiHexDigit(text[percent + 2])
            ? (char)((HexValue(text[percent + 1]) << 4) | HexValue(text[percent + 2]))
            : null;

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
