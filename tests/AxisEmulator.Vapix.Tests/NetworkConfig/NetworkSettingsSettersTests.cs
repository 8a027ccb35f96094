using AxisEmulator.Core.Config;
using AxisEmulator.Vapix.Tests.Server;
using AxisEmulator.Vapix.Tests.Support;

namespace AxisEmulator.Vapix.Tests.NetworkConfig;

public class NetworkSettingsSettersTests
{
    private const string Cgi = "/axis-cgi/network_settings.cgi";

    [Theory]
    [InlineData("""{"configurationMode":"static"}""", "Missing parameter: 'deviceName'")]
    [InlineData("""{"deviceName":"eth1","configurationMode":"static"}""", "Invalid parameter: 'deviceName'")]
    [InlineData("""{"deviceName":"eth0","configurationMode":"manual"}""", "Invalid parameter: 'configurationMode'")]
    [InlineData("""{"deviceName":"eth0","staticAddressConfigurations":[{"address":"300.1.2.3","prefixLength":24}]}""", "Invalid parameter: 'address'")]
    [InlineData("""{"deviceName":"eth0","staticAddressConfigurations":[{"address":"10.1.2.3","prefixLength":33}]}""", "Invalid parameter: 'prefixLength'")]
    [InlineData("""{"deviceName":"eth0","staticAddressConfigurations":[{"address":"10.1.2.3"}]}""", "Missing parameter: 'prefixLength'")]
    [InlineData("""{"deviceName":"eth0","configurationMode":"static","staticDefaultRouter":"gateway"}""", "Invalid parameter: 'staticDefaultRouter'")]
    public async Task A_bad_address_configuration_names_the_parameter_and_stores_nothing(string parameters, string message)
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var client = h.Client(camera);
        var before = ServerHarness.StoredConfig(camera);

        var error = await JsonCalls.ErrorAsync(client, Cgi, $$"""{"apiVersion":"1.0","method":"setIPv4AddressConfiguration","params":{{parameters}}}""");

        error.Should().Be((2000, message));
        ServerHarness.StoredConfig(camera).Should().Be(before);
    }

    [Fact]
    public async Task Static_then_dhcp_reads_back_through_param_cgi_as_param_cgi_sets_it()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var client = h.Client(camera);

        await JsonCalls.DataAsync(client, Cgi, """{"apiVersion":"1.0","method":"setIPv4AddressConfiguration","params":{"deviceName":"eth0","configurationMode":"static","staticAddressConfigurations":[{"address":"10.20.0.7","prefixLength":16}]}}""");
        (await client.GetStringAsync("/axis-cgi/param.cgi?action=list&group=Network.BootProto,Network.IPAddress,Network.SubnetMask,Network.Broadcast"))
            .Should().Be("Network.BootProto=none\nNetwork.IPAddress=10.20.0.7\nNetwork.SubnetMask=255.255.0.0\nNetwork.Broadcast=10.20.255.255\n");
        camera.ReadConfig(c => c.Network).Should().BeEquivalentTo(new { BootProto = BootProtocol.None, IpAddress = "10.20.0.7", SubnetMask = "255.255.0.0" });

        await JsonCalls.DataAsync(client, Cgi, """{"apiVersion":"1.0","method":"setIPv4AddressConfiguration","params":{"deviceName":"eth0","configurationMode":"dhcp"}}""");
        var ipv4 = (await JsonCalls.DataAsync(client, Cgi, """{"apiVersion":"1.0","method":"getNetworkInfo"}"""))["devices"]![0]!["IPv4"]!;
        ipv4["configurationMode"]!.GetValue<string>().Should().Be("dhcp");
        ipv4["staticAddressConfigurations"]![0]!["prefixLength"]!.GetValue<int>().Should().Be(16, "the stored static address stays");
    }

    [Fact]
    public async Task Static_resolver_servers_are_reported_and_a_missing_choice_is_refused()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var client = h.Client(camera);

        await JsonCalls.DataAsync(client, Cgi, """{"apiVersion":"1.0","method":"setResolverConfiguration","params":{"useDhcpResolverInfo":false,"staticNameServers":["10.0.0.53","10.0.1.53"],"staticDomainName":"site.example"}}""");
        var resolver = (await JsonCalls.DataAsync(client, Cgi, """{"apiVersion":"1.0","method":"getNetworkInfo"}"""))["system"]!["resolver"]!;

        resolver["useDhcpResolverInfo"]!.GetValue<bool>().Should().BeFalse();
        resolver["staticNameServers"]!.AsArray().Select(s => s!.GetValue<string>()).Should().Equal("10.0.0.53", "10.0.1.53");
        resolver["nameServers"]!.AsArray().Select(s => s!.GetValue<string>()).Should().Equal("10.0.0.53", "10.0.1.53");
        (await JsonCalls.ErrorAsync(client, Cgi, """{"apiVersion":"1.0","method":"setResolverConfiguration","params":{"staticNameServers":["10.0.0.53"]}}"""))
            .Should().Be((2000, "Missing parameter: 'useDhcpResolverInfo'"));
        (await JsonCalls.ErrorAsync(client, Cgi, """{"apiVersion":"1.0","method":"setHostnameConfiguration","params":{"useDhcpHostname":false,"staticHostname":"-bad-"}}"""))
            .Should().Be((2000, "Invalid parameter: 'staticHostname'"));
    }
}
