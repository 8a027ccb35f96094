using AxisEmulator.Core.Devices;
using AxisEmulator.Vapix.Tests.EndToEnd;
using AxisEmulator.Vapix.Tests.Server;

namespace AxisEmulator.Vapix.Tests.Https;

/// <summary>Real clients over HTTPS: curl (HTTP/2, Basic and Digest) and Python requests with the certificate pinned.</summary>
public sealed class HttpsPeersTests
{
    [Fact]
    public async Task Curl_over_http2_is_answered_with_basic_and_refused_with_digest_under_recommended()
    {
        ExternalTool.RequireCurl();
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();

        (await CurlAsync(h, camera, "--basic")).Should().Be("2 200", "recommended = Basic over HTTPS");
        (await CurlAsync(h, camera, "--digest")).Should().Be("2 401", "curl --digest answers only a Digest challenge, which HTTPS does not send under recommended");
    }

    [Fact]
    public async Task Curl_digest_is_answered_and_basic_refused_over_https_under_the_digest_policy()
    {
        ExternalTool.RequireCurl();
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        ServerHarness.SetParameter(camera, "Network.HTTP.AuthenticationPolicy", "digest");

        (await CurlAsync(h, camera, "--digest")).Should().Be("2 200");
        (await CurlAsync(h, camera, "--basic")).Should().Be("2 401");
    }

    [Fact]
    public async Task Python_requests_pinned_to_the_certificate_fingerprint_reads_with_basic()
    {
        ExternalTool.RequirePythonRequests();
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        var pinned = camera.Config.HttpsCertificate!.Sha256;
        const string script = """
            import sys, requests, urllib3
            from requests.adapters import HTTPAdapter
            urllib3.disable_warnings()
            url, fingerprint, wrong = sys.argv[1], sys.argv[2], sys.argv[3]
            class Pinned(HTTPAdapter):
                def __init__(self, fp):
                    self.fp = fp
                    super().__init__()
                def init_poolmanager(self, *args, **kwargs):
                    kwargs["assert_fingerprint"] = self.fp
                    super().init_poolmanager(*args, **kwargs)
            def get(fp):
                s = requests.Session()
                s.mount("https://", Pinned(fp))
                return s.get(url + "/axis-cgi/pwdgrp.cgi?action=get", auth=("root", "pass"), verify=False, timeout=10)
            r = get(fingerprint)
            print(r.status_code, r.headers.get("www-authenticate", "-"))
            try:
                get(wrong)
                print("wrong fingerprint accepted")
            except requests.exceptions.SSLError:
                print("wrong fingerprint refused")
            """;

        var result = await ExternalTool.RunAsync(ExternalTool.Python, ["-c", script, h.HttpsEndpoint(camera).AbsoluteUri.TrimEnd('/'), pinned, new string('0', 64)]);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal("200 -", "wrong fingerprint refused");
    }

    /// <summary>curl's negotiated HTTP version and status for the protected read as root/pass.</summary>
    private static async Task<string> CurlAsync(ServerHarness h, Device camera, string scheme)
    {
        var url = h.HttpsEndpoint(camera).AbsoluteUri.TrimEnd('/') + HttpsClients.ProtectedTarget;
        var result = await ExternalTool.RunAsync(ExternalTool.Curl, ["-sk", "--http2", scheme, "-u", "root:pass", "-o", "/dev/null", "-w", "%{http_version} %{http_code}", "--max-time", "10", url]);
        result.ExitCode.Should().Be(0, result.ToString());
        return result.Stdout.Trim();
    }
}
