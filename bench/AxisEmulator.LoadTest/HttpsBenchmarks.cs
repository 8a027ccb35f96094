using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace AxisEmulator.LoadTest;

/// <summary>
/// The throughput comparison over TLS: one device's HTTPS (HTTP/2, Basic on every request as the
/// recommended policy asks over HTTPS, its certificate pinned) against bare Kestrel with TLS (HTTP/2,
/// an ECDSA P-256 certificate like the device's) answering the same bytes without authentication.
/// </summary>
internal static class HttpsBenchmarks
{
    public static async Task<int> HttpsVsBareAsync(CommandArgs args)
    {
        var common = CommonOptions.Read(args);
        var connections = args.Int("connections", 32, 1, 1024);
        var duration = TimeSpan.FromSeconds(args.Double("duration", 10, 1, 300));
        var warmup = TimeSpan.FromSeconds(args.Double("warmup", 3, 0, 60));
        var prime = TimeSpan.FromSeconds(args.Double("prime", 10, 0, 120));
        var rounds = args.Int("rounds", 3, 1, 10);
        args.EnsureAllRead();
        Report.Header("https-vs-bare", $"{connections} connections × {duration.TotalSeconds:F0} s (warm-up {warmup.TotalSeconds:F0} s), {rounds} round(s), HTTP/2 over TLS, GET {Vapix.ParamPath}");

        await using var emulator = await common.StartAsync("--devices", "1", "--clock", "manual", "--seed", "1");
        var devices = await Fleet.BootAndListAsync(emulator, 1);
        await Fleet.CreateAdminsAsync(devices, parallel: 1);
        var device = (await emulator.DevicesAsync())[0]!;
        var https = new Uri(device.Str("network.httpsEndpoint"));
        var devicePin = device.Str("network.certificateSha256");
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Vapix.User}:{Vapix.Password}"));

        using var stubDir = new TempDir();
        var stub = await CaptureStubAsync(https, basic, devicePin);
        stub.Save(stubDir.Path);
        var barePin = StubCertificate.Create(stubDir.Path);
        await using var bare = await StubProcess.StartAsync("serve-bare", stubDir.Path, "--tls");

        var vapix = new LoadSpec("vapix https (basic)", _ => new Uri(https, Vapix.ParamPath), connections, warmup, duration, null, stub.Body.Length)
        {
            Authorization = basic,
            TrustCertificate = c => StubCertificate.Sha256(c) == devicePin,
            HttpVersion = HttpVersion.Version20,
        };
        var plain = new LoadSpec("bare kestrel tls", _ => new Uri(bare.Url, Vapix.ParamPath), connections, warmup, duration, null, stub.Body.Length)
        {
            TrustCertificate = c => StubCertificate.Sha256(c) == barePin,
            HttpVersion = HttpVersion.Version20,
        };
        var results = await HttpBenchmarks.RunRoundsAsync(rounds, prime, [(vapix, emulator.Pid, common.GcStats ? emulator : null), (plain, bare.Pid, null)]);
        Report.Ratios(results, vapix.Name, [(plain.Name, 0.6, true)]);
        Console.WriteLine($"emulator: {emulator.OutputLines} log lines, RSS {ProcessInfo.ResidentBytes(emulator.Pid) / 1048576.0:F0} MiB at the end");
        return 0;
    }

    /// <summary>The device's answer over HTTPS with Basic (HTTP/2), for the bare server to repeat.</summary>
    private static async Task<StubResponse> CaptureStubAsync(Uri https, string basic, string pin)
    {
        using var client = LoadRunner.NewConnection(TimeSpan.FromSeconds(30), c => StubCertificate.Sha256(c) == pin);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(https, Vapix.ParamPath)) { Version = HttpVersion.Version20 };
        request.Headers.TryAddWithoutValidation("Authorization", basic);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.OK || response.Version != HttpVersion.Version20)
        {
            throw new InvalidOperationException($"{https}{Vapix.ParamPath} answered {(int)response.StatusCode} over HTTP/{response.Version}");
        }

        var contentType = response.Content.Headers.ContentType?.ToString() ?? "text/plain";
        Console.WriteLine($"measured answer: {body.Length} bytes of {contentType} over HTTP/{response.Version}, first line {Encoding.UTF8.GetString(body).Split('\n')[0]}");
        return new StubResponse("/axis-cgi/param.cgi", contentType, body, StubResponse.DeviceHeaders);
    }
}
