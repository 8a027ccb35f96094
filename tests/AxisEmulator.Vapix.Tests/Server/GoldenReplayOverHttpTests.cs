using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Vapix.Auth;
using AxisEmulator.Vapix.Json;
using AxisEmulator.Vapix.Parameters;
using AxisEmulator.Vapix.Snapshots;
using AxisEmulator.Vapix.Tests.Captures;
using AxisEmulator.Vapix.Tests.ServedApis;
using AxisEmulator.Vapix.Tests.Support;

namespace AxisEmulator.Vapix.Tests.Server;

/// <summary>
/// Every captured exchange, replayed over HTTP against a booted device of the captured model and
/// firmware (serial set to the recorder's scrubbed one, an administrator, the start state the
/// cassette shows), with a Digest-authenticating HttpClient. Status, media type and body must match;
/// only values the unit owns (SoC serial, uptime, bootid, its live addresses) are normalised. A new
/// capture folder is picked up without code changes.
/// </summary>
public class GoldenReplayOverHttpTests
{
    private const string Normalised = "<device-owned>";

    /// <summary>Parameters whose values are the unit's live addressing, not the model's.</summary>
    private static readonly HashSet<string> DeviceOwnedParameters = new(StringComparer.Ordinal)
    {
        "Network.IPAddress", "Network.SubnetMask", "Network.Broadcast", "Network.DefaultRouter",
        "Network.eth0.IPAddress", "Network.eth0.SubnetMask", "Network.eth0.Broadcast", "Network.Routing.DefaultRouter",
        "Network.Resolver.NameServerList", "Network.Resolver.NameServer1", "Network.ZeroConf.IPAddress", "Network.ZeroConf.SubnetMask",
    };

    /// <summary>JSON keys whose values the unit owns (boot, chip, live network).</summary>
    private static readonly HashSet<string> DeviceOwnedKeys = new(StringComparer.Ordinal)
    {
        "SocSerialNumber", "uptime", "bootid", "addresses", "staticAddressConfigurations", "defaultRouter", "staticDefaultRouter",
        "nameServers", "domainName",
    };

    public static TheoryData<string, string> Cassettes => CaptureLibrary.KeysByDevice("");

    [Fact]
    public void Every_captured_device_has_a_shipped_profile_of_its_firmware_line()
    {
        foreach (var device in CaptureLibrary.Default.All.SelectMany(c => c.Devices).Distinct())
        {
            ProfileFor(device).Model.Should().Be(device.Model);
        }
    }

    [Theory]
    [MemberData(nameof(Cassettes))]
    public async Task The_device_answers_like_the_captured_one(string cassetteKey, string device)
    {
        var cassette = CaptureLibrary.Default[cassetteKey];
        var captured = CapturedDevice.Parse(device);
        var profile = ProfileFor(captured);
        await using var h = new ServerHarness();
        var camera = h.Add(profile.Id, CapturedDevices.ScrubbedSerial);
        Prepare(camera, cassette, profile);
        await h.PowerOnAsync(camera);
        using var client = h.Client(camera);

        foreach (var exchange in cassette.Exchanges)
        {
            using var request = RequestFor(exchange.Request);
            using var response = await client.SendAsync(request);
            var body = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
            var because = $"exchange {exchange.Index} of {cassetteKey} on {device}";

            ((int)response.StatusCode).Should().Be(exchange.Response.Status, because);
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            mediaType.Should().Be(ExpectedMediaType(exchange.Request), because);
            if (mediaType == "application/json")
            {
                SameLayout(body, exchange.Response.Body).Should().BeTrue($"{because}: same JSON layout as the capture\n{body}");
                NormaliseJson(body).Should().Be(NormaliseJson(HonestCapture.ApiList(exchange.Response.Body)), because);
            }
            else
            {
                NormaliseText(body).Should().Be(NormaliseText(HonestCapture.ParamList(exchange.Response.Body)), because);
            }
        }
    }

