using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Fleet;
using AxisEmulator.Core.Power;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Vapix.Hosting;
using AxisEmulator.Vapix.Server;
using AxisEmulator.Vapix.Tests.Auth;
using AxisEmulator.Vapix.Tests.Support;

namespace AxisEmulator.Vapix.Tests.Server;

/// <summary>
/// An emulator on a manual clock with the shipped profiles, its VAPIX services and real loopback
/// listeners. Time moves only when a test says so; after every move the test awaits the listeners.
/// </summary>
public sealed class ServerHarness : IAsyncDisposable
{
    public const string AdminUser = "root";
    public const string AdminPassword = "pass";

    private static int _serials;

    /// <param name="limits">The listeners' bounds; null: Apache's defaults (<see cref="DeviceServerLimits.Default"/>).</param>
    public ServerHarness(int seed = 7, string? dhcpPool = null, IDeviceStateStore? store = null, DeviceServerLimits? limits = null)
    {
        Emulator = new Emulator(new EmulatorOptions { ClockMode = ClockMode.Manual, Seed = seed, DhcpPool = dhcpPool, Store = store }, ShippedProfiles.Catalog);
        var layout = limits is null ? null : new ListenerLayout { Limits = limits };
        (Listeners, Services) = VapixServer.Listen(Emulator, layout, hardwareProfilesDirectory: HardwareProfilesDirectory);
    }

    public static string HardwareProfilesDirectory => RepositoryPaths.HardwareProfiles;

    public static ProfileCatalog Profiles => ShippedProfiles.Catalog;

    public Emulator Emulator { get; }

    public SimulationClock Clock => Emulator.Clock;

    public VapixServices Services { get; }

    public DeviceListenerSet Listeners { get; }

    /// <summary>A source that powers the profile fully: its own PoE class over 10 m, or DC in its range.</summary>
    public static PowerSource SourceFor(HardwareProfile profile) => profile.Power.PoeClass is { } poeClass
        ? new PoeSource(poeClass <= 3 ? PoeStandard.Af : poeClass == 4 ? PoeStandard.At : PoeStandard.Bt, poeClass, 10)
        : new DcSource(profile.Power.Dc!.Min, 3);

    /// <summary>
    /// Adds a device; by default with a serial no other harness in this test run uses, so that two
    /// tests' devices never share a realm (a client that reached the wrong one would be refused).
    /// </summary>
    public Device Add(string profileId, string? serial = null, string? id = null) => Emulator.AddDevice(profileId, id, serial ?? NextSerial());

    /// <summary>A device that has booted to ready with an administrator <c>root</c>/<c>pass</c> (not in setup mode).</summary>
    public async Task<Device> ReadyDeviceAsync(string profileId = "P3245-LVE", string? serial = null, bool withAdmin = true)
    {
        var camera = Add(profileId, serial);
        if (withAdmin)
        {
            AddUser(camera, AdminUser, AdminPassword, UserRole.Admin, ptz: true);
        }

        await PowerOnAsync(camera);
        camera.Phase.Should().Be(DevicePhase.Ready);
        return camera;
    }

    public async Task PowerOnAsync(Device camera)
    {
        camera.PowerOn(SourceFor(camera.Profile));
        await RunUntilIdleAsync(camera);
    }

    /// <summary>Runs simulated time until nothing is pending, then waits for the listener to follow.</summary>
    public async Task RunUntilIdleAsync(Device camera)
    {
        Clock.RunUntilIdle(TimeSpan.FromHours(2)).Should().BeTrue("the device should settle");
        await Listeners.SettledAsync(camera.Id);
    }

    public async Task AdvanceAsync(Device camera, TimeSpan duration)
    {
        Clock.Advance(duration);
        await Listeners.SettledAsync(camera.Id);
    }

    /// <summary>After an answer whose action runs once it is sent (restart, factory default): the action has run and the listener followed.</summary>
    public async Task AfterResponseAsync(Device camera)
    {
        await Services.DeviceFor(camera).DeferredActionsDone.WaitAsync(TimeSpan.FromSeconds(10));
        await Listeners.SettledAsync(camera.Id);
    }

    /// <summary>Advances simulated time in steps until the device is in <paramref name="phase"/> (fails after an hour of device time).</summary>
    public async Task AdvanceUntilAsync(Device camera, DevicePhase phase)
    {
        for (var i = 0; i < 3600 && camera.Phase != phase; i++)
        {
            Clock.Advance(TimeSpan.FromSeconds(1));
        }

        camera.Phase.Should().Be(phase);
        await Listeners.SettledAsync(camera.Id);
    }

    private static string NextSerial() => "B8A44F" + Interlocked.Increment(ref _serials).ToString("X6", System.Globalization.CultureInfo.InvariantCulture);

    public static void AddUser(Device camera, string name, string password, UserRole role, bool ptz = false) =>
        camera.UpdateConfig(c => (c with { Users = [.. c.Users, UserAccount.Create(name, password, camera.Identity.Realm, role, ptz)] }, 0), "test user");

    public static void SetParameter(Device camera, string name, string value) =>
        camera.UpdateConfig(c => (c with { Parameters = new Dictionary<string, string>(c.Parameters) { [name] = value } }, 0), "test parameter");

