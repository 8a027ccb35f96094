using AxisEmulator.Core.Fleet;
using static AxisEmulator.Core.Tests.Fleet.FleetTestSupport;

namespace AxisEmulator.Core.Tests.Fleet;

/// <summary>
/// A fleet file cannot make the emulator bind or send outside loopback (README, "Exposure"): it names
/// ports (a range on 127.0.0.1, or one port on 127.0.x.y) and an emulated DHCP pool, never an
/// address to listen on or a host to reach; anything else is an error at its line.
/// </summary>
public class FleetReachTests
{
    [Theory]
    [InlineData("listeners: { basePort: 8081, bindAddress: 0.0.0.0 }\ngroups:\n  - { profile: P3265-LVE, count: 1 }\n", 1, "bindAddress")]
    [InlineData("listeners: { sharedPort: 80, address: 192.168.0.10 }\ngroups:\n  - { profile: P3265-LVE, count: 1 }\n", 1, "address")]
    [InlineData("groups:\n  - { profile: P3265-LVE, count: 1, host: 203.0.113.7 }\n", 2, "host")]
    [InlineData("groups:\n  - { profile: P3265-LVE, count: 1, url: 'http://203.0.113.7/' }\n", 2, "url")]
    [InlineData("dhcp: { pool: 192.168.0.100-192.168.0.199, server: 192.168.0.1 }\ngroups:\n  - { profile: P3265-LVE, count: 1 }\n", 1, "server")]
    [InlineData("bind: 0.0.0.0\ngroups:\n  - { profile: P3265-LVE, count: 1 }\n", 1, "bind")]
    public void An_address_or_host_is_an_unknown_key_at_its_line(string yaml, int line, string key)
    {
        Errors(yaml).Should().Contain(e => e.StartsWith($"fleet.yaml:{line}: unknown key '{key}'", StringComparison.Ordinal));
    }

    [Fact]
    public void The_listener_layout_a_file_gives_is_ports_only()
    {
        // A new field here (an address, a host) must come with the loopback check it needs.
        typeof(FleetListeners).GetProperties().Select(p => p.Name).Should().BeEquivalentTo(["BasePort", "SharedPort"]);
        Parse("listeners: { sharedPort: 8080 }\ngroups:\n  - { profile: P3265-LVE, count: 1 }\n").Listeners.Should().Be(new FleetListeners(null, 8080));
    }
}
