using AxisEmulator.Vapix.Server;

namespace AxisEmulator.Vapix.Tests.Server;

/// <summary>
/// The path Apache 2.4 maps for a request target (server/request.c: ap_normalize_path with
/// NOT_ABOVE_ROOT | MERGE_SLASHES | DECODE_UNRESERVED, then ap_unescape_url_ex with FORBID_SLASHES;
/// server/protocol.c: ap_parse_uri, and Strict request-line checks).
/// </summary>
public class RequestTargetTests
{
    public static TheoryData<string, string> Resolved => new()
    {
        { "/axis-cgi/param.cgi", "/axis-cgi/param.cgi" },
        { "//axis-cgi/param.cgi", "/axis-cgi/param.cgi" },
        { "/axis-cgi//param.cgi", "/axis-cgi/param.cgi" },
        { "///axis-cgi///param.cgi", "/axis-cgi/param.cgi" },
        { "/./axis-cgi/param.cgi", "/axis-cgi/param.cgi" },
        { "/axis-cgi/./param.cgi", "/axis-cgi/param.cgi" },
        { "/x/../axis-cgi/param.cgi", "/axis-cgi/param.cgi" },
        { "/x/y/../../axis-cgi/param.cgi", "/axis-cgi/param.cgi" },
        { "/axis-cgi/%70aram.cgi", "/axis-cgi/param.cgi" },
        { "/%61xis-cgi/param%2Ecgi", "/axis-cgi/param.cgi" },
        { "/%2e/axis-cgi/param.cgi", "/axis-cgi/param.cgi" },
        { "/x/%2e%2e/axis-cgi/param.cgi", "/axis-cgi/param.cgi" },
        { "/x/.%2E/axis-cgi/param.cgi", "/axis-cgi/param.cgi" },
        { "/x/%2E./axis-cgi/param.cgi", "/axis-cgi/param.cgi" },
        { "http://127.0.0.1:8081//axis-cgi/param.cgi", "/axis-cgi/param.cgi" },
        { "/axis-cgi/param.cgi/", "/axis-cgi/param.cgi/" },
        { "/axis-cgi/param.cgi//", "/axis-cgi/param.cgi/" },
        { "/axis-cgi/param.cgi/.", "/axis-cgi/param.cgi/" },
        { "/axis-cgi/param.cgi/..", "/axis-cgi/" },
        { "/x/..", "/" },
        { "//", "/" },
        { "/.hidden/...", "/.hidden/..." },
        { "/axis-cgi/%252e%252e/param.cgi", "/axis-cgi/%2e%2e/param.cgi" },
        { "/axis-cgi%5cparam.cgi", "/axis-cgi\\param.cgi" },
        { "/AXIS-CGI/Param.cgi", "/AXIS-CGI/Param.cgi" },
        { "/axis-cgi/param.cgi;jsessionid=1", "/axis-cgi/param.cgi;jsessionid=1" },
        { "/%C3%A9.cgi", "/\u00C3\u00A9.cgi" },
    };

    public static TheoryData<string, string> Refused => new()
    {
        { "/../axis-cgi/param.cgi", "above the root" },
        { "/..", "above the root" },
        { "/axis-cgi/../../param.cgi", "above the root" },
        { "/%2e%2e/axis-cgi/param.cgi", "above the root (escaped)" },
        { "//../axis-cgi/param.cgi", "above the root once the leading slashes merge" },
        { "/../axis-cgi%2fparam.cgi", "above the root comes before the encoded slash" },
        { "/axis-cgi/param%zz.cgi", "malformed escape" },
        { "/axis-cgi/param.cgi%4", "truncated escape" },
        { "/x/%zz/../axis-cgi/param.cgi", "malformed escape in a segment that .. removes" },
        { "/axis-cgi/param.cgi\u0001", "control character" },
        { "/axis-cgi/pa\tram.cgi", "tab" },
        { "/axis-cgi/param.cgi\u007f", "DEL" },
        { "/axis-cgi/param.cgi?group=\u0001", "control character in the query (the request line)" },
        { "/axis-cgi/param.cgi#top", "fragment" },
        { "/axis-cgi/param.cgi?action=list#top", "fragment after the query" },
        { "http://root:pass@127.0.0.1/axis-cgi/param.cgi", "user info" },
        { "axis-cgi/param.cgi", "not origin-form" },
        { "*", "not origin-form" },
        { "", "empty" },
    };

    public static TheoryData<string> NotFound => new()
    {
        "/axis-cgi%2fparam.cgi",
        "/axis-cgi%2Fparam.cgi",
        "/a/%2e%2e%2f../axis-cgi/param.cgi",
        "/axis-cgi/param.cgi%00",
    };

    [Theory]
    [MemberData(nameof(Resolved))]
    public void Resolves_to_the_path_apache_maps(string raw, string path)
    {
        var (verdict, target) = RequestTarget.Parse(raw + "?action=list");

        verdict.Should().Be(TargetVerdict.Ok);
        target.Path.Should().Be(path);
        target.Query.Should().Be("action=list");
        target.Raw.Should().Be(raw + "?action=list", "the raw target is kept for the Digest uri check");
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Refuses_what_apache_answers_400(string raw, string why)
    {
        RequestTarget.Parse(raw).Verdict.Should().Be(TargetVerdict.BadRequest, why);
    }

    [Theory]
    [MemberData(nameof(NotFound))]
    public void An_encoded_slash_or_nul_is_apaches_404(string raw)
    {
        RequestTarget.Parse(raw).Verdict.Should().Be(TargetVerdict.NotFound);
    }

    [Fact]
    public void The_usual_target_is_its_own_path()
    {
        var (verdict, target) = RequestTarget.Parse("/axis-cgi/param.cgi?action=list&group=root.Brand");

        verdict.Should().Be(TargetVerdict.Ok);
        target.Path.Should().BeSameAs(target.RawPath, "nothing to resolve, nothing copied");
        target.Query.Should().Be("action=list&group=root.Brand");
    }
}
