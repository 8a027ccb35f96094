namespace AxisEmulator.Control.Tests.Api;

public sealed class DevicesApiTests : IAsyncLifetime
{
    private ControlApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ControlApiHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Create_answers_201_with_a_location_and_the_device_state()
    {
        using var response = await _host.SendJsonAsync(HttpMethod.Post, "/api/v1/devices", """{"id":"lobby","profile":"P3265-LVE","serial":"b8a44f0a1b2c"}""");
        var state = await ControlApiHost.ExpectJsonAsync(response, 201);

        response.Headers.Location!.ToString().Should().Be("/api/v1/devices/lobby");
        state.Str("id").Should().Be("lobby");
        state.Str("profile").Should().Be("P3265-LVE");
        state.Str("serial").Should().Be("B8A44F0A1B2C");
        state.Str("phase").Should().Be("off");
        state.Bool("power.on").Should().BeFalse();
        state.Str("power.status").Should().Be("no-power");
        state.Has("power.source").Should().BeFalse();
        state.Str("leds.status.color").Should().Be("off");
        state.Str("leds.status.pattern").Should().Be("off");
        state.Has("leds.power").Should().BeFalse("the P3265-LVE has only a status LED");
        state.Bool("button.pressed").Should().BeFalse();
        state.Str("button.condition").Should().Be("healthy");
        state.Bool("network.listening").Should().BeFalse();
        state.Str("network.bootProto").Should().Be("dhcp");
        state.Str("firmware.version").Should().Be("11.11.192");
        state.Bool("firmware.needsSetup").Should().BeTrue();
        state.Num("bootCount").Should().Be(0);
        state.Num("bootLoopCount").Should().Be(0);
        state.Str("time").Should().Be("2026-01-01T00:00:00+00:00");
        _host.Emulator.TryGet("lobby", out _).Should().BeTrue();
    }

    [Fact]
    public async Task Create_with_an_empty_object_adds_the_default_profile_as_cam_N()
    {
        var state = await _host.SendJsonAsync(HttpMethod.Post, "/api/v1/devices", "{}", 201);
        state.Str("id").Should().Be("cam-1");
        state.Str("profile").Should().Be("P3265-LVE");
    }

    [Fact]
    public async Task Create_with_power_boots_the_device()
    {
        var state = await _host.CreateAsync("cam-a", powerOn: true);
        state.Str("phase").Should().Be("bootloader");
        state.Bool("power.on").Should().BeTrue();
        state.Str("power.source.kind").Should().Be("poe");
        state.Str("leds.status.color").Should().Be("amber");
        state.Str("leds.status.pattern").Should().Be("steady");
        state.Has("leds.status.hz").Should().BeFalse();
        state.Num("bootCount").Should().Be(1);

        await _host.AdvanceAsync(120);
        var ready = await _host.StateAsync("cam-a");
        ready.Str("phase").Should().Be("ready");
        ready.Bool("network.listening").Should().BeTrue();
        ready.Str("network.ipAddress").Should().Be("192.168.0.90");
        ready.Str("network.linkLocal").Should().StartWith("169.254.");
        var serial = ready.Str("serial")!;
        ready.Str("network.macAddress").Should().Be(string.Join(':', serial.Chunk(2).Select(c => new string(c))).ToLowerInvariant(), "the serial is the MAC");
        ready.Str("firmware.bootId").Should().NotBeNullOrEmpty();
        ready.Num("firmware.uptimeSeconds").Should().Be(120);
        ready.Str("power.status").Should().Be("ok");
        ready.Num("power.watts").Should().Be(12.95);
        ready.Num("power.budgetWatts").Should().Be(12.95);
        ready.Num("power.volts").Should().BeInRange(37, 48);
    }

    [Fact]
    public async Task List_shows_devices_in_the_order_added()
    {
        await _host.CreateAsync("b");
        await _host.CreateAsync("a", "M1011");
        var list = (await _host.GetJsonAsync("/api/v1/devices")).AsArray();
        list.Select(d => d!.Str("id")).Should().Equal("b", "a");
        list[1]!.Str("profile").Should().Be("M1011");
    }

