using System.Globalization;

namespace AxisEmulator.Vapix.Tests.Captures;

/// <summary>Parses the request/response files of the rs4acap cassettes (format in vapix-captures/README.md).</summary>
public static class CaptureFileParser
{
    public static CapturedRequest ParseRequest(string text)
    {
        var (head, body) = SplitAtBlankLine(text);
        var lines = head.Split('\n');
        var requestLine = lines[0];
        var space = requestLine.IndexOf(' ', StringComparison.Ordinal);
        var method = requestLine[..space];
        var target = requestLine[(space + 1)..];
        var question = target.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? target : target[..question];
        var query = question < 0 ? "" : target[(question + 1)..];

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        return new CapturedRequest(method, path, query, headers, body);
    }

    public static CapturedResponse ParseResponse(string text)
    {
        var (head, body) = SplitAtBlankLine(text);
        var statusLine = head.Split('\n')[0];
        var space = statusLine.IndexOf(' ', StringComparison.Ordinal);
        return new CapturedResponse(
            int.Parse(statusLine[..space], CultureInfo.InvariantCulture), statusLine[(space + 1)..], body);
    }

    /// <summary>
    /// Splits at the first empty line. A GET request file may be a single line without one; the body
    /// keeps every byte after the blank line (CRLFs of pwdgrp pages, trailing newline or not).
    /// </summary>
    private static (string Head, string Body) SplitAtBlankLine(string text)
    {
        var blank = text.IndexOf("\n\n", StringComparison.Ordinal);
        return blank < 0 ? (text.TrimEnd('\n'), "") : (text[..blank], text[(blank + 2)..]);
    }
}
