using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace AxisEmulator.LoadTest;

/// <summary>The canned answer the comparison servers give: the device's own body bytes and headers.</summary>
internal sealed record StubResponse(string Path, string ContentType, byte[] Body, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    /// <summary>The headers VapixServer adds to every answer, so every server sends the same bytes on the wire.</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> DeviceHeaders =
    [
        new("Server", "Apache/2.4.68 (Unix) OpenSSL/3.5.7"),
        new("X-Content-Type-Options", "nosniff"),
        new("X-Frame-Options", "SAMEORIGIN"),
        new("X-XSS-Protection", "1; mode=block"),
    ];

    public void Save(string directory)
    {
        File.WriteAllBytes(Path_(directory, "body"), Body);
        File.WriteAllLines(Path_(directory, "meta"), [Path, ContentType]);
    }

    public static StubResponse Load(string directory)
    {
        var meta = File.ReadAllLines(Path_(directory, "meta"));
        return new StubResponse(meta[0], meta[1], File.ReadAllBytes(Path_(directory, "body")), DeviceHeaders);
    }

    private static string Path_(string directory, string name) => System.IO.Path.Combine(directory, "stub." + name);
}

/// <summary>
/// The comparison servers, each run as its own process (<c>serve-bare</c>, <c>serve-wiremock</c>) so
/// that, like the emulator, it does not share a runtime with the load client. Each prints
/// <c>listening on URL</c>, then serves until its standard input closes or <c>--max-seconds</c> pass.
/// </summary>
internal static class StubServers
{
    public const string ListeningPrefix = "listening on ";

    /// <summary>
    /// A minimal Kestrel app on 127.0.0.1:0 that answers every request with the stub's bytes, no auth.
    /// With <c>--tls</c>: Kestrel's TLS with the stub directory's certificate, HTTP/1.1 and HTTP/2 by ALPN, as the devices' HTTPS.
    /// </summary>
    public static async Task<int> ServeBareAsync(CommandArgs args)
    {
        var stubDir = args.String("stub-dir") ?? throw new FormatException("--stub-dir is required");
        var stub = StubResponse.Load(stubDir);
        var maxSeconds = args.Double("max-seconds", 900, 1, 3600);
        var tls = args.Flag("tls") ? StubCertificate.Load(stubDir) : null;
        args.EnsureAllRead();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(IPAddress.Loopback, 0, listen =>
            {
                if (tls is not null)
                {
                    listen.Protocols = Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http1AndHttp2;
                    listen.UseHttps(tls);
                }
            });
        });
        var app = builder.Build();
        var body = stub.Body;
        app.Run(context =>
        {
            var response = context.Response;
            response.StatusCode = 200;
            foreach (var (name, value) in stub.Headers)
            {
                response.Headers[name] = value;
            }

            response.ContentType = stub.ContentType;
            response.ContentLength = body.Length;
            return response.Body.WriteAsync(body, context.RequestAborted).AsTask();
        });
        await app.StartAsync();
        Console.WriteLine(ListeningPrefix + app.Urls.First(u => u.StartsWith(tls is null ? "http://127.0.0.1" : "https://127.0.0.1", StringComparison.Ordinal)));
        await WaitForEndAsync(maxSeconds);
        await app.StopAsync();
        return 0;
    }

    /// <summary>WireMock.Net with one static mapping: GET of the stub's path answers its bytes.</summary>
    public static async Task<int> ServeWireMockAsync(CommandArgs args)
    {
        var stub = StubResponse.Load(args.String("stub-dir") ?? throw new FormatException("--stub-dir is required"));
        var maxSeconds = args.Double("max-seconds", 900, 1, 3600);
        var logCount = args.Int("request-log", 0, 0, 1_000_000);
        args.EnsureAllRead();

        var port = FreeLoopbackPort();
        using var server = WireMockServer.Start(new WireMockServerSettings
        {
            Urls = [$"http://127.0.0.1:{port}"],
            StartAdminInterface = false,
            ReadStaticMappings = false,
            MaxRequestLogCount = logCount,
        });
        var response = Response.Create().WithStatusCode(200).WithBody(stub.Body);
        foreach (var (name, value) in stub.Headers)
        {
            response = response.WithHeader(name, value);
        }

        server.Given(Request.Create().WithPath(stub.Path).UsingGet())
            .RespondWith(response.WithHeader("Content-Type", stub.ContentType));
        Console.WriteLine(ListeningPrefix + server.Urls[0]);
        await WaitForEndAsync(maxSeconds);
        server.Stop();
        return 0;
    }

    private static async Task WaitForEndAsync(double maxSeconds)
    {
        Console.Out.Flush();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(maxSeconds));
        var stdin = Task.Run(() =>
        {
            // The parent closes our standard input (or dies): time to go.
            while (Console.In.ReadLine() is not null)
            {
            }
        });
        await Task.WhenAny(stdin, Task.Delay(Timeout.InfiniteTimeSpan, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default));
    }

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}

/// <summary>A child process of ours that prints <c>listening on URL</c> (the stub servers).</summary>
internal sealed class StubProcess : IAsyncDisposable
{
    private readonly Process _process;

    private StubProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    public int Pid => _process.Id;

    public static async Task<StubProcess> StartAsync(string kind, string stubDir, params string[] extra)
    {
        var self = Environment.ProcessPath!;
        var info = new ProcessStartInfo(self)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            info.ArgumentList.Add(typeof(StubServers).Assembly.Location);
        }

        info.ArgumentList.Add(kind);
        info.ArgumentList.Add("--stub-dir");
        info.ArgumentList.Add(stubDir);
        foreach (var arg in extra)
        {
            info.ArgumentList.Add(arg);
        }

        // The servers under comparison get the runtime settings of an ASP.NET app (server GC), as the emulator has.
        info.Environment["DOTNET_gcServer"] = "1";
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + kind);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"[{kind}] {e.Data}");
            }
        };
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException($"{kind} exited before listening (exit {(process.HasExited ? process.ExitCode : -1)})");
            if (line.StartsWith(StubServers.ListeningPrefix, StringComparison.Ordinal))
            {
                var url = new Uri(line[StubServers.ListeningPrefix.Length..].Trim());
                _ = DrainAsync(process.StandardOutput);
                return new StubProcess(process, url);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private static async Task DrainAsync(StreamReader reader)
    {
        try
        {
            while (await reader.ReadLineAsync() is not null)
            {
            }
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
