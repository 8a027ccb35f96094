using System.Text.Json;
using AxisEmulator.Core.Profiles;

namespace AxisEmulator.Core.Tests.Profiles;

public class ShippedProfilesTests
{
    private static readonly double[] PdBudgetWatts = [12.95, 3.84, 6.49, 12.95, 25.5, 40, 51, 62, 71.3];

    private static readonly Lazy<ProfileCatalog> LazyCatalog = new(() => ProfileCatalog.Load(RepoPaths.ProfilesDirectory));

    private static ProfileCatalog Catalog => LazyCatalog.Value;

    public static TheoryData<string> ProfileFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.ProfilesDirectory, "*.yaml").Order(StringComparer.Ordinal))
        {
            if (!Path.GetFileName(file).StartsWith('_'))
            {
                data.Add(Path.GetFileNameWithoutExtension(file));
            }
        }

        return data;
    }

    [Fact]
    public void The_whole_directory_loads_without_errors()
    {
        var result = ProfileLoader.ReadDirectory(RepoPaths.ProfilesDirectory);

        result.Errors.Select(e => e.ToString()).Should().BeEmpty();
        result.Profiles.Should().HaveCountGreaterThanOrEqualTo(25);
    }

    [Theory]
    [MemberData(nameof(ProfileFiles))]
    public void Every_shipped_profile_loads_on_its_own(string id)
    {
        var profile = ProfileLoader.LoadFile(Path.Combine(RepoPaths.ProfilesDirectory, id + ".yaml"));

        profile.Id.Should().Be(id);
        profile.SourceFile.Should().EndWith(id + ".yaml");
        profile.Model.Should().NotBeNullOrWhiteSpace();
        profile.Identity.SerialOui.Should().MatchRegex("^[0-9A-F]{6}$");
        profile.Firmware.Personality.Should().Be(FirmwareVersion.PersonalityOf(profile.Firmware.Version));
    }

    [Fact]
    public void Every_form_factor_is_covered()
    {
        Catalog.All.Select(p => p.FormFactor).Distinct().Should().BeEquivalentTo(Enum.GetValues<FormFactor>());
    }

    [Fact]
    public void The_hardware_facts_section_8_models_are_present_with_their_families()
    {
        var expected = new Dictionary<string, FormFactor>
        {
            ["M3085-V"] = FormFactor.MiniDome,
            ["M3086-V"] = FormFactor.MiniDome,
            ["P3265-LVE"] = FormFactor.Dome,
            ["P1465-LE"] = FormFactor.Bullet,
            ["P1468-LE"] = FormFactor.Bullet,
            ["Q1656-LE"] = FormFactor.Box,
            ["M5075"] = FormFactor.Ptz,
            ["Q6075-E"] = FormFactor.Ptz,
            ["Q6135-LE"] = FormFactor.Ptz,
            ["F9111"] = FormFactor.Modular,
            ["M7104"] = FormFactor.Encoder,
            ["A8207-VE-Mk-II"] = FormFactor.DoorStation,
            ["P3727-PLE"] = FormFactor.Multisensor,
            ["Q1961-TE"] = FormFactor.Thermal,
            ["M1011"] = FormFactor.Cube,
        };

        foreach (var (id, formFactor) in expected)
        {
            Catalog.Get(id).FormFactor.Should().Be(formFactor, id);
        }
    }

    [Fact]
    public void Section_8_numbers_are_carried_over()
    {
        var q1656 = Catalog.Get("Q1656-LE");
        q1656.Power.PoeClass.Should().Be(4);
        q1656.Power.CanRunDegraded.Should().BeTrue();
        q1656.Leds.Should().Match<LedSpec>(l => l.Power && l.Network);
        q1656.Boot.NetworkUpSeconds.Should().Be(40);
        q1656.Boot.ReadySeconds.Should().Be(80);

        Catalog.Get("Q6075-E").Power.PoeClass.Should().Be(6);
        Catalog.Get("Q6135-LE").Power.PoeClass.Should().Be(6);
        Catalog.Get("M7104").Power.Dc.Should().NotBeNull();
        Catalog.Get("M7104").Power.PoeClass.Should().NotBeNull();
        Catalog.Get("A8207-VE-Mk-II").Model.Should().Be("A8207-VE Mk II");

        var p3265 = Catalog.Get("P3265-LVE");
        p3265.Reset.Should().Match<ResetSpec>(r => r.HoldMinSeconds == 15 && r.HoldMaxSeconds == 30 && r.LateRelease == LateReleaseBehavior.Reset);
        p3265.Power.Loads.Running.Should().Be(7);
        p3265.Power.Loads.Peak.Should().Be(12.95);
    }

    [Fact]
    public void The_legacy_M1011_is_dc_only_single_bank_and_os10()
    {
        var m1011 = Catalog.Get("M1011");

        m1011.Power.PoeClass.Should().BeNull();
        m1011.Power.Dc.Should().NotBeNull();
        m1011.Power.Dc!.Min.Should().BeLessThan(5).And.BeGreaterThan(4);
        m1011.Power.Dc.Max.Should().BeGreaterThan(5).And.BeLessThan(6);
        m1011.Firmware.Version.Should().Be("5.20.2");
        m1011.Firmware.Personality.Should().Be(FirmwarePersonality.Os10);
        m1011.Firmware.SingleBank.Should().BeTrue();
        m1011.Identity.SerialOui.Should().Be("00408C");
    }

    [Theory]
    [InlineData("M3066-V", FirmwarePersonality.Os10)]
    [InlineData("P3245-LVE-10.12", FirmwarePersonality.Os10)]
    [InlineData("P3245-LVE", FirmwarePersonality.Os11)]
    [InlineData("M1075-L-11.11", FirmwarePersonality.Os11)]
    [InlineData("M1075-L", FirmwarePersonality.Os12)]
    [InlineData("Q1961-TE-12.10", FirmwarePersonality.Os12)]
    public void Personality_follows_the_firmware_version(string id, FirmwarePersonality personality)
    {
        Catalog.Get(id).Firmware.Personality.Should().Be(personality);
    }

    [Fact]
    public void Non_camera_devices_have_no_video()
    {
        Catalog.All.Where(p => !p.HasVideo).Select(p => p.Id)
            .Should().BeEquivalentTo("D2210-VE", "D2210-VE-11.11", "D4200-VE", "D6310");
        Catalog.Get("D2210-VE").FormFactor.Should().Be(FormFactor.Radar);
        Catalog.Get("D4200-VE").FormFactor.Should().Be(FormFactor.Siren);
        Catalog.Get("D6310").FormFactor.Should().Be(FormFactor.Sensor);
    }

    [Fact]
    public void Every_profile_is_physically_coherent()
    {
        foreach (var p in Catalog.All)
        {
            var loads = p.Power.Loads;
            (p.Power.PoeClass is not null || p.Power.Dc is not null).Should().BeTrue($"{p.Id} needs a power input");
            loads.BootLoader.Should().BeLessThan(loads.Kernel, p.Id);
            loads.Kernel.Should().BeLessThanOrEqualTo(loads.Running, p.Id);
            loads.Running.Should().BeLessThanOrEqualTo(loads.Peak, p.Id);
            if (p.Power.PoeClass is { } poeClass)
            {
                var budget = PdBudgetWatts[poeClass];
                loads.Running.Should().BeLessThanOrEqualTo(budget, p.Id);
                if (!p.Power.CanRunDegraded)
                {
                    loads.Peak.Should().BeLessThanOrEqualTo(budget, $"{p.Id} may not exceed its class {poeClass} budget");
                }
            }

            if (p.Power.Dc is { } dc)
            {
                dc.Min.Should().BeLessThanOrEqualTo(dc.Max, p.Id);
            }

            p.Reset.HoldMinSeconds.Should().BeLessThanOrEqualTo(p.Reset.HoldMaxSeconds, p.Id);
            p.Boot.BootLoaderSeconds.Should().BeLessThan(p.Boot.NetworkUpSeconds, p.Id);
            p.Boot.NetworkUpSeconds.Should().BeLessThanOrEqualTo(p.Boot.ReadySeconds, p.Id);
        }
    }

    [Fact]
    public void Estimates_are_inherited_from_the_base_unless_the_model_sets_the_value()
    {
        var p3265 = Catalog.Get("P3265-LVE");
        p3265.Estimates.Should().Contain(["leds.flashHz", "reset.lateRelease", "power.loads.bootLoader", "boot.readySeconds"]);
        p3265.Estimates.Should().NotContain("firmware.architecture", "the model file sets it with an [S3] tag");
        p3265.Estimates.Should().NotContain("reset.holdMinSeconds", "the 15-30 s window is sourced [S3]");

        var capture = Catalog.Get("P3245-LVE-10.12");
        capture.Estimates.Should().NotContain(["firmware.version", "firmware.soc", "firmware.hardwareId", "firmware.buildDate", "productVariant"]);
        capture.Estimates.Should().Contain("power.loads.peak", "inherited from P3245-LVE");
        capture.Estimates.Should().Contain("firmware.upgradeFlashSeconds", "inherited from _base");
    }

    [Fact]
    public void Every_estimate_has_an_E_tag_in_the_yaml_beside_it()
    {
        // Each file's own estimates: the line that sets the value carries "# [E]".
        foreach (var file in Directory.EnumerateFiles(RepoPaths.ProfilesDirectory, "*.yaml"))
        {
            var lines = File.ReadAllLines(file);
            var start = Array.IndexOf(lines, "estimates:");
            if (start < 0)
            {
                continue;
            }

            foreach (var key in lines.Skip(start + 1).Where(l => l.StartsWith("  - ", StringComparison.Ordinal)).Select(l => l[4..].Trim()))
            {
                var leaf = key.Split('.')[^1];
                lines.Take(start).Should().Contain(
                    l => l.TrimStart().StartsWith(leaf + ":", StringComparison.Ordinal) && l.Contains("# [E]", StringComparison.Ordinal),
                    $"{Path.GetFileName(file)} lists '{key}' as an estimate");
            }
        }
    }

    [Fact]
    public void Version_files_extend_the_model_file()
    {
        foreach (var (versioned, model) in new[]
        {
            ("P3245-LVE-10.12", "P3245-LVE"), ("M1075-L-11.11", "M1075-L"), ("P8815-2-10.12", "P8815-2"),
            ("D2210-VE-11.11", "D2210-VE"), ("Q1961-TE-12.10", "Q1961-TE"),
        })
        {
            File.ReadAllText(Path.Combine(RepoPaths.ProfilesDirectory, versioned + ".yaml"))
                .Should().Contain($"extends: \"{model}\"");
            var child = Catalog.Get(versioned);
            var parent = Catalog.Get(model);
            child.Model.Should().Be(parent.Model);
            child.Power.Should().BeEquivalentTo(parent.Power);
            child.Firmware.Version.Should().NotBe(parent.Firmware.Version);
        }
    }

    [Fact]
    public void Capture_models_match_basic_device_info_captures_exactly()
    {
        var captureCase = Path.Combine(RepoPaths.CapturesDirectory, "basic_device_info_get_all_properties");
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.CapturesDirectory, "manifest.json")));
        var hashes = manifest.RootElement.GetProperty("cassettes").GetProperty("basic_device_info_get_all_properties");
        var checkedDevices = new List<string>();

        foreach (var hash in hashes.EnumerateObject())
        {
            var response = Directory.EnumerateFiles(Path.Combine(captureCase, hash.Name), "*-response").Single();
            var text = File.ReadAllText(response);
            var body = text[(text.IndexOf("\n\n", StringComparison.Ordinal) + 2)..];
            using var json = JsonDocument.Parse(body);
            var properties = json.RootElement.GetProperty("data").GetProperty("propertyList");
            string Prop(string name) => properties.GetProperty(name).GetString()!;

            foreach (var device in hash.Value.EnumerateArray().Select(d => d.GetString()!))
            {
                var profile = Catalog.All.SingleOrDefault(p => p.Model == Prop("ProdNbr") && p.Firmware.Version == Prop("Version"));
                profile.Should().NotBeNull($"a profile for the captured device {device}");
                $"{profile!.Model}@{profile.Firmware.Version}".Should().Be(device);
                profile.ProductFullName.Should().Be(Prop("ProdFullName"), device);
                profile.ProductType.Should().Be(Prop("ProdType"), device);
                profile.ProductVariant.Should().Be(Prop("ProdVariant"), device);
                ("AXIS " + profile.Model).Should().Be(Prop("ProdShortName"), device);
                profile.Firmware.Architecture.Should().Be(Prop("Architecture"), device);
                profile.Firmware.Soc.Should().Be(Prop("Soc"), device);
                profile.Firmware.HardwareId.Should().Be(Prop("HardwareID"), device);
                profile.Firmware.BuildDate.Should().Be(Prop("BuildDate"), device);
                profile.Estimates.Should().NotContain(
                    ["productFullName", "productType", "productVariant", "firmware.version", "firmware.architecture", "firmware.soc", "firmware.hardwareId", "firmware.buildDate"],
                    $"{device}'s identity is captured, not estimated");
                checkedDevices.Add(device);
            }
        }

        checkedDevices.Should().HaveCount(11);
    }

    [Fact]
    public void D2210_VE_uses_its_system_ready_capture_version_and_marks_its_identity_as_estimated()
    {
        var radar = Catalog.Get("D2210-VE");

        radar.Firmware.Version.Should().Be("12.9.57");
        radar.HasVideo.Should().BeFalse();
        radar.Estimates.Should().Contain(["productFullName", "productType", "firmware.soc"]);
    }
}
