using AxisEmulator.Core.Profiles;

namespace AxisEmulator.Core.Tests.Profiles;

/// <summary>Each kind of bad profile gets its exact <c>file:line: message</c>.</summary>
public sealed class ProfileLoaderErrorTests : IDisposable
{
    // Line numbers matter: tests below refer to them.
    internal const string Valid = """
        model: "X1000"
        family: "Test dome"
        formFactor: dome
        productFullName: "AXIS X1000 Test Camera"
        productType: "Network Camera"
        firmware:
          version: "11.11.192"
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
          holdMinSeconds: 15
          holdMaxSeconds: 30
          lateRelease: reset
        boot:
          bootLoaderSeconds: 4
          networkUpSeconds: 30
          readySeconds: 60
        """;

    private readonly TempProfileDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_reference_profile_is_valid()
    {
        var profile = ProfileLoader.LoadFile(_dir.Write("X1000", Valid));

        profile.Id.Should().Be("X1000");
        profile.FormFactor.Should().Be(FormFactor.Dome);
        profile.Firmware.Personality.Should().Be(FirmwarePersonality.Os11);
        profile.Reset.DebounceMilliseconds.Should().Be(50, "record defaults apply to keys the file leaves out");
        profile.Leds.Should().Be(new LedSpec());
    }

    [Fact]
    public void Unknown_key_lists_the_allowed_keys_and_suggests_the_closest()
    {
        var path = _dir.Write("X1000", Valid.Replace("  holdMinSeconds: 15", "  holdMinSeconds: 15\n  holdMin: 12", StringComparison.Ordinal));

        Errors(path).Should().Equal(
            $"{path}:19: unknown key 'holdMin' in 'reset'; allowed: holdMinSeconds, holdMaxSeconds, lateRelease, factoryResetSeconds, debounceMilliseconds; did you mean 'holdMinSeconds'?");
    }

    [Fact]
    public void Unknown_top_level_key_with_a_typo()
    {
        var path = _dir.Write("X1000", Valid.Replace("family:", "familly:", StringComparison.Ordinal));

        Errors(path).Should().Equal(
            $"{path}:1: missing required key 'family'",
            $"{path}:2: unknown key 'familly' at the top level; allowed: extends, model, family, formFactor, productFullName, productType, productVariant, hasVideo, firmware, identity, power, reset, boot, leds, io, hardware, estimates; did you mean 'family'?");
    }

    [Fact]
    public void Wrong_type_number_expected()
    {
        var path = _dir.Write("X1000", Valid.Replace("holdMaxSeconds: 30", "holdMaxSeconds: thirty", StringComparison.Ordinal));

        Errors(path).Should().Equal($"{path}:19: 'reset.holdMaxSeconds' must be a number, got 'thirty'");
    }

    [Fact]
    public void Wrong_type_quoted_number_is_a_string()
    {
        var path = _dir.Write("X1000", Valid.Replace("running: 6", "running: \"6\"", StringComparison.Ordinal));

        Errors(path).Should().Equal($"{path}:15: 'power.loads.running' must be a number, got the string '6'");
    }

    [Fact]
    public void Wrong_type_plain_number_where_a_string_is_expected()
    {
        var path = _dir.Write("X1000", Valid.Replace("version: \"11.11.192\"", "version: 12.10", StringComparison.Ordinal));

        Errors(path).Should().Equal($"{path}:7: 'firmware.version' must be a string, got the number 12.10 (quote it: \"12.10\")");
    }

    [Fact]
    public void Wrong_type_scalar_where_a_mapping_is_expected()
    {
        var path = _dir.Write("X1000", Valid.Replace("identity:\n  serialOui: \"B8A44F\"", "identity: B8A44F", StringComparison.Ordinal));

        Errors(path).Should().Equal($"{path}:8: 'identity' must be a mapping of keys, got 'B8A44F'");
    }

    [Fact]
    public void Wrong_enum_value_suggests_the_kebab_case_spelling()
    {
        var path = _dir.Write("X1000", Valid.Replace("formFactor: dome", "formFactor: miniDome", StringComparison.Ordinal));

        Errors(path).Should().Equal(
            $"{path}:3: 'formFactor' must be one of mini-dome, dome, bullet, box, ptz, modular, encoder, door-station, multisensor, thermal, cube, radar, siren, sensor; got 'miniDome'; did you mean 'mini-dome'?");
    }

