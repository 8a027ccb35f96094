using System.Net;
using System.Text.Json.Nodes;

namespace AxisEmulator.LoadTest;

/// <summary>The few VAPIX calls the benchmarks make outside the measured loops.</summary>
internal static class Vapix
{
    public const string User = "root";
    public const string Password = "bench-pass";
    public const string ParamPath = "/axis-cgi/param.cgi?action=list&group=root.Brand";

    /// <summary>Setup mode: creates the first admin anonymously (200 with "Created account root.").</summary>
    public static async Task CreateAdminAsync(HttpClient client, Uri device)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["action"] = "add",
            ["user"] = User,
            ["pwd"] = Password,
            ["grp"] = "root",
            ["sgrp"] = "admin:operator:viewer:ptz",
        });
        using var response = await client.PostAsync(new Uri(device, "/axis-cgi/pwdgrp.cgi"), form);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK || !text.Contains("Created account", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{device}: creating the admin answered {(int)response.StatusCode}: {text}");
        }
    }

    /// <summary>A Digest GET (challenge first); returns the final response, which the caller disposes.</summary>
    public static async Task<HttpResponseMessage> DigestGetAsync(HttpClient client, Uri uri, DigestSession session)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            if (session.HasChallenge)
            {
                request.Headers.TryAddWithoutValidation("Authorization", session.Authorization("GET", uri.PathAndQuery));
            }

            var response = await client.SendAsync(request);
            // Answer the first challenge, and a stale one (RFC 2617 §3.2.1: the nonce expired, the
            // credentials were right; retry with the new nonce). The nonce lifetime runs on the
            // device's clock, 300 simulated seconds: 15 s of wall time at scaled:20.
            if (response.StatusCode == HttpStatusCode.Unauthorized
                && DigestChallenge.Parse(response.Headers.WwwAuthenticate.ToString()) is { } challenge
                && (attempt == 0 || (challenge.Stale && attempt < 3)))
            {
                response.Dispose();
                session.Accept(challenge);
                continue;
            }

            return response;
        }
    }

    /// <summary>The device's VAPIX endpoint from its control-API state.</summary>
    public static Uri EndpointOf(JsonNode device) =>
        new(device.StrOrNull("network.endpoint") ?? throw new InvalidOperationException($"{device.Str("id")} has no endpoint yet (phase {device.Str("phase")})"));

    /// <summary>Runs <paramref name="work"/> over <paramref name="items"/> with at most <paramref name="parallel"/> at once.</summary>
    public static Task ForEachAsync<T>(IEnumerable<T> items, int parallel, Func<T, CancellationToken, ValueTask> work) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallel }, work);
}