    /// <summary>The shipped profile of the captured firmware, else of the same AXIS OS line (10.12.228 → 10.12.323).</summary>
    private static HardwareProfile ProfileFor(CapturedDevice device)
    {
        var sameModel = ServerHarness.Profiles.All.Where(p => p.Model == device.Model).ToList();
        var line = string.Join('.', device.Version.Split('.').Take(2));
        return sameModel.FirstOrDefault(p => p.Firmware.Version == device.Version)
            ?? sameModel.FirstOrDefault(p => p.Firmware.Version.StartsWith(line + ".", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No hardware profile of {device.Model} on AXIS OS {line}: add one to hardware-profiles/ to replay this capture.");
    }

    /// <summary>
    /// The state the capture was taken in: an administrator (root/pass, the recorder's client), and the
    /// parameter values a cassette's first list shows (for a sequence) or its authentication policy
    /// (for a full list, where the recorder had set one).
    /// </summary>
    private static void Prepare(Device camera, CaptureCassette cassette, HardwareProfile profile)
    {
        ServerHarness.AddUser(camera, ServerHarness.AdminUser, ServerHarness.AdminPassword, UserRole.Admin, ptz: true);
        var first = cassette.Exchanges[0].Request;
        if (!first.Path.EndsWith("param.cgi", StringComparison.Ordinal) || !first.Query.StartsWith("action=list", StringComparison.Ordinal))
        {
            return;
        }

        var inputs = CapturedParameterState.InputsMatching(cassette, new VapixIdentity(profile, CapturedDevices.ScrubbedSerial));
        var overrides = inputs.Overrides.Where(o => o.Value is not null).ToDictionary(o => o.Key, o => o.Value!, StringComparer.Ordinal);
        if (inputs.DefaultPolicy != AuthenticationPolicy.Recommended)
        {
            overrides["Network.HTTP.AuthenticationPolicy"] = inputs.DefaultPolicy.ToParameterValue();
        }

        camera.UpdateConfig(c => (c with { Parameters = overrides }, 0), "capture preconditions");
    }

    private static HttpRequestMessage RequestFor(CapturedRequest captured)
    {
        var target = "/" + captured.Path + (captured.Query.Length == 0 ? "" : "?" + captured.Query.Replace(" ", "%20", StringComparison.Ordinal));
        var request = new HttpRequestMessage(new HttpMethod(captured.Method), target);
        if (captured.Method == "POST")
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(captured.Body));
            if (captured.ContentType is { } contentType)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", contentType).Should().BeTrue();
            }

            request.Content = content;
        }

        return request;
    }

    /// <summary>The captures have no headers: the media type follows the CGI (vapix-facts §1.1).</summary>
    private static string ExpectedMediaType(CapturedRequest request) => request.Path switch
    {
        "axis-cgi/param.cgi" => "text/plain",
        "axis-cgi/pwdgrp.cgi" => "text/html",
        _ => "application/json",
    };

    /// <summary>Our body is written in the capture's JSON layout (spacing, indentation, trailing newline).</summary>
    private static bool SameLayout(string ours, string captured)
    {
        var layout = captured.Contains("\n  ", StringComparison.Ordinal) ? JsonLayout.Indented : JsonLayout.Spaced;
        var newline = captured.EndsWith('\n') ? "\n" : "";
        return AxisJsonWriter.Write(JsonNode.Parse(ours), layout) + newline == ours
            && AxisJsonWriter.Write(JsonNode.Parse(captured), layout) + newline == captured;
    }

    private static string NormaliseJson(string body)
    {
        var node = JsonNode.Parse(body);
        Normalise(node);
        return AxisJsonWriter.Write(node, JsonLayout.Indented);

        static void Normalise(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var key in obj.Select(p => p.Key).ToList())
                    {
                        if (DeviceOwnedKeys.Contains(key))
                        {
                            obj[key] = Normalised;
                        }
                        else
                        {
                            Normalise(obj[key]);
                        }
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        Normalise(item);
                    }

                    break;
            }
        }
    }

    private static string NormaliseText(string body) => string.Join('\n', body.Split('\n').Select(line =>
    {
        var equals = line.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 && DeviceOwnedParameters.Contains(ParameterTree.StripRoot(line[..equals])) ? line[..(equals + 1)] + Normalised : line;
    }));
}
