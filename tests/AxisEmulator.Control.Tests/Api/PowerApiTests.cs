namespace AxisEmulator.Control.Tests.Api;

public sealed class PowerApiTests : IAsyncLifetime
{
    private ControlApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ControlApiHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task On_without_a_source_plugs_into_poe_at_the_profiles_own_class_over_10_m_of_cat5e()
    {
        await _host.CreateAsync("dome");
        var state = await _host.SendJsonAsync(HttpMethod.Put, "/api/v1/devices/dome/power", """{"on":true}""", 200);

        state.Bool("power.on").Should().BeTrue();
        state.Str("power.source.kind").Should().Be("poe");
        state.Str("power.source.standard").Should().Be("802.3af");
        state.Num("power.source.pseClass").Should().Be(3);
        state.Num("power.source.cableMeters").Should().Be(10);
        state.Str("power.source.cableCategory").Should().Be("cat5e");
        state.Num("power.source.pseVolts").Should().Be(48);
        state.Str("phase").Should().Be("bootloader");
        state.Str("power.status").Should().Be("ok");
    }

    [Fact]
    public async Task The_state_names_the_minimum_the_rail_judged_the_volts_against()
    {
        await _host.CreateAsync("dome");
        var plugged = await _host.SendJsonAsync(HttpMethod.Put, "/api/v1/devices/dome/power", """{"on":true,"source":{"kind":"poe","standard":"802.3at","pseClass":4}}""", 200);
        plugged.Num("power.minimumVolts").Should().Be(37, "a class-3 camera stays a Type 1 PD on a PoE+ switch");

        var unplugged = await _host.SendJsonAsync(HttpMethod.Put, "/api/v1/devices/dome/power", """{"on":false}""", 200);
        unplugged.Has("power.minimumVolts").Should().BeFalse();
    }

    [Theory]
    [InlineData("Q1656-LE", "802.3at", 4)]
    [InlineData("Q6135-LE", "802.3bt", 6)]
    public async Task The_default_standard_follows_the_class(string profile, string standard, int poeClass)
    {
        ControlApiHost.Profiles.Get(profile).Power.PoeClass.Should().Be(poeClass, "the test assumes the shipped profile's class");
        await _host.CreateAsync("cam", profile);
        var state = await _host.SendJsonAsync(HttpMethod.Put, "/api/v1/devices/cam/power", """{"on":true}""", 200);
        state.Str("power.source.standard").Should().Be(standard);
        state.Num("power.source.pseClass").Should().Be(poeClass);
    }

    [Fact]
    public async Task A_dc_only_model_gets_a_dc_adapter_in_its_range()
    {
        await _host.CreateAsync("m1011", "M1011");
        var state = await _host.SendJsonAsync(HttpMethod.Put, "/api/v1/devices/m1011/power", """{"on":true}""", 200);
        state.Str("power.source.kind").Should().Be("dc");
        state.Num("power.source.volts").Should().Be(5);
        state.Str("power.status").Should().Be("ok");
        state.Str("phase").Should().Be("bootloader");
    }

    [Fact]
    public async Task An_explicit_poe_source_is_used_as_given()
    {
        await _host.CreateAsync("box", "Q1656-LE");
        var state = await _host.SendJsonAsync(
            HttpMethod.Put,
            "/api/v1/devices/box/power",
            """{"on":true,"source":{"kind":"poe","standard":"802.3at","pseClass":4,"cableMeters":100,"cableCategory":"cat5e","pseVolts":50}}""",
            200);
        state.Str("power.source.standard").Should().Be("802.3at");
        state.Num("power.source.cableMeters").Should().Be(100);
        state.Num("power.source.pseVolts").Should().Be(50);
        state.Num("power.volts").Should().BeLessThan(50, "the cable drops some volts");
    }

    [Fact]
    public async Task Short_forms_of_standard_and_cable_are_accepted()
    {
        await _host.CreateAsync("dome");
        var state = await _host.SendJsonAsync(HttpMethod.Put, "/api/v1/devices/dome/power", """{"on":true,"source":{"kind":"poe","standard":"at","cableCategory":"CAT-6"}}""", 200);
        state.Str("power.source.standard").Should().Be("802.3at");
        state.Str("power.source.cableCategory").Should().Be("cat6");
        state.Num("power.source.pseClass").Should().Be(3, "the class defaults to the device's own");
    }

    [Fact]
    public async Task A_passive_injector_never_powers_a_poe_camera()
    {
        await _host.CreateAsync("dome");
        var state = await _host.SendJsonAsync(HttpMethod.Put, "/api/v1/devices/dome/power", """{"on":true,"source":{"kind":"passive","volts":24}}""", 200);
        state.Str("power.source.kind").Should().Be("passive");
        state.Num("power.source.volts").Should().Be(24);
        state.Str("power.status").Should().Be("no-power");
        state.Str("power.message").Should().NotBeNullOrEmpty();
        state.Str("phase").Should().Be("off");
    }

