using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace AxisEmulator.LoadTest;

/// <summary>What one closed-loop load run is asked to do.</summary>
/// <param name="Name">Label in the report.</param>
/// <param name="UriFor">The request URI of connection n (0-based): one server, or one device per connection.</param>
/// <param name="Connections">Connections, each a worker sending one request at a time.</param>
/// <param name="Credentials">Digest user and password, or null for no auth.</param>
/// <param name="ExpectedBodyLength">Length every 200 body must have (a wrong one counts as an error).</param>
internal sealed record LoadSpec(string Name, Func<int, Uri> UriFor, int Connections, TimeSpan Warmup, TimeSpan Duration, (string User, string Password)? Credentials, int ExpectedBodyLength)
{
    /// <summary>Bound on requests per connection, whatever the duration.</summary>
    public long MaxRequestsPerConnection { get; init; } = 5_000_000;

    /// <summary>An <c>Authorization</c> value sent with every request (Basic, as tools send it over HTTPS); null: none or Digest.</summary>
    public string? Authorization { get; init; }

    /// <summary>Over TLS: which server certificate to trust (a pinned fingerprint); null: plain HTTP.</summary>
    public Func<X509Certificate2, bool>? TrustCertificate { get; init; }

    /// <summary>The HTTP version asked for (HTTP/2 needs TLS here: ALPN; lower if the server refuses).</summary>
    public Version HttpVersion { get; init; } = System.Net.HttpVersion.Version11;
}

internal sealed record LoadResult(
    string Name,
    int Connections,
    double Seconds,
    long Ok,
    long Challenges,
    IReadOnlyDictionary<string, long> Errors,
    double P50Ms,
    double P90Ms,
    double P99Ms,
    double MaxMs,
    double ServerCpuSeconds,
    double ClientCpuSeconds,
    string LoadAverage)
{
    public double RequestsPerSecond => Ok / Seconds;

    public long ErrorCount => Errors.Values.Sum();

    /// <summary>Server CPU time per successful request, microseconds.</summary>
    public double ServerMicrosPerRequest => Ok == 0 ? double.NaN : ServerCpuSeconds * 1e6 / Ok;

    /// <summary>Load-tool CPU time per successful request, microseconds.</summary>
    public double ClientMicrosPerRequest => Ok == 0 ? double.NaN : ClientCpuSeconds * 1e6 / Ok;

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Name,-14} {Connections,4} conns  {RequestsPerSecond,9:F0} req/s  p50 {P50Ms,7:F2} ms  p90 {P90Ms,7:F2} ms  p99 {P99Ms,7:F2} ms  max {MaxMs,8:F1} ms  "
        + $"ok {Ok}  challenges {Challenges}  errors {(Errors.Count == 0 ? "0" : string.Join(", ", Errors.Select(e => $"{e.Key}={e.Value}")))}  "
        + $"server cpu {ServerCpuSeconds / Seconds * 100:F0}% ({ServerMicrosPerRequest:F1} µs/req)  client cpu {ClientCpuSeconds / Seconds * 100:F0}% ({ClientMicrosPerRequest:F1} µs/req)  load {LoadAverage}");
}

/// <summary>
/// A closed-loop HTTP load: N workers, each with its own connection (a SocketsHttpHandler limited to
/// one connection per server), sending a request as soon as the previous answer is read. Digest is
/// computed here, one nonce per connection with its own increasing nonce count.
/// </summary>
internal static class LoadRunner
{
    public static async Task<LoadResult> RunAsync(LoadSpec spec, int serverPid)
    {
        var workers = new Worker[spec.Connections];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = new Worker(spec, spec.UriFor(i));
        }

        var clock = Stopwatch.StartNew();
        var measureFrom = spec.Warmup;
        var end = spec.Warmup + spec.Duration;
        double serverCpu = 0, clientCpu = 0;
        var self = Environment.ProcessId;
        var load = ProcessInfo.LoadAverage();
        var sampler = Task.Run(async () =>
        {
            await Task.Delay(measureFrom);
            var s0 = ProcessInfo.CpuSeconds(serverPid);
            var c0 = ProcessInfo.CpuSeconds(self);
            var t0 = clock.Elapsed;
            await Task.Delay(end - t0);
            var span = (clock.Elapsed - t0).TotalSeconds;
            serverCpu = (ProcessInfo.CpuSeconds(serverPid) - s0) * spec.Duration.TotalSeconds / span;
            clientCpu = (ProcessInfo.CpuSeconds(self) - c0) * spec.Duration.TotalSeconds / span;
            load = ProcessInfo.LoadAverage();
        });

        await Task.WhenAll(workers.Select(w => Task.Run(() => w.RunAsync(clock, measureFrom, end))));
        await sampler;

