using System.Net;
using System.Text;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;
using AxisEmulator.Vapix.Tests.Auth;
using AxisEmulator.Vapix.Tests.Https;
using Needs = AxisEmulator.Vapix.Tests.Server.WhoGetsInTests.Needs;

namespace AxisEmulator.Vapix.Tests.Server;

/// <summary>
/// The HTTPS pass of the matrix: every route over HTTP/2 with TLS, under <c>recommended</c> (Basic
/// over HTTPS: Digest is refused with a Basic challenge) and under <c>digest</c> (the reverse).
/// </summary>
public partial class AuthorizationMatrixTests
{
    /// <summary>Who calls over HTTPS, and with which scheme.</summary>
    public enum HttpsCaller
    {
        None,
        BasicViewer,
        BasicOperator,
        BasicAdmin,
        DigestAdmin,
    }

    [Theory]
    [InlineData("recommended")]
    [InlineData("digest")]
    public async Task Over_https_every_route_grants_the_role_in_the_policys_scheme_and_challenges_in_it(string policy)
    {
        var basicOverHttps = policy == "recommended";
        var unexpected = new List<string>();
        var cells = 0;
        foreach (var profile in Rows.Select(r => r.Profile).Distinct())
        {
            await using var h = new ServerHarness();
            var device = await PolicyDeviceAsync(h, profile, policy);
            foreach (var row in Rows.Where(r => r.Profile == profile))
            {
                var destructive = WhoGetsInTests.Destructive(row.Call, row.Body);
                foreach (var caller in Enum.GetValues<HttpsCaller>())
                {
                    var schemeFits = caller == HttpsCaller.None || (caller == HttpsCaller.DigestAdmin) != basicOverHttps;
                    var granted = row.Needs == Needs.Anyone || (schemeFits && caller switch
                    {
                        HttpsCaller.BasicAdmin or HttpsCaller.DigestAdmin => true,
                        HttpsCaller.BasicOperator => row.Needs <= Needs.Operator,
                        HttpsCaller.BasicViewer => row.Needs <= Needs.Viewer,
                        _ => false,
                    });
                    var target = granted && destructive ? await PolicyDeviceAsync(h, profile, policy) : device;
                    using var client = HttpsClients.Pinned(h, target);
                    using var request = new HttpRequestMessage(new HttpMethod(row.Method), row.Call) { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
                    if (row.Body is not null)
                    {
                        request.Content = new StringContent(row.Body, Encoding.UTF8, "application/json");
                    }

                    if (await AuthorizationAsync(client, caller, row.Method, row.Call) is { } authorization)
                    {
                        request.Headers.TryAddWithoutValidation("Authorization", authorization);
                    }

                    using var response = await client.SendAsync(request);
                    cells++;
                    var cell = $"{policy} {caller} {row.Method} {row.Call} ({profile})";
                    if (response.Version != HttpVersion.Version20)
                    {
                        unexpected.Add($"{cell}: HTTP/{response.Version}");
                    }

                    var challenge = string.Join(" | ", response.Headers.WwwAuthenticate.Select(v => v.ToString()));
                    var wantedScheme = basicOverHttps ? "Basic " : "Digest ";
                    if (granted ? (int)response.StatusCode != WhoGetsInTests.GrantedStatus(row.Call) : response.StatusCode != HttpStatusCode.Unauthorized || !challenge.StartsWith(wantedScheme + "realm=\"" + target.Identity.Realm + "\"", StringComparison.Ordinal))
                    {
                        unexpected.Add($"{cell}: expected {(granted ? WhoGetsInTests.GrantedStatus(row.Call).ToString(System.Globalization.CultureInfo.InvariantCulture) : "401 " + wantedScheme)}, got {(int)response.StatusCode} [{challenge}]");
                    }
                }
            }
        }

        unexpected.Should().BeEmpty(string.Join("\n", unexpected));
        cells.Should().Be(Rows.Count * Enum.GetValues<HttpsCaller>().Length);
        output.WriteLine($"HTTPS pass ({policy}): {cells} cells over HTTP/2, all as expected");
    }

    private static async Task<Device> PolicyDeviceAsync(ServerHarness h, string profile, string policy)
    {
        var device = await h.ReadyDeviceAsync(profile);
        ServerHarness.AddUser(device, WhoGetsInTests.Viewer, Password, UserRole.Viewer);
        ServerHarness.AddUser(device, "runner", Password, UserRole.Operator);
        ServerHarness.SetParameter(device, "Network.HTTP.AuthenticationPolicy", policy);
        return device;
    }

    /// <summary>The Authorization value a caller sends; Digest answers a challenge the device issued over this HTTPS connection's kind.</summary>
    private static async Task<string?> AuthorizationAsync(HttpClient client, HttpsCaller caller, string method, string call)
    {
        switch (caller)
        {
            case HttpsCaller.None:
                return null;
            case HttpsCaller.BasicViewer:
                return DigestClient.Basic(WhoGetsInTests.Viewer, Password);
            case HttpsCaller.BasicOperator:
                return DigestClient.Basic("runner", Password);
            case HttpsCaller.BasicAdmin:
                return DigestClient.Basic("root", "pass");
            default:
                // A Digest challenge: over HTTPS under digest; under recommended HTTPS offers none, so one from the plain HTTP side's format is forged with the realm.
                using (var probe = await client.GetAsync("/axis-cgi/serverreport.cgi"))
                {
                    var offered = probe.Headers.WwwAuthenticate.Select(v => v.ToString()).Single();
                    var challenge = offered.StartsWith("Digest ", StringComparison.Ordinal)
                        ? offered
                        : $"Digest {offered["Basic ".Length..]}, nonce=\"AAAAAAAAAAA=0000000000000000000000000000000000000000\", algorithm=MD5, qop=\"auth\"";
                    return DigestClient.Answer(challenge, "root", "pass", method, call);
                }
        }
    }
}
