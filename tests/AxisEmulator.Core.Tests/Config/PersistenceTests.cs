using AxisEmulator.Core.Config;
using AxisEmulator.Core.Tests.Support;

namespace AxisEmulator.Core.Tests.Config;

public sealed class PersistenceTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "axis-emulator-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void Config_survives_a_restart_of_the_emulator()
    {
        string serial;
        using (var first = new DeviceHarness(store: new FileDeviceStateStore(_dir)))
        {
            first.BootToReady();
            serial = first.Camera.Serial;
            first.Camera.UpdateConfig(c => (c with
            {
                Users = [UserAccount.Create("root", "pass1234", first.Camera.Identity.Realm, UserRole.Admin)],
                Parameters = new Dictionary<string, string> { ["Network.SSH.Enabled"] = "yes" },
            }, 0));
        }

        using var second = new DeviceHarness(seed: 99, store: new FileDeviceStateStore(_dir));
        second.Camera.Serial.Should().Be(serial, "the serial is stored with the device even if the seed changes");
        second.Config.Users.Should().ContainSingle(u => u.Name == "root" && u.Role == UserRole.Admin);
        second.Config.Parameters.Should().Contain("Network.SSH.Enabled", "yes");
        second.Config.NeedsSetup.Should().BeFalse();
    }

    [Fact]
    public async Task State_file_never_holds_a_plain_password()
    {
        using var h = new DeviceHarness(store: new FileDeviceStateStore(_dir));
        h.Camera.UpdateConfig(c => (c with { Users = [UserAccount.Create("root", "Sup3rSecret!", h.Camera.Identity.Realm, UserRole.Admin)] }, 0));
        await h.Camera.FlushConfigAsync();
        var text = File.ReadAllText(Path.Combine(_dir, "cam1.json"));
        text.Should().NotContain("Sup3rSecret!").And.Contain(UserAccount.ComputeHa1("root", h.Camera.Identity.Realm, "Sup3rSecret!"));
        h.Entries().Should().NotContain(e => e.Message.Contains("Sup3rSecret!", StringComparison.Ordinal));
    }

    [Fact]
    public void Writes_are_atomic_and_leave_no_temp_file()
    {
        var store = new FileDeviceStateStore(_dir);
        for (var i = 0; i < 5; i++)
        {
            store.Save("dev", DeviceConfig.Factory("ACCC8E000001", $"11.11.{i}"));
        }

        Directory.GetFiles(_dir).Should().ContainSingle().Which.Should().EndWith("dev.json");
        store.Load("dev")!.Firmware.ActiveVersion.Should().Be("11.11.4");
    }

    [Fact]
    public void On_Linux_and_macOS_the_directory_is_flushed_after_the_rename()
    {
        var store = new FileDeviceStateStore(_dir);
        store.Save("dev", DeviceConfig.Factory("ACCC8E000001", "11.11.1"));
        DirectorySync.IsAvailable.Should().Be(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "libc's fsync is found where the platform has one");
    }

    [Fact]
    public void A_corrupt_state_file_is_reported_with_its_path()
    {
        var store = new FileDeviceStateStore(_dir);
        File.WriteAllText(Path.Combine(_dir, "dev.json"), "{ not json");
        var act = () => store.Load("dev");
        act.Should().Throw<InvalidDataException>().WithMessage("*dev.json*not valid*");
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("")]
    public void Device_ids_cannot_escape_the_state_directory(string id)
    {
        var store = new FileDeviceStateStore(_dir);
        var act = () => store.Save(id, DeviceConfig.Factory("ACCC8E000001", "1"));
        act.Should().Throw<ArgumentException>().WithMessage("*may contain only*");
    }
}