    [Fact]
    public async Task Get_an_unknown_device_is_404_listing_the_known_ones()
    {
        await _host.CreateAsync("cam-x");
        using var response = await _host.Client.GetAsync("/api/v1/devices/nope");
        var problem = await ControlApiHost.ExpectProblemAsync(response, 404);
        problem.Str("detail").Should().Contain("'nope'").And.Contain("cam-x");
        problem["knownIds"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal("cam-x");
    }

    [Fact]
    public async Task Delete_removes_the_device()
    {
        await _host.CreateAsync("gone", powerOn: true);
        using var deleted = await _host.Client.DeleteAsync("/api/v1/devices/gone");
        ((int)deleted.StatusCode).Should().Be(204);
        _host.Emulator.TryGet("gone", out _).Should().BeFalse();

        using var again = await _host.Client.DeleteAsync("/api/v1/devices/gone");
        await ControlApiHost.ExpectProblemAsync(again, 404);
    }

    [Fact]
    public async Task Delete_with_deleteState_erases_the_stored_configuration()
    {
        await _host.CreateAsync("erase");
        _host.Emulator.Store.Load("erase").Should().NotBeNull();
        using var deleted = await _host.Client.DeleteAsync("/api/v1/devices/erase?deleteState=true");
        ((int)deleted.StatusCode).Should().Be(204);
        _host.Emulator.Store.Load("erase").Should().BeNull();

        using var bad = await _host.Client.DeleteAsync("/api/v1/devices/erase?deleteState=maybe");
        (await ControlApiHost.ExpectProblemAsync(bad, 400)).Str("detail").Should().Contain("deleteState");
    }

    [Theory]
    [InlineData("TRUE%00")]
    [InlineData("true%00")]
    [InlineData("%20true")]
    [InlineData("false%00")]
    [InlineData("%00")]
    public async Task A_deleteState_that_only_trims_to_a_boolean_is_400_and_deletes_nothing(string value)
    {
        // Found by the hostile run: bool.TryParse trims blanks and NULs, so these erased the device's state.
        await _host.CreateAsync("kept");
        using var bad = await _host.Client.DeleteAsync($"/api/v1/devices/kept?deleteState={value}");

        (await ControlApiHost.ExpectProblemAsync(bad, 400)).Str("detail").Should().Contain("deleteState");
        _host.Emulator.TryGet("kept", out _).Should().BeTrue();
        _host.Emulator.Store.Load("kept").Should().NotBeNull();
    }

    [Fact]
    public async Task A_duplicate_id_is_409()
    {
        await _host.CreateAsync("dup");
        var problem = await _host.ExpectProblemAsync(HttpMethod.Post, "/api/v1/devices", """{"id":"dup"}""", 409);
        problem.Str("detail").Should().Contain("'dup' already exists");
    }

    [Theory]
    [InlineData("""{"profile":"NOPE-1"}""", "$.profile", "'NOPE-1' is not a known hardware profile; known: A8207-VE-Mk-II")]
    [InlineData("""{"id":"has space"}""", "$.id", "may contain only letters, digits")]
    [InlineData("""{"id":"../etc"}""", "$.id", "may contain only letters, digits")]
    [InlineData("""{"id":""}""", "$.id", "1 to 64 characters")]
    [InlineData("""{"serial":"XYZ"}""", "$.serial", "not 12 hexadecimal digits")]
    [InlineData("""{"power":{}}""", "$.power.on", "$.power.on is required: true or false")]
    [InlineData("""{"power":{"on":true,"source":{"kind":"poe","pseClass":9}}}""", "$.power.source", "PSE class 9 is outside 0–8")]
    public async Task Invalid_create_requests_are_400_naming_the_field(string body, string path, string message)
    {
        var problem = await _host.ExpectProblemAsync(HttpMethod.Post, "/api/v1/devices", body, 400);
        problem.Str("detail").Should().Contain(message);
        problem["errors"]![path].Should().NotBeNull();
        _host.Emulator.Devices.Should().BeEmpty("nothing is created from an invalid request");
    }

    [Theory]
    [InlineData("", "needs a JSON body, e.g. {\"profile\"")]
    [InlineData("   ", "needs a JSON body")]
    [InlineData("{\"id\":", "not valid JSON")]
    [InlineData("{'id':'x'}", "not valid JSON")]
    [InlineData("[1,2]", "must be a JSON object")]
    [InlineData("null", "must be a JSON object")]
    [InlineData("42", "must be a JSON object")]
    [InlineData("""{"id":7}""", "$.id must be a string")]
    [InlineData("""{"power":{"on":"yes"}}""", "$.power.on must be true or false")]
    [InlineData("""{"power":{"on":true,"source":{"kind":"solar"}}}""", "$.power.source.kind must be one of: poe, passive, dc")]
    [InlineData("""{"power":{"on":true,"source":{"kind":"poe","pseClass":4.5}}}""", "$.power.source.pseClass must be a whole number")]
    [InlineData("""{"power":[]}""", "$.power must be an object with on, source")]
    [InlineData("""{"profiel":"P3265-LVE"}""", "$ has an unknown property 'profiel'; allowed: profile, id, serial, power")]
    [InlineData("""{"power":{"on":true,"volts":5}}""", "$.power has an unknown property 'volts'; allowed: on, source")]
    public async Task Malformed_bodies_are_400_with_the_json_path(string body, string message)
    {
        var problem = await _host.ExpectProblemAsync(HttpMethod.Post, "/api/v1/devices", body, 400);
        problem.Str("detail").Should().Contain(message);
    }

    [Fact]
    public async Task A_body_above_the_limit_is_413()
    {
        var huge = "{\"id\":\"" + new string('a', 70_000) + "\"}";
        await _host.ExpectProblemAsync(HttpMethod.Post, "/api/v1/devices", huge, 413);
    }

    [Fact]
    public async Task A_body_of_another_content_type_is_415_saying_what_to_send()
    {
        using var response = await _host.Client.PostAsync("/api/v1/devices", new StringContent("""{"id":"curl"}""", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
        var problem = await ControlApiHost.ExpectProblemAsync(response, 415);
        problem.Str("detail").Should().Contain("Content-Type: application/json");
    }

    [Fact]
    public async Task A_body_without_a_content_type_is_read_as_json()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/devices") { Content = new ByteArrayContent("""{"id":"bare"}"""u8.ToArray()) };
        using var response = await _host.Client.SendAsync(request);
        ((int)response.StatusCode).Should().Be(201);
    }

    [Fact]
    public async Task Enums_are_kebab_case_and_nulls_are_left_out()
    {
        var state = await _host.CreateAsync("shape", powerOn: true);
        var text = state.ToJsonString();
        text.Should().NotContain("null");
        await _host.AdvanceAsync(40);
        (await _host.StateAsync("shape")).Str("phase").Should().Be("network-up");
    }

    [Fact]
    public async Task A_device_with_power_and_network_leds_shows_all_three()
    {
        var model = ControlApiHost.Profiles.All.First(p => p.Leds.Power && p.Leds.Network);
        await _host.CreateAsync("leds", model.Id, powerOn: true);
        await _host.AdvanceAsync(200);
        var state = await _host.StateAsync("leds");
        state.Str("leds.power.color").Should().Be("green");
        state.Str("leds.network.color").Should().Be("green");
        state.Has("leds.status").Should().BeTrue();
    }

    [Fact]
    public async Task Removing_a_device_through_the_emulator_is_seen_by_the_api()
    {
        await _host.CreateAsync("side");
        _host.Emulator.RemoveDevice("side");
        using var response = await _host.Client.GetAsync("/api/v1/devices/side");
        await ControlApiHost.ExpectProblemAsync(response, 404);
    }
}
