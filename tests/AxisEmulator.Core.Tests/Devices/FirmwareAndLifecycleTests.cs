using AxisEmulator.Core.Boot;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;
using AxisEmulator.Core.Leds;
using AxisEmulator.Core.Network;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Core.Tests.Support;

namespace AxisEmulator.Core.Tests.Devices;

/// <summary>Bricking, rebooting, factory defaults over the network, upgrades and rollbacks, addressing.</summary>
public class FirmwareAndLifecycleTests
{
    [Fact]
    public void Bricked_unit_shows_no_LED_and_never_reaches_network_up()
    {
        using var h = new DeviceHarness();
        h.Camera.SetBricked(true);
        h.Camera.PowerOn(DeviceHarness.PoeClass3);
        h.Clock.RunUntilIdle(TimeSpan.FromHours(1)).Should().BeTrue();
        h.Camera.Phase.Should().Be(DevicePhase.Bricked);
        h.Entries(TimelineKind.Led).Should().BeEmpty();
        h.Entries(TimelineKind.Network, "listener-open").Should().BeEmpty();
        h.Camera.IsListening.Should().BeFalse();
    }

    [Fact]
    public void Bricking_a_running_unit_takes_it_dark_and_repairing_boots_it()
    {
        using var h = new DeviceHarness();
        h.BootToReady();
        h.Camera.SetBricked(true);
        h.Camera.Phase.Should().Be(DevicePhase.Bricked);
        h.Camera.Leds.All.Should().OnlyContain(l => l.State == LedState.Off);
        h.Camera.IsListening.Should().BeFalse();
        h.Camera.SetBricked(false);
        h.Advance(120);
        h.Camera.Phase.Should().Be(DevicePhase.Ready);
    }

    [Fact]
    public void Restart_closes_the_listener_and_comes_back_with_a_new_boot_id_and_small_uptime()
    {
        using var h = new DeviceHarness();
        h.BootToReady();
        var firstBoot = h.Camera.BootId;
        h.Camera.Uptime.TotalSeconds.Should().BeGreaterThan(60);

        h.Camera.Restart().Should().BeTrue();
        h.Camera.IsListening.Should().BeFalse();
        h.Camera.Phase.Should().Be(DevicePhase.ShuttingDown);
        h.Advance(5 + 2 + 30);
        h.Camera.Phase.Should().Be(DevicePhase.NetworkUp);
        h.Camera.IsListening.Should().BeTrue();
        h.Camera.BootId.Should().NotBe(firstBoot).And.MatchRegex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
        h.Camera.Uptime.TotalSeconds.Should().BeApproximately(32, 0.001);
        h.Entries(TimelineKind.Network).Select(e => e.Name).Should().ContainInOrder("listener-open", "listener-closed", "listener-open");
    }

    [Fact]
    public void Restart_is_refused_while_not_running()
    {
        using var h = new DeviceHarness();
        h.Camera.Restart().Should().BeFalse();
        h.Camera.PowerOn(DeviceHarness.PoeClass3);
        h.Camera.Restart().Should().BeFalse("still in the boot loader");
    }

    [Fact]
    public void Soft_factory_default_keeps_network_settings_and_hard_resets_them()
    {
        using var h = new DeviceHarness();
        h.BootToReady();
        var configured = new NetworkSettings { BootProto = BootProtocol.None, IpAddress = "10.1.2.3", SubnetMask = "255.255.0.0", DefaultRouter = "10.1.0.1", Broadcast = "10.1.255.255" };
        h.Camera.UpdateConfig(c => (c with { Network = configured, Users = [UserAccount.Create("root", "pw", h.Camera.Identity.Realm, UserRole.Admin)] }, 0));

        h.Camera.FactoryDefault(FactoryDefaultMode.Soft).Should().BeTrue();
        h.Config.Network.Should().Be(configured);
        h.Config.NeedsSetup.Should().BeTrue();
        h.Advance(120);
        h.Camera.Snapshot().Network.IpAddress.Should().Be("10.1.2.3");

        h.Camera.FactoryDefault(FactoryDefaultMode.Hard).Should().BeTrue();
        h.Config.Network.Should().Be(NetworkSettings.FactoryDefault);
        h.Advance(120);
        h.Camera.Snapshot().Network.IpAddress.Should().Be("192.168.0.90", "11.11 without DHCP falls back to 192.168.0.90");
    }