    [Fact]
    public void Boolean_must_be_true_or_false()
    {
        var path = _dir.Write("X1000", Valid + "\nhasVideo: yes\n");

        Errors(path).Should().Equal($"{path}:25: 'hasVideo' must be true or false, got 'yes'");
    }

    [Fact]
    public void Hold_window_min_above_max()
    {
        var path = _dir.Write("X1000", Valid.Replace("holdMinSeconds: 15", "holdMinSeconds: 40", StringComparison.Ordinal));

        Errors(path).Should().Equal(
            $"{path}:18: 'reset.holdMinSeconds' (40 s) must not exceed 'reset.holdMaxSeconds' (30 s); the hold window runs from min to max");
    }

    [Fact]
    public void Negative_wattage()
    {
        var path = _dir.Write("X1000", Valid.Replace("kernel: 4", "kernel: -4", StringComparison.Ordinal));

        Errors(path).Should().Equal($"{path}:14: 'power.loads.kernel' must not be negative, got -4 W");
    }

    [Theory]
    [InlineData("9")]
    [InlineData("-1")]
    public void Poe_class_outside_0_to_8(string poeClass)
    {
        var path = _dir.Write("X1000", Valid.Replace("poeClass: 3", "poeClass: " + poeClass, StringComparison.Ordinal));

        Errors(path).Should().Equal($"{path}:11: 'power.poeClass' must be between 0 and 8, got {poeClass}");
    }

    [Fact]
    public void Poe_class_must_be_whole()
    {
        var path = _dir.Write("X1000", Valid.Replace("poeClass: 3", "poeClass: 3.5", StringComparison.Ordinal));

        Errors(path).Should().Equal($"{path}:11: 'power.poeClass' must be a whole number, got 3.5");
    }

    [Fact]
    public void Neither_poe_nor_dc()
    {
        var path = _dir.Write("X1000", Valid.Replace("  poeClass: 3\n", "", StringComparison.Ordinal));

        Errors(path).Should().Equal(
            $"{path}:10: 'power' has no input: set power.poeClass (0-8) for PoE or power.dc {{min, max}} for a DC supply");
    }

    [Fact]
    public void Explicit_null_poe_class_without_dc_is_also_no_input()
    {
        var path = _dir.Write("X1000", Valid.Replace("poeClass: 3", "poeClass: null", StringComparison.Ordinal));

        Errors(path).Should().Equal(
            $"{path}:10: 'power' has no input: set power.poeClass (0-8) for PoE or power.dc {{min, max}} for a DC supply");
    }

    [Fact]
    public void Dc_only_profile_is_fine()
    {
        var path = _dir.Write("X1000", Valid.Replace("poeClass: 3", "dc: {min: 4.75, max: 5.25}", StringComparison.Ordinal));

        var profile = ProfileLoader.LoadFile(path);

        profile.Power.PoeClass.Should().BeNull();
        profile.Power.Dc.Should().Be(new VoltageRange(4.75, 5.25));
    }

    [Theory]
    [InlineData("B8A44", "B8A44")]
    [InlineData("\"B8A44G\"", "B8A44G")]
    [InlineData("\"B8:A4:4F\"", "B8:A4:4F")]
    public void Invalid_oui(string yaml, string shown)
    {
        var path = _dir.Write("X1000", Valid.Replace("serialOui: \"B8A44F\"", "serialOui: " + yaml, StringComparison.Ordinal));

        Errors(path).Should().Equal($"{path}:9: 'identity.serialOui' must be 6 hex digits (an Axis OUI such as B8A44F), got '{shown}'");
    }

    [Fact]
    public void Plain_numeric_oui_must_be_quoted()
    {
        var path = _dir.Write("X1000", Valid.Replace("serialOui: \"B8A44F\"", "serialOui: 408012", StringComparison.Ordinal));

        Errors(path).Should().Equal($"{path}:9: 'identity.serialOui' must be a string, got the number 408012 (quote it: \"408012\")");
    }

    [Fact]
    public void Missing_required_keys_are_all_reported()
    {
        var yaml = Valid
            .Replace("model: \"X1000\"\n", "", StringComparison.Ordinal)
            .Replace("  readySeconds: 60", "", StringComparison.Ordinal)
            .Replace("    peak: 10\n", "", StringComparison.Ordinal);
        var path = _dir.Write("X1000", yaml);

        Errors(path).Should().Equal(
            $"{path}:1: missing required key 'model'",
            $"{path}:11: missing required key 'power.loads.peak'",
            $"{path}:19: missing required key 'boot.readySeconds'");
    }

