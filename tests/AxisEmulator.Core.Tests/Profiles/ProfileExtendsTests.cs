using AxisEmulator.Core.Profiles;

namespace AxisEmulator.Core.Tests.Profiles;

public sealed class ProfileExtendsTests : IDisposable
{
    private const string Base = """
        # shared defaults
        reset:
          holdMinSeconds: 15
          holdMaxSeconds: 30
          lateRelease: reset
          debounceMilliseconds: 40   # [E]
        boot:
          bootLoaderSeconds: 4
        leds:
          flashHz: 1.5               # [E]
          alternateHz: 2             # [E]
        estimates:
          - reset.debounceMilliseconds
          - leds.flashHz
          - leds.alternateHz
        """;

    private const string Model = """
        extends: _base
        model: "X1000"
        family: "Test dome"
        formFactor: dome
        productFullName: "AXIS X1000 Test Camera"
        productType: "Network Camera"
        firmware:
          version: "11.11.192"
          hardwareId: "9AB"
        identity:
          serialOui: "B8A44F"
        power:
          poeClass: 3
          loads:
            bootLoader: 2
            kernel: 4
            running: 6
            peak: 10
        reset:
          holdMaxSeconds: 25
          lateRelease: abort
        boot:
          networkUpSeconds: 30
          readySeconds: 60
        leds:
          flashHz: 1                 # [S]
        """;

    private readonly TempProfileDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Child_values_win_and_siblings_are_inherited()
    {
        _dir.Write("_base", Base);
        var path = _dir.Write("X1000", Model);

        var profile = ProfileLoader.LoadFile(path);

        profile.Reset.HoldMinSeconds.Should().Be(15, "inherited");
        profile.Reset.HoldMaxSeconds.Should().Be(25, "overridden");
        profile.Reset.LateRelease.Should().Be(LateReleaseBehavior.Abort);
        profile.Reset.DebounceMilliseconds.Should().Be(40);
        profile.Boot.BootLoaderSeconds.Should().Be(4);
        profile.Boot.ReadySeconds.Should().Be(60);
        profile.Leds.FlashHz.Should().Be(1);
        profile.Leds.AlternateHz.Should().Be(2);
    }

    [Fact]
    public void Estimates_are_inherited_unless_the_child_sets_the_value()
    {
        _dir.Write("_base", Base);
        var profile = ProfileLoader.LoadFile(_dir.Write("X1000", Model));

        profile.Estimates.Should().Equal("reset.debounceMilliseconds", "leds.alternateHz");
    }

    [Fact]
    public void A_version_file_extends_a_model_file_over_three_levels()
    {
        _dir.Write("_base", Base);
        _dir.Write("X1000", Model);
        var path = _dir.Write("X1000-10.12", """
            extends: X1000
            firmware:
              version: "10.12.323"   # [S]
            reset:
              debounceMilliseconds: 30   # [E]
            estimates:
              - reset.debounceMilliseconds
            """);

        var profile = ProfileLoader.LoadFile(path);

        profile.Id.Should().Be("X1000-10.12");
        profile.Model.Should().Be("X1000");
        profile.Firmware.Version.Should().Be("10.12.323");
        profile.Firmware.Personality.Should().Be(FirmwarePersonality.Os10);
        profile.Firmware.HardwareId.Should().Be("9AB", "deep merge keeps the sibling keys of firmware");
        profile.Reset.HoldMaxSeconds.Should().Be(25);
        profile.Reset.HoldMinSeconds.Should().Be(15);
        profile.Reset.DebounceMilliseconds.Should().Be(30);
        profile.Estimates.Should().BeEquivalentTo("reset.debounceMilliseconds", "leds.alternateHz");
    }

    [Fact]
    public void A_child_can_remove_an_inherited_poe_input_with_null()
    {
        _dir.Write("_base", Base);
        _dir.Write("X1000", Model);
        var path = _dir.Write("X1000-DC", """
            extends: X1000
            power:
              poeClass: null
              dc:
                min: 10.8
                max: 13.2
            """);

        var profile = ProfileLoader.LoadFile(path);

        profile.Power.PoeClass.Should().BeNull();
        profile.Power.Dc.Should().Be(new VoltageRange(10.8, 13.2));
        profile.Power.Loads.Peak.Should().Be(10);
    }

    [Fact]
    public void Cross_field_errors_point_at_the_file_that_set_the_value()
    {
        _dir.Write("_base", Base);
        var path = _dir.Write("X1000", Model.Replace("holdMaxSeconds: 25", "holdMaxSeconds: 10", StringComparison.Ordinal));
        var basePath = Path.Combine(_dir.Path, "_base.yaml");

        Errors(path).Should().Equal(
            $"{basePath}:3: 'reset.holdMinSeconds' (15 s) must not exceed 'reset.holdMaxSeconds' (10 s); the hold window runs from min to max");
    }

    [Fact]
    public void Missing_keys_are_reported_in_the_extending_file()
    {
        _dir.Write("_base", Base);
        var path = _dir.Write("X1000", Model.Replace("  readySeconds: 60\n", "", StringComparison.Ordinal));

        Errors(path).Should().Equal($"{path}:22: missing required key 'boot.readySeconds'");
    }

    [Fact]
    public void Cycles_are_detected()
    {
        var a = _dir.Write("A", "extends: B\n" + Model.Replace("extends: _base\n", "", StringComparison.Ordinal));
        var b = _dir.Write("B", "extends: A\nmodel: \"B\"\n");

        var result = ProfileLoader.ReadDirectory(_dir.Path);

        result.Profiles.Should().BeEmpty();
        result.Errors.Select(e => e.ToString()).Should().Equal(
            $"{a}:1: extends cycle: A -> B -> A",
            $"{b}:1: extends cycle: B -> A -> B");
    }

    [Fact]
    public void Self_extension_is_a_cycle()
    {
        var path = _dir.Write("A", "model: \"A\"\nextends: A\n");

        Errors(path).Should().Equal($"{path}:2: extends cycle: A -> A");
    }

    [Fact]
    public void Missing_base_names_the_known_profiles()
    {
        _dir.Write("_base", Base);
        var path = _dir.Write("X1000", Model.Replace("extends: _base", "extends: _bsae", StringComparison.Ordinal));

        Errors(path).Should().Equal(
            $"{path}:1: extends '_bsae': no such profile (_bsae.yaml) in {_dir.Path}; known: X1000, _base");
    }

    [Fact]
    public void An_error_in_a_base_is_reported_once_and_blocks_its_children()
    {
        var basePath = _dir.Write("_base", Base.Replace("holdMinSeconds: 15", "holdMinSeconds: -15", StringComparison.Ordinal));
        _dir.Write("X1000", Model);
        _dir.Write("X2000", Model.Replace("\"X1000\"", "\"X2000\"", StringComparison.Ordinal));

        var result = ProfileLoader.ReadDirectory(_dir.Path);

        result.Profiles.Should().BeEmpty();
        result.Errors.Select(e => e.ToString()).Should().Equal($"{basePath}:3: 'reset.holdMinSeconds' must not be negative, got -15 s");
    }

    [Fact]
    public void Abstract_bases_are_not_profiles()
    {
        _dir.Write("_base", Base);
        _dir.Write("X1000", Model);

        ProfileLoader.LoadDirectory(_dir.Path).Select(p => p.Id).Should().Equal("X1000");
        ProfileLoader.IsAbstract("_base").Should().BeTrue();
    }

    private static IEnumerable<string> Errors(string path) => ProfileLoader.ReadFile(path).Errors.Select(e => e.ToString());
}