    [Theory]
    [InlineData(FirmwarePersonality.Os10, "192.168.0.90")]
    [InlineData(FirmwarePersonality.Os11, "192.168.0.90")]
    [InlineData(FirmwarePersonality.Os12, "169.254.")]
    public void Without_DHCP_the_address_falls_back_by_personality(FirmwarePersonality personality, string expectedPrefix)
    {
        var profile = TestProfiles.Dome() with { Firmware = TestProfiles.Dome().Firmware with { Personality = personality } };
        using var h = new DeviceHarness(profile);
        h.BootToReady();
        var network = h.Camera.Snapshot().Network;
        network.IpAddress.Should().StartWith(expectedPrefix);
        network.LinkLocalAddress.Should().StartWith("169.254.");
    }

    [Fact]
    public void With_a_DHCP_server_the_device_gets_a_lease()
    {
        using var h = new DeviceHarness(lan: new EmulatedLan("192.168.1.100", "192.168.1.110"));
        h.BootToReady();
        h.Camera.Snapshot().Network.IpAddress.Should().Be("192.168.1.100");
    }

    [Fact]
    public void With_the_DHCP_server_stopped_the_device_falls_back_and_gets_its_lease_once_it_serves_again()
    {
        var lan = new EmulatedLan("192.168.1.100", "192.168.1.110");
        lan.SetDhcpServing(false);
        using var h = new DeviceHarness(lan: lan);
        h.BootToReady();
        h.Camera.Snapshot().Network.IpAddress.Should().NotStartWith("192.168.1.");
        h.Camera.Timeline.Since().Select(e => e.Event).OfType<AddressAssigned>().Last().Origin.Should().Be(AddressOrigin.Fallback);

        lan.SetDhcpServing(true);
        h.Camera.Restart().Should().BeTrue();
        h.Advance(120);
        h.Camera.Snapshot().Network.IpAddress.Should().Be("192.168.1.100");
    }

    [Fact]
    public void Two_devices_falling_back_to_192_168_0_90_are_flagged_as_an_IP_conflict()
    {
        var lan = new EmulatedLan();
        using var a = new DeviceHarness(lan: lan, id: "a");
        using var b = new DeviceHarness(lan: lan, id: "b");
        a.BootToReady();
        b.BootToReady();
        b.Camera.Snapshot().Network.Conflicts.Should().Equal(a.Camera.Serial);
        b.Entries(TimelineKind.Network, "ip-conflict").Single().Message.Should().Contain("192.168.0.90");

        // The first one on the address is told too, and both learn when the conflict ends.
        a.Clock.RunUntilIdle(TimeSpan.FromSeconds(1));
        a.Camera.Snapshot().Network.Conflicts.Should().Equal(b.Camera.Serial);
        a.Entries(TimelineKind.Network, "ip-conflict").Single().Message.Should().Contain(b.Camera.Serial);
        b.Camera.PowerOff();
        a.Clock.RunUntilIdle(TimeSpan.FromSeconds(1));
        a.Camera.Snapshot().Network.Conflicts.Should().BeEmpty();
        a.Entries(TimelineKind.Network, "ip-conflict-resolved").Should().ContainSingle();
    }

    [Fact]
    public void Upgrade_boots_the_new_bank_and_commits_at_ready()
    {
        using var h = new DeviceHarness();
        h.BootToReady();
        h.Camera.StartUpgrade(new FirmwareImage("P3265-LVE", "12.9.57")).Should().Be(UpgradeRejection.None);
        h.Camera.Phase.Should().Be(DevicePhase.Upgrading);
        h.Status.Should().Be(LedState.Flashing(LedColor.Amber, 1));
        h.Camera.Leds.Power!.State.Should().Be(LedState.Alternating(LedColor.Green, LedColor.Amber, 2));
        h.Advance(200);
        h.Camera.Phase.Should().Be(DevicePhase.Ready);
        h.Config.Firmware.Should().Be(new FirmwareBanks("12.9.57", "11.11.192", Committed: true));
    }