        var latencies = workers.SelectMany(w => w.Latencies).ToArray();
        Array.Sort(latencies);
        var errors = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (kind, count) in workers.SelectMany(w => w.Errors))
        {
            errors[kind] = errors.GetValueOrDefault(kind) + count;
        }

        foreach (var worker in workers)
        {
            worker.Dispose();
        }

        return new LoadResult(
            spec.Name,
            spec.Connections,
            spec.Duration.TotalSeconds,
            latencies.LongLength,
            workers.Sum(w => w.Challenges),
            errors,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.90),
            Percentile(latencies, 0.99),
            latencies.Length == 0 ? 0 : ToMs(latencies[^1]),
            serverCpu,
            clientCpu,
            load);
    }

    public static double Percentile(long[] sortedTicks, double p) =>
        sortedTicks.Length == 0 ? double.NaN : ToMs(sortedTicks[Math.Clamp((int)Math.Ceiling(p * sortedTicks.Length) - 1, 0, sortedTicks.Length - 1)]);

    public static double ToMs(long stopwatchTicks) => stopwatchTicks * 1000.0 / Stopwatch.Frequency;

    /// <summary>Short name of what went wrong with a request.</summary>
    public static string ErrorKind(Exception ex) => ex switch
    {
        TaskCanceledException or OperationCanceledException => "timeout",
        HttpRequestException { InnerException: SocketException socket } => "socket-" + socket.SocketErrorCode,
        HttpRequestException { InnerException: IOException { InnerException: SocketException socket } } => "socket-" + socket.SocketErrorCode,
        HttpRequestException http => "http-" + http.HttpRequestError,
        IOException => "io",
        _ => ex.GetType().Name,
    };

    public static HttpClient NewConnection(TimeSpan timeout, Func<X509Certificate2, bool>? trust = null) => new(
        new SocketsHttpHandler
        {
            SslOptions = trust is null ? new SslClientAuthenticationOptions() : new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is X509Certificate2 presented && trust(presented),
            },
            MaxConnectionsPerServer = 1,
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        })
    {
        Timeout = timeout,
    };

    private sealed class Worker(LoadSpec spec, Uri uri) : IDisposable
    {
        private readonly HttpClient _client = NewConnection(TimeSpan.FromSeconds(10), spec.TrustCertificate);
        private readonly DigestSession? _digest = spec.Credentials is { } c ? new DigestSession(c.User, c.Password) : null;
        private readonly string _target = uri.PathAndQuery;

        public List<long> Latencies { get; } = new(capacity: 64 * 1024);

        public Dictionary<string, long> Errors { get; } = new(StringComparer.Ordinal);

        public long Challenges { get; private set; }

        public async Task RunAsync(Stopwatch clock, TimeSpan measureFrom, TimeSpan end)
        {
            var measureFromTicks = (long)(measureFrom.TotalSeconds * Stopwatch.Frequency);
            var endTicks = (long)(end.TotalSeconds * Stopwatch.Frequency);
            for (long n = 0; n < spec.MaxRequestsPerConnection; n++)
            {
                var started = clock.ElapsedTicks;
                if (started >= endTicks)
                {
                    return;
                }

                var error = await SendAsync(started >= measureFromTicks);
                var finished = clock.ElapsedTicks;
                if (started < measureFromTicks || finished > endTicks)
                {
                    continue; // warm-up, or finished after the window closed
                }

                if (error is null)
                {
                    Latencies.Add(finished - started);
                }
                else
                {
                    Errors[error] = Errors.GetValueOrDefault(error) + 1;
                    if (error.StartsWith("socket-", StringComparison.Ordinal))
                    {
                        await Task.Delay(10); // do not spin on a refusing port
                    }
                }
            }
        }

        /// <summary>One logical request: null when it got its 200 (after at most one fresh challenge), else the error kind.</summary>
        private async Task<string?> SendAsync(bool measured)
        {
            try
            {
                for (var attempt = 0; ; attempt++)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, uri) { Version = spec.HttpVersion, VersionPolicy = HttpVersionPolicy.RequestVersionOrLower };
                    if (_digest is { HasChallenge: true })
                    {
                        request.Headers.TryAddWithoutValidation("Authorization", _digest.Authorization("GET", _target));
                    }
                    else if (spec.Authorization is { } authorization)
                    {
                        request.Headers.TryAddWithoutValidation("Authorization", authorization);
                    }

                    using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                    var bodyLength = await DrainAsync(response);
                    if (response.StatusCode == HttpStatusCode.Unauthorized && _digest is not null && attempt == 0
                        && DigestChallenge.Parse(response.Headers.WwwAuthenticate.ToString()) is { } challenge)
                    {
                        _digest.Accept(challenge);
                        if (measured)
                        {
                            Challenges++;
                        }

                        continue;
                    }

                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        return "http-" + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
                    }

                    return bodyLength == spec.ExpectedBodyLength ? null : "wrong-body";
                }
            }
            catch (Exception ex)
            {
                return ErrorKind(ex);
            }
        }

        /// <summary>
        /// Reads the body to its end into this connection's one buffer and counts it: every target's
        /// answer costs the client the same read loop, with nothing buffered or allocated per answer
        /// (buffering a chunked body of unknown length cost the client more than a sized one).
        /// </summary>
        private async Task<long> DrainAsync(HttpResponseMessage response)
        {
            await using var body = await response.Content.ReadAsStreamAsync();
            long total = 0;
            int read;
            while ((read = await body.ReadAsync(_buffer)) > 0)
            {
                total += read;
            }

            return total;
        }

        private readonly byte[] _buffer = new byte[16 * 1024];

        public void Dispose() => _client.Dispose();
    }
}