    [Fact]
    public void Missing_required_mapping()
    {
        var path = _dir.Write("X1000", Valid.Replace("identity:\n  serialOui: \"B8A44F\"\n", "", StringComparison.Ordinal));

        Errors(path).Should().Equal($"{path}:1: missing required key 'identity'");
    }

    [Theory]
    [InlineData("\"eleven\"", "eleven")]
    [InlineData("\"11\"", "11")]
    [InlineData("\"11.11.x\"", "11.11.x")]
    [InlineData("\"v11.11.192\"", "v11.11.192")]
    public void Unparsable_version(string yaml, string shown)
    {
        var path = _dir.Write("X1000", Valid.Replace("version: \"11.11.192\"", "version: " + yaml, StringComparison.Ordinal));

        Errors(path).Should().Equal(
            $"{path}:7: 'firmware.version' is not an AXIS OS version: '{shown}' (expected dotted digits like 11.11.192)");
    }

    [Fact]
    public void Personality_and_id_may_not_be_set()
    {
        var yaml = Valid
            .Replace("  version: \"11.11.192\"", "  version: \"11.11.192\"\n  personality: os12", StringComparison.Ordinal)
            .Replace("model: \"X1000\"", "id: \"X1000\"\nmodel: \"X1000\"", StringComparison.Ordinal);
        var path = _dir.Write("X1000", yaml);

        Errors(path).Should().Equal(
            $"{path}:1: 'id' cannot be set: a profile's id is its file name without '.yaml'",
            $"{path}:9: 'firmware.personality' cannot be set: it follows from firmware.version (10.x and older: os10, 11.x: os11, 12.x and newer: os12)");
    }

    [Fact]
    public void Loads_must_rise_through_the_boot_phases()
    {
        var path = _dir.Write("X1000", Valid
            .Replace("bootLoader: 2", "bootLoader: 4", StringComparison.Ordinal)
            .Replace("running: 6", "running: 11", StringComparison.Ordinal));

        Errors(path).Should().Equal(
            $"{path}:13: 'power.loads.bootLoader' (4 W) must be less than 'power.loads.kernel' (4 W)",
            $"{path}:15: 'power.loads.running' (11 W) must not exceed 'power.loads.peak' (10 W)");
    }

    [Fact]
    public void Peak_above_the_class_budget_needs_can_run_degraded()
    {
        var path = _dir.Write("X1000", Valid.Replace("peak: 10", "peak: 13", StringComparison.Ordinal));

        Errors(path).Should().Equal(
            $"{path}:16: 'power.loads.peak' (13 W) exceeds the 12.95 W a class 3 PD may draw; lower it or set power.canRunDegraded: true");

        var degraded = _dir.Write("X1001", Valid
            .Replace("peak: 10", "peak: 13", StringComparison.Ordinal)
            .Replace("poeClass: 3", "poeClass: 3\n  canRunDegraded: true", StringComparison.Ordinal));
        ProfileLoader.LoadFile(degraded).Power.Loads.Peak.Should().Be(13);
    }

    [Fact]
    public void Duplicate_keys_are_reported()
    {
        var path = _dir.Write("X1000", Valid.Replace("family: \"Test dome\"", "family: \"Test dome\"\nmodel: \"X2000\"", StringComparison.Ordinal));

        Errors(path).Should().Equal($"{path}:3: duplicate key 'model' (first set at line 1)");
    }

    [Fact]
    public void Yaml_syntax_errors_carry_their_line()
    {
        var path = _dir.Write("X1000", Valid.Replace("  lateRelease: reset", "  lateRelease: [reset", StringComparison.Ordinal));

        var errors = ProfileLoader.ReadFile(path).Errors;

        errors.Should().ContainSingle();
        errors[0].File.Should().Be(path);
        errors[0].Line.Should().BeInRange(20, 25);
        errors[0].Message.Should().StartWith("YAML syntax error: ");
    }

    [Fact]
    public void Yaml_indentation_error_has_its_exact_line()
    {
        var path = _dir.Write("X1000", Valid.Replace("productType: \"Network Camera\"", "productType: \"Network Camera\"\n  oops: 1", StringComparison.Ordinal));

        Errors(path).Should().Equal($"{path}:6: YAML syntax error: While parsing a block mapping, did not find expected key.");
    }