    [Fact]
    public void Power_cut_while_flashing_keeps_the_old_bank()
    {
        using var h = new DeviceHarness();
        h.BootToReady();
        h.Camera.StartUpgrade(new FirmwareImage("P3265-LVE", "12.9.57"));
        h.Advance(30);
        h.Camera.PowerOff();
        h.Entries(TimelineKind.Boot, "firmware-rollback").Single().Message.Should().Contain("11.11.192 still boots");
        h.Camera.PowerOn(DeviceHarness.PoeClass3);
        h.Advance(120);
        h.Camera.Phase.Should().Be(DevicePhase.Ready);
        h.Camera.Snapshot().Firmware.Version.Should().Be("11.11.192");
    }

    [Fact]
    public void Power_cut_before_commit_rolls_back()
    {
        using var h = new DeviceHarness();
        h.BootToReady();
        h.Camera.StartUpgrade(new FirmwareImage("P3265-LVE", "12.9.57"), new UpgradeOptions(AutoCommit.Never));
        h.Advance(200);
        h.Camera.Snapshot().Firmware.Should().Match<FirmwareSnapshot>(f => f.Version == "12.9.57" && !f.Committed);
        h.Camera.TimeToRollback.Should().BePositive();

        h.Camera.PowerOff();
        h.Entries(TimelineKind.Boot, "firmware-rollback").Single().Message.Should().Contain("rollback to 11.11.192");
        h.Camera.PowerOn(DeviceHarness.PoeClass3);
        h.Advance(120);
        h.Camera.Snapshot().Firmware.Should().Match<FirmwareSnapshot>(f => f.Version == "11.11.192" && f.Committed);
    }

    [Fact]
    public void Uncommitted_image_rolls_back_when_the_timer_expires_and_commit_stops_it()
    {
        using var h = new DeviceHarness();
        h.BootToReady();
        h.Camera.StartUpgrade(new FirmwareImage("P3265-LVE", "12.9.57"), new UpgradeOptions(AutoCommit.Never, TimeSpan.FromMinutes(5)));
        h.Advance(200 + 300);
        h.Advance(120);
        h.Camera.Snapshot().Firmware.Version.Should().Be("11.11.192");

        h.Camera.StartUpgrade(new FirmwareImage("P3265-LVE", "12.9.57"), new UpgradeOptions(AutoCommit.Never, TimeSpan.FromMinutes(5)));
        h.Advance(200);
        h.Camera.CommitFirmware().Should().BeTrue();
        h.Advance(600);
        h.Camera.Snapshot().Firmware.Should().Match<FirmwareSnapshot>(f => f.Version == "12.9.57" && f.Committed);
    }

    [Fact]
    public void Single_bank_unit_bricks_when_power_is_cut_while_flashing()
    {
        using var h = new DeviceHarness(TestProfiles.SingleBank());
        h.BootToReady();
        h.Camera.StartUpgrade(new FirmwareImage("P3265-LVE", "5.51.7"));
        h.Advance(30);
        h.Camera.PowerOff();
        h.Camera.PowerOn(DeviceHarness.PoeClass3);
        h.Advance(300);
        h.Camera.Phase.Should().Be(DevicePhase.Bricked);
        h.Camera.FirmwareState.Should().Be(BankState.Corrupt);
    }

    [Theory]
    [InlineData("M1011", "12.9.57", true, UpgradeRejection.ModelMismatch)]
    [InlineData("P3265-LVE", "12.9.57", false, UpgradeRejection.MissingSignature)]
    public void Bad_images_are_refused(string model, string version, bool signed, UpgradeRejection expected)
    {
        using var h = new DeviceHarness();
        h.BootToReady();
        h.Camera.StartUpgrade(new FirmwareImage(model, version, signed)).Should().Be(expected);
        h.Camera.Phase.Should().Be(DevicePhase.Ready);
    }

    [Fact]
    public void Network_link_loss_alternates_amber_red_and_closes_the_listener()
    {
        using var h = new DeviceHarness();
        h.BootToReady();
        h.Camera.SetNetworkLink(false);
        h.Status.Should().Be(LedState.Alternating(LedColor.Amber, LedColor.Red, 2));
        h.Camera.IsListening.Should().BeFalse();
        h.Camera.SetNetworkLink(true);
        h.Camera.IsListening.Should().BeTrue();
        h.Status.Should().Be(LedState.Steady(LedColor.Green));
    }
}