    [Fact]
    public async Task A_cable_too_long_for_the_load_gives_a_boot_loop()
    {
        await _host.CreateAsync("far", "Q1656-LE");
        await _host.SendJsonAsync(HttpMethod.Put, "/api/v1/devices/far/power", """{"on":true,"source":{"kind":"poe","standard":"802.3at","pseClass":4,"cableMeters":250,"cableCategory":"cat3","pseVolts":50}}""", 200);
        await _host.AdvanceAsync(300);
        var state = await _host.StateAsync("far");
        state.Num("bootLoopCount").Should().BeGreaterThan(0);
        state.Str("phase").Should().NotBe("ready");
    }

    [Fact]
    public async Task Off_pulls_the_plug_and_on_again_keeps_nothing_of_the_old_source()
    {
        await _host.CreateAsync("dome", powerOn: true);
        await _host.AdvanceAsync(100);
        var off = await _host.SendJsonAsync(HttpMethod.Put, "/api/v1/devices/dome/power", """{"on":false}""", 200);
        off.Bool("power.on").Should().BeFalse();
        off.Str("phase").Should().Be("off");
        off.Str("power.status").Should().Be("no-power");
        off.Str("leds.status.pattern").Should().Be("off");
        off.Bool("network.listening").Should().BeFalse();
    }

    [Fact]
    public async Task On_while_powered_without_a_source_keeps_the_current_source()
    {
        await _host.CreateAsync("dome");
        await _host.SendJsonAsync(HttpMethod.Put, "/api/v1/devices/dome/power", """{"on":true,"source":{"kind":"poe","pseClass":4,"cableMeters":30}}""", 200);
        var state = await _host.SendJsonAsync(HttpMethod.Put, "/api/v1/devices/dome/power", """{"on":true}""", 200);
        state.Num("power.source.cableMeters").Should().Be(30);
        state.Num("power.source.pseClass").Should().Be(4);
        state.Str("power.source.standard").Should().Be("802.3at");
    }

    [Theory]
    [InlineData("""{}""", "$.on is required: true or false")]
    [InlineData("""{"on":false,"source":{"kind":"dc","volts":12}}""", "$.source applies only with on=true")]
    [InlineData("""{"on":true,"source":{}}""", "$.source.kind is required: one of poe, passive, dc")]
    [InlineData("""{"on":true,"source":{"kind":"poe","standard":"802.3af","pseClass":4}}""", "802.3af PSEs supply class 0–3; class 4 needs 802.3at or 802.3bt")]
    [InlineData("""{"on":true,"source":{"kind":"poe","standard":"802.3zz"}}""", "'802.3zz' is not a PoE standard: expected 802.3af, 802.3at or 802.3bt")]
    [InlineData("""{"on":true,"source":{"kind":"poe","cableCategory":"cat7"}}""", "'cat7' is not a cable category: expected cat3, cat5, cat5e, cat6, cat6a")]
    [InlineData("""{"on":true,"source":{"kind":"poe","cableMeters":-1}}""", "cable length -1 m is negative")]
    [InlineData("""{"on":true,"source":{"kind":"poe","cableMeters":400}}""", "exceeds the 250 m the model covers")]
    [InlineData("""{"on":true,"source":{"kind":"poe","standard":"802.3at","pseClass":4,"pseVolts":40}}""", "PSE voltage 40 V is outside the 50–57 V range")]
    [InlineData("""{"on":true,"source":{"kind":"poe","volts":48}}""", "$.source.volts does not apply to a poe source; use pseVolts")]
    [InlineData("""{"on":true,"source":{"kind":"passive"}}""", "$.source.volts is required for a passive injector")]
    [InlineData("""{"on":true,"source":{"kind":"passive","volts":0}}""", "passive injector voltage must be a positive number of volts")]
    [InlineData("""{"on":true,"source":{"kind":"passive","volts":24,"pseClass":3}}""", "$.source.pseClass does not apply to a passive source")]
    [InlineData("""{"on":true,"source":{"kind":"dc"}}""", "$.source.volts is required for a DC adapter")]
    [InlineData("""{"on":true,"source":{"kind":"dc","volts":12,"amps":-2}}""", "DC adapter current must be a positive number of amps")]
    [InlineData("""{"on":true,"source":{"kind":"poe","cableMeters":"far"}}""", "$.source.cableMeters must be a number")]
    [InlineData("""{"on":"true"}""", "$.on must be true or false")]
    [InlineData("""{"on":true,"source":{"kind":"poe","class":3}}""", "$.source has an unknown property 'class'")]
    public async Task Invalid_power_requests_are_400_with_a_clear_detail(string body, string message)
    {
        await _host.CreateAsync("dome");
        var problem = await _host.ExpectProblemAsync(HttpMethod.Put, "/api/v1/devices/dome/power", body, 400);
        problem.Str("detail").Should().Contain(message);
        (await _host.StateAsync("dome")).Bool("power.on").Should().BeFalse("nothing changes on a bad request");
    }

    [Fact]
    public async Task Power_for_an_unknown_device_is_404()
    {
        var problem = await _host.ExpectProblemAsync(HttpMethod.Put, "/api/v1/devices/ghost/power", """{"on":true}""", 404);
        problem.Str("detail").Should().Contain("'ghost'");
    }
}