    public Uri Endpoint(Device camera) => Listeners.EndpointOf(camera.Id) ?? throw new InvalidOperationException($"{camera.Id} has not listened yet");

    /// <summary>A client that answers Digest (and Basic) challenges itself, as .NET does with credentials.</summary>
    public HttpClient Client(Device camera, string? user = AdminUser, string? password = AdminPassword)
    {
        var handler = new HttpClientHandler { UseProxy = false, AllowAutoRedirect = false, UseCookies = false };
        if (user is not null)
        {
            handler.Credentials = new NetworkCredential(user, password);
        }

        var client = new HttpClient(handler) { BaseAddress = Endpoint(camera), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.ConnectionClose = true;
        return client;
    }

    /// <summary>A JSON API call as clients send it.</summary>
    public static StringContent Json(string json) => new(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

    /// <summary>Asserts that nobody listens on the device's endpoint (connection refused).</summary>
    public async Task ShouldRefuseConnectionsAsync(Device camera)
    {
        var endpoint = Endpoint(camera);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var connect = async () => await socket.ConnectAsync(endpoint.Host, endpoint.Port);
        (await connect.Should().ThrowAsync<SocketException>()).Which.SocketErrorCode.Should().Be(SocketError.ConnectionRefused);
    }

    /// <summary>
    /// Sends <paramref name="head"/> (request line and headers, CRLF-separated, without the blank line)
    /// and <paramref name="body"/> over a raw socket, byte for byte: HttpClient would normalise the
    /// target. Returns the status, the headers (lower-case names) and the body (chunked decoded).
    /// </summary>
    public async Task<RawResponse> RawAsync(Device camera, string head, byte[]? body = null)
    {
        var endpoint = Endpoint(camera);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(endpoint.Host, endpoint.Port);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var text = head + $"\r\nHost: {endpoint.Host}:{endpoint.Port}\r\nConnection: close\r\n"
            + (body is null ? "" : $"Content-Length: {body.Length}\r\n") + "\r\n";
        await stream.WriteAsync(Encoding.Latin1.GetBytes(text));
        if (body is not null)
        {
            await stream.WriteAsync(body);
        }

        using var received = new MemoryStream();
        await stream.CopyToAsync(received).WaitAsync(TimeSpan.FromSeconds(30));
        return RawResponse.Parse(received.ToArray());
    }

    /// <summary>One request over <see cref="RawAsync"/>: the target byte for byte, an optional Authorization value and JSON body.</summary>
    public Task<RawResponse> SendRawAsync(Device camera, string method, string target, string? authorization = null, string? json = null)
    {
        var head = $"{method} {target} HTTP/1.1"
            + (authorization is null ? "" : "\r\nAuthorization: " + authorization)
            + (json is null ? "" : "\r\nContent-Type: application/json");
        return RawAsync(camera, head, json is null ? null : Encoding.UTF8.GetBytes(json));
    }

    /// <summary>A Digest Authorization value answering a fresh challenge of the device, signing <paramref name="uri"/>.</summary>
    public async Task<string> DigestAsync(Device camera, string method, string uri, string user = AdminUser, string password = AdminPassword)
    {
        var challenge = (await RawAsync(camera, "GET /axis-cgi/pwdgrp.cgi?action=get HTTP/1.1")).Headers["www-authenticate"];
        return DigestClient.Answer(challenge, user, password, method, uri);
    }

    /// <summary>The device's stored configuration as JSON, to compare before and after.</summary>
    public static string StoredConfig(Device camera) => camera.ReadConfig(c => System.Text.Json.JsonSerializer.Serialize(c));

    public async ValueTask DisposeAsync()
    {
        await Listeners.DisposeAsync();
        Emulator.Dispose();
    }
}

/// <summary>A response read off a raw socket.</summary>
public sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? ContentType => Headers.TryGetValue("content-type", out var value) ? value : null;

    public static RawResponse Parse(byte[] bytes)
    {
        // Headers and chunk framing are read as bytes: a binary body (a JPEG) must not be decoded before it is de-chunked.
        var end = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        end.Should().BeGreaterThan(0, $"a complete HTTP response, got: {Encoding.UTF8.GetString(bytes)}");
        var lines = Encoding.Latin1.GetString(bytes, 0, end).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = line[..colon].Trim().ToLowerInvariant();
            headers[name] = headers.TryGetValue(name, out var previous) ? previous + ", " + line[(colon + 1)..].Trim() : line[(colon + 1)..].Trim();
        }

        var body = bytes[(end + 4)..];
        if (headers.TryGetValue("transfer-encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = Dechunk(body);
        }

        return new RawResponse(status, headers, Encoding.UTF8.GetString(body));
    }

    private static byte[] Dechunk(byte[] chunked)
    {
        using var result = new MemoryStream();
        var i = 0;
        while (i < chunked.Length)
        {
            var lineEnd = i + chunked.AsSpan(i).IndexOf("\r\n"u8);
            var size = Convert.ToInt32(Encoding.Latin1.GetString(chunked, i, lineEnd - i).Split(';')[0], 16);
            if (size == 0)
            {
                break;
            }

            result.Write(chunked, lineEnd + 2, size);
            i = lineEnd + 2 + size + 2;
        }

        return result.ToArray();
    }
}
