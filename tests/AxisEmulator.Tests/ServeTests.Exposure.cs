using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using AxisEmulator.Hosting;

namespace AxisEmulator.Tests;

/// <summary>
/// Exposure of the control port (README, "Exposure"), over real HTTP against <c>serve</c>: the token
/// on every /api route and the event stream, health and metrics open, scenario files confined to
/// their folder, the dashboard's files unreachable by traversal, bodies bounded.
/// </summary>
public partial class ServeTests
{
    private const string Token = "exposure-s3cret";

    [Fact]
    public async Task With_a_token_every_api_route_and_the_event_stream_answer_401_problems_without_it()
    {
        await using var server = await RunningServer.StartAsync(ServeArgs("--token", Token));
        using var http = new HttpClient { BaseAddress = server.ControlUrl };
        var routes = await ApiRoutesAsync(http);
        routes.Should().Contain(("GET", "/api/v1/events")).And.Contain(("POST", "/api/v1/scenarios/run")).And.HaveCountGreaterThan(20);

        var denials = 0;
        foreach (var (method, path) in routes)
        {
            foreach (var authorization in new[] { null, "Bearer wrong", "Bearer " + Token + "x", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("root:" + Token)), Token, "Bearer" })
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{id}", "cam-1", StringComparison.Ordinal));
                if (authorization is not null)
                {
                    request.Headers.TryAddWithoutValidation("Authorization", authorization);
                }

                if (method is "POST" or "PUT")
                {
                    request.Content = Json("{}");
                }

                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                var body = await response.Content.ReadAsStringAsync();
                ((int)response.StatusCode).Should().Be(401, $"{method} {path} with {authorization ?? "nothing"}: {body}");
                response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
                response.Headers.WwwAuthenticate.Should().ContainSingle().Which.Scheme.Should().Be("Bearer");
                denials++;
            }
        }

        denials.Should().Be(routes.Count * 6);
        (await DeviceIdsAsync(http, Token)).Should().Equal(["cam-1"], "nothing was deleted or added");
    }

    [Fact]
    public async Task Health_metrics_and_the_dashboard_page_stay_open_the_dashboard_calls_need_the_token()
    {
        await using var server = await RunningServer.StartAsync(ServeArgs("--token", Token));
        using var http = new HttpClient { BaseAddress = server.ControlUrl };

        (await http.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await http.GetStringAsync(new Uri("/metrics", UriKind.Relative))).Should().Contain("axis_emulator_");
        (await http.GetStringAsync(new Uri("/", UriKind.Relative))).Should().Contain("<html");
        (await http.GetAsync(new Uri("/api/v1/scenarios", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the presenter list is /api too");

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        (await http.GetAsync(new Uri("/api/v1/scenarios", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        using var events = await http.GetAsync(new Uri("/api/v1/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        events.StatusCode.Should().Be(HttpStatusCode.OK);
        events.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
    }

    [Fact]
    public async Task A_scenario_file_is_read_only_from_the_scenarios_folder()
    {
        using var folders = new TempFolders();
        var scenarios = folders.Make("scenarios");
        var outside = folders.Make("outside");
        const string Tiny = "name: tiny\ndevice: { profile: P3265-LVE }\nsteps:\n  - power: on\n";
        File.WriteAllText(Path.Combine(scenarios, "tiny.yaml"), Tiny);
        File.WriteAllText(Path.Combine(outside, "secret.yaml"), Tiny.Replace("tiny", "secret", StringComparison.Ordinal));
        File.CreateSymbolicLink(Path.Combine(scenarios, "escape.yaml"), Path.Combine(outside, "secret.yaml"));
        Directory.CreateSymbolicLink(Path.Combine(scenarios, "elsewhere"), outside);
        await using var server = await RunningServer.StartAsync(ServeArgs("--scenarios-dir", scenarios));
        using var http = new HttpClient { BaseAddress = server.ControlUrl };

        async Task<(int Status, string Body)> Run(string file)
        {
            using var response = await http.PostAsync(new Uri("/api/v1/scenarios/run", UriKind.Relative), Json(JsonSerializer.Serialize(new { file })));
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        (await Run("tiny.yaml")).Status.Should().Be(200);
        foreach (var path in new[] { "../outside/secret.yaml", Path.Combine(outside, "secret.yaml"), "..\\outside\\secret.yaml", "elsewhere/secret.yaml", "./tiny.yaml", "..", "tiny.yaml\u0000.txt", "" })
        {
            var (status, body) = await Run(path);
            status.Should().Be(400, $"'{path}' is a path, not a file name: {body}");
            body.Should().Contain("not a path").And.NotContain("secret\"");
        }

        var escape = await Run("escape.yaml");
        escape.Status.Should().Be(403, escape.Body);
        escape.Body.Should().Contain("outside the scenarios folder").And.NotContain("\"name\":\"secret\"");
        (await Run("secret.yaml")).Status.Should().Be(404);

        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        (await http.GetStringAsync(new Uri("/api/v1/scenarios", UriKind.Relative))).Should().Contain("tiny.yaml").And.NotContain("escape.yaml");
    }

    [Fact]
    public async Task Oversized_bodies_to_every_api_route_are_413_problems()
    {
        await using var server = await RunningServer.StartAsync(ServeArgs());
        using var http = new HttpClient { BaseAddress = server.ControlUrl };
        var writes = (await ApiRoutesAsync(http)).Where(r => r.Method is "POST" or "PUT").ToList();
        writes.Should().Contain(("POST", "/api/v1/scenarios/run")).And.Contain(("POST", "/api/v1/devices"));
        var big = "{\"yaml\":\"" + new string('x', (int)ControlPortLimits.MaxRequestBodyBytes + 1) + "\"}";

        foreach (var (method, path) in writes)
        {
            foreach (var chunked in new[] { false, true })
            {
                // Over a socket: the server may answer before the body is sent, and a client writing on gets a broken pipe.
                var framing = chunked ? "Transfer-Encoding: chunked" : $"Content-Length: {Encoding.UTF8.GetByteCount(big)}";
                var payload = chunked ? $"{Encoding.UTF8.GetByteCount(big):x}\r\n{big}\r\n0\r\n\r\n" : big;
                var target = path.Replace("{id}", "cam-1", StringComparison.Ordinal);
                var (status, head, body) = await RawAsync(server.ControlUrl, $"{method} {target} HTTP/1.1\r\nContent-Type: application/json\r\n{framing}", Encoding.UTF8.GetBytes(payload));
                status.Should().Be(413, $"{method} {path} (chunked: {chunked}): {body}");
                head.Should().Contain("application/problem+json");
            }
        }

        (await DeviceIdsAsync(http, null)).Should().Equal(["cam-1"], "no oversized request changed anything");
        (await http.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    /// <summary>Spellings of "up and out of the dashboard's folder", raw on the request line.</summary>
    private static readonly string[] TraversalTargets =
    [
        "/dashboard/../appsettings.json",
        "/dashboard/../../../../etc/passwd",
        "/dashboard/..%2f..%2f..%2fetc%2fpasswd",
        "/dashboard/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/dashboard/%2E%2E%2F%2E%2E%2Fappsettings.json",
        "/dashboard/..\\..\\..\\etc\\passwd",
        "/dashboard/..%5c..%5c..%5cetc%5cpasswd",
        "/dashboard/%252e%252e%252f%252e%252e%252fetc%252fpasswd",
        "/dashboard/js/..%2f..%2f..%2fAxisEmulator.dll",
        "/dashboard//etc/passwd",
        "/dashboard/%2fetc%2fpasswd",
        "/dashboard/....//....//etc/passwd",
        "/dashboard/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
        "/..%2f..%2fetc%2fpasswd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/dashboard/..;/..;/etc/passwd",
        "/dashboard/index.html%00../../etc/passwd",
    ];

    [Fact]
    public async Task The_dashboards_files_cannot_be_left_by_traversal_over_sockets_curl_and_python()
    {
        await using var server = await RunningServer.StartAsync(ServeArgs());
        var endpoint = server.ControlUrl;
        var targets = TraversalTargets;
        var answers = new List<(string Client, string Target, int Status, string Body)>();
        foreach (var target in targets)
        {
            var (status, body) = await RawGetAsync(endpoint, target);
            answers.Add(("socket", target, status, body));
            var curl = await RunToolAsync("/usr/bin/curl", ["-s", "--path-as-is", "-o", "-", "-w", "\n%{http_code}", new Uri(endpoint, "/").AbsoluteUri.TrimEnd('/') + target]);
            var split = curl.LastIndexOf('\n');
            answers.Add(("curl --path-as-is", target, int.Parse(curl[(split + 1)..], System.Globalization.CultureInfo.InvariantCulture), curl[..split]));
        }

        // requests normalises nothing when the URL is prepared by hand.
        var script = """
            import sys, json, requests
            base, targets = sys.argv[1], json.loads(sys.argv[2])
            s = requests.Session()
            for t in targets:
                req = requests.Request("GET", base + "/").prepare()
                req.url = base + t
                r = s.send(req)
                print(json.dumps([t, r.status_code, r.text]))
            """;
        var python = await RunToolAsync("/usr/bin/python3", ["-c", script, endpoint.AbsoluteUri.TrimEnd('/'), JsonSerializer.Serialize(targets)]);
        foreach (var line in python.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var row = JsonDocument.Parse(line).RootElement;
            answers.Add(("python requests", row[0].GetString()!, row[1].GetInt32(), row[2].GetString()!));
        }

        answers.Should().HaveCount(targets.Length * 3);
        foreach (var (client, target, status, body) in answers)
        {
            status.Should().BeOneOf([400, 404], $"{client} GET {target}: {body}");
            body.Should().NotContain("root:").And.NotContain("\"Emulator\"").And.NotContain("MZ");
        }

        using var http = new HttpClient { BaseAddress = endpoint };
        foreach (var target in targets.Where(t => !t.Contains('\\', StringComparison.Ordinal)))
        {
            using var response = await http.GetAsync(new Uri(target, UriKind.Relative));
            ((int)response.StatusCode).Should().BeOneOf([400, 404], $"HttpClient GET {target}");
        }
    }

    private static string[] ServeArgs(params string[] extra) =>
        ["serve", "--control-url", "http://127.0.0.1:0", "--device-base-port", "0", "--clock", "manual", "--ephemeral", "--devices", "1", .. extra];

    /// <summary>Every (method, path) of /api/v1 in the OpenAPI document, so a new route is checked without editing the test.</summary>
    private static async Task<List<(string Method, string Path)>> ApiRoutesAsync(HttpClient http)
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var routes = new List<(string, string)>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal)))
        {
            routes.AddRange(path.Value.EnumerateObject().Select(operation => (operation.Name.ToUpperInvariant(), path.Name)));
        }

        return routes;
    }

    private static async Task<List<string>> DeviceIdsAsync(HttpClient http, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/devices");
        request.Headers.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        using var devices = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. devices.RootElement.EnumerateArray().Select(d => d.GetProperty("id").GetString()!)];
    }

    private static async Task<(int Status, string Body)> RawGetAsync(Uri endpoint, string target)
    {
        var (status, _, body) = await RawAsync(endpoint, $"GET {target} HTTP/1.1", null);
        return (status, body);
    }

    /// <summary>One request byte for byte over a socket (request line and headers without Host and the blank line); the body may be cut short by the server.</summary>
    private static async Task<(int Status, string Head, string Body)> RawAsync(Uri endpoint, string head, byte[]? body)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(endpoint.Host, endpoint.Port);
        await using var stream = new NetworkStream(socket);
        await stream.WriteAsync(Encoding.Latin1.GetBytes($"{head}\r\nHost: {endpoint.Authority}\r\nConnection: close\r\n\r\n"));
        try
        {
            await stream.WriteAsync(body ?? []);
        }
        catch (IOException)
        {
            // The server answered and closed before taking the whole body.
        }

        using var received = new MemoryStream();
        try
        {
            await stream.CopyToAsync(received).WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (IOException)
        {
            // A reset after the answer.
        }

        var text = Encoding.Latin1.GetString(received.ToArray());
        var status = int.Parse(text.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return (status, split < 0 ? text : text[..split], split < 0 ? "" : text[(split + 4)..]);
    }

    private static async Task<string> RunToolAsync(string file, IEnumerable<string> arguments)
    {
        File.Exists(file).Should().BeTrue($"{file} is needed (Debian packages curl and python3-requests)");
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        process.ExitCode.Should().Be(0, await stderr);
        return await stdout;
    }

    /// <summary>Folders under one temporary root, removed afterwards.</summary>
    private sealed class TempFolders : IDisposable
    {
        private readonly string _root = Directory.CreateTempSubdirectory("axis-exposure-").FullName;

        public string Make(string name) => Directory.CreateDirectory(Path.Combine(_root, name)).FullName;

        public void Dispose() => Directory.Delete(_root, recursive: true);
    }
}