    [Fact]
    public void Empty_file_and_non_mapping_file()
    {
        var empty = _dir.Write("Empty", "# only a comment\n");
        var list = _dir.Write("List", "- a\n- b\n");

        Errors(empty).Should().Equal($"{empty}:1: the file is empty; a profile is a mapping of keys");
        Errors(list).Should().Equal($"{list}:1: a profile must be a mapping of keys ('key: value' lines)");
    }

    [Fact]
    public void Unknown_estimate_key_is_reported_with_a_suggestion()
    {
        var path = _dir.Write("X1000", Valid + "\nestimates:\n  - power.lods.peak\n  - boot.readySeconds\n");

        Errors(path).Should().Equal($"{path}:26: estimate 'power.lods.peak' is not a profile key; did you mean 'power.loads.peak'?");
    }

    [Fact]
    public void An_estimate_listed_twice_is_reported_where_it_repeats()
    {
        var path = _dir.Write("X1000", Valid + "\nestimates:\n  - power.loads.peak\n  - boot.readySeconds\n  - power.loads.peak\n");

        Errors(path).Should().Equal($"{path}:28: 'estimates' lists 'power.loads.peak' twice");
    }

    [Fact]
    public void All_errors_of_a_file_are_collected_in_line_order()
    {
        var yaml = Valid
            .Replace("formFactor: dome", "formFactor: dom", StringComparison.Ordinal)
            .Replace("serialOui: \"B8A44F\"", "serialOui: \"XYZ\"", StringComparison.Ordinal)
            .Replace("poeClass: 3", "poeClass: 12", StringComparison.Ordinal)
            .Replace("kernel: 4", "kernel: -1", StringComparison.Ordinal)
            .Replace("holdMinSeconds: 15", "holdMinSeconds: 45", StringComparison.Ordinal)
            .Replace("  readySeconds: 60", "  readySeconds: 60\n  coldStart: 5", StringComparison.Ordinal);
        var path = _dir.Write("X1000", yaml);

        var exception = FluentActions.Invoking(() => ProfileLoader.LoadFile(path)).Should().Throw<ProfileValidationException>().Which;

        exception.Errors.Select(e => e.ToString()).Should().Equal(
            $"{path}:3: 'formFactor' must be one of mini-dome, dome, bullet, box, ptz, modular, encoder, door-station, multisensor, thermal, cube, radar, siren, sensor; got 'dom'; did you mean 'dome'?",
            $"{path}:9: 'identity.serialOui' must be 6 hex digits (an Axis OUI such as B8A44F), got 'XYZ'",
            $"{path}:11: 'power.poeClass' must be between 0 and 8, got 12",
            $"{path}:14: 'power.loads.kernel' must not be negative, got -1 W",
            $"{path}:18: 'reset.holdMinSeconds' (45 s) must not exceed 'reset.holdMaxSeconds' (30 s); the hold window runs from min to max",
            $"{path}:25: unknown key 'coldStart' in 'boot'; allowed: bootLoaderSeconds, networkUpSeconds, readySeconds, shutdownSeconds, greenAfterReadySeconds");
        exception.Errors.Should().AllSatisfy(e => e.File.Should().Be(path));
        exception.Message.Should().Contain("6 errors").And.Contain($"{path}:11: 'power.poeClass'");
    }

    [Fact]
    public void Directory_load_reports_errors_of_every_file()
    {
        var good = _dir.Write("Good", Valid);
        var bad1 = _dir.Write("Bad1", Valid.Replace("kernel: 4", "kernel: -4", StringComparison.Ordinal));
        var bad2 = _dir.Write("Bad2", Valid.Replace("poeClass: 3", "poeClass: 9", StringComparison.Ordinal));

        var result = ProfileLoader.ReadDirectory(_dir.Path);

        result.Profiles.Select(p => p.Id).Should().Equal("Good");
        result.Errors.Select(e => e.ToString()).Should().Equal(
            $"{bad1}:14: 'power.loads.kernel' must not be negative, got -4 W",
            $"{bad2}:11: 'power.poeClass' must be between 0 and 8, got 9");
        good.Should().NotBeNull();
        FluentActions.Invoking(() => ProfileLoader.LoadDirectory(_dir.Path))
            .Should().Throw<ProfileValidationException>().Which.Errors.Should().HaveCount(2);
    }

    private static IEnumerable<string> Errors(string path)
    {
        var result = ProfileLoader.ReadFile(path);
        result.Profiles.Should().BeEmpty("an invalid file yields no profile");
        return result.Errors.Select(e => e.ToString());
    }
}
