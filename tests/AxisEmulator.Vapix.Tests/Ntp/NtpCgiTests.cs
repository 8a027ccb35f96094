using AxisEmulator.Vapix.Tests.Server;
using AxisEmulator.Vapix.Tests.Support;

namespace AxisEmulator.Vapix.Tests.Ntp;

public class NtpCgiTests
{
    private const string Cgi = "/axis-cgi/ntp.cgi";

    [Fact]
    public async Task The_client_configuration_is_kept_reported_and_visible_as_parameters()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var client = h.Client(camera);
        var fresh = (await JsonCalls.DataAsync(client, Cgi, """{"apiVersion":"1.4","method":"getNTPInfo"}"""))["client"]!;
        fresh["serversSource"]!.GetValue<string>().Should().Be("DHCP");
        fresh["staticServers"]!.AsArray().Should().BeEmpty();

        await JsonCalls.DataAsync(client, Cgi, """{"apiVersion":"1.4","method":"setNTPClientConfiguration","params":{"enabled":true,"serversSource":"static","staticServers":["ntp1.example.org","10.0.0.123"]}}""");

        var set = (await JsonCalls.DataAsync(client, Cgi, """{"apiVersion":"1.4","method":"getNTPInfo"}"""))["client"]!;
        set["enabled"]!.GetValue<bool>().Should().BeTrue();
        set["serversSource"]!.GetValue<string>().Should().Be("static");
        set["staticServers"]!.AsArray().Select(s => s!.GetValue<string>()).Should().Equal("ntp1.example.org", "10.0.0.123");
        set["synced"]!.GetValue<bool>().Should().BeFalse("no server is contacted");
        (await client.GetStringAsync("/axis-cgi/param.cgi?action=list&group=Time.ObtainFromDHCP,Time.NTP.Server"))
            .Should().Be("Time.ObtainFromDHCP=no\nTime.NTP.Server=ntp1.example.org,10.0.0.123\n");
    }

    [Theory]
    [InlineData("""{"serversSource":"GPS"}""", "Invalid parameter: 'serversSource'")]
    [InlineData("""{"staticServers":"ntp.example.org"}""", "Invalid parameter: 'staticServers'")]
    [InlineData("""{"staticServers":["bad server"]}""", "Invalid parameter: 'staticServers'")]
    [InlineData("""{}""", "Missing parameter: 'enabled'")]
    public async Task A_bad_client_configuration_is_refused_whole(string parameters, string message)
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var client = h.Client(camera);
        var before = ServerHarness.StoredConfig(camera);

        (await JsonCalls.ErrorAsync(client, Cgi, $$"""{"apiVersion":"1.4","method":"setNTPClientConfiguration","params":{{parameters}}}""")).Should().Be((2000, message));
        ServerHarness.StoredConfig(camera).Should().Be(before);
    }
}
