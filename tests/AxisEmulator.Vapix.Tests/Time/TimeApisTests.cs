using System.Net;
using System.Text.Json.Nodes;
using AxisEmulator.Core.Config;
using AxisEmulator.Vapix.Tests.Server;
using AxisEmulator.Vapix.Tests.Support;

namespace AxisEmulator.Vapix.Tests.Time;

public class TimeApisTests
{
    private const string Cgi = "/axis-cgi/time.cgi";

    [Theory]
    [InlineData("setDateTime", """{"dateTime":"2026-06-01 10:00:00"}""", "Invalid parameter: 'dateTime'")]
    [InlineData("setDateTime", """{}""", "Missing parameter: 'dateTime'")]
    [InlineData("setTimeZone", """{"timeZone":"Mars/Olympus_Mons"}""", "Invalid parameter: 'timeZone'")]
    [InlineData("setTimeZone", """{"timeZone":7}""", "Invalid parameter: 'timeZone'")]
    [InlineData("setPosixTimeZone", """{"posixTimeZone":"not a zone"}""", "Invalid parameter: 'posixTimeZone'")]
    [InlineData("setPosixTimeZone", """{"posixTimeZone":"CET-1","enableDst":"yes"}""", "Invalid parameter: 'enableDst'")]
    public async Task Bad_time_settings_name_the_parameter_and_leave_the_clock_alone(string method, string parameters, string message)
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var client = h.Client(camera);
        var before = ServerHarness.StoredConfig(camera);

        (await JsonCalls.ErrorAsync(client, Cgi, $$"""{"apiVersion":"1.0","method":"{{method}}","params":{{parameters}}}""")).Should().Be((2000, message));
        ServerHarness.StoredConfig(camera).Should().Be(before);
    }

    [Fact]
    public async Task A_posix_zone_sets_local_time_and_clears_the_iana_name()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        using var client = h.Client(camera);

        await JsonCalls.DataAsync(client, Cgi, """{"apiVersion":"1.0","method":"setDateTime","params":{"dateTime":"2026-01-15T08:00:00Z"}}""");
        await JsonCalls.DataAsync(client, Cgi, """{"apiVersion":"1.0","method":"setPosixTimeZone","params":{"posixTimeZone":"<+03>-3","enableDst":false}}""");
        var info = await JsonCalls.DataAsync(client, Cgi, """{"apiVersion":"1.0","method":"getDateTimeInfo"}""");

        info["localDateTime"]!.GetValue<string>().Should().Be("2026-01-15T11:00:00+03:00");
        info["posixTimeZone"]!.GetValue<string>().Should().Be("<+03>-3");
        info["timeZone"]!.GetValue<string>().Should().BeEmpty();
        info["dstEnabled"]!.GetValue<bool>().Should().BeFalse();
        (await client.GetStringAsync("/axis-cgi/param.cgi?action=list&group=Time.DST.Enabled")).Should().Be("Time.DST.Enabled=no\n");
    }

    [Theory]
    [InlineData(FactoryDefaultMode.Soft, "Europe/Stockholm", 2030)]
    [InlineData(FactoryDefaultMode.Hard, "UTC", 2026)]
    public async Task Soft_default_keeps_the_zone_and_clock_and_hard_resets_them(FactoryDefaultMode mode, string zone, int year)
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync();
        var simulatedYear = camera.Clock.GetUtcNow().Year;
        using (var client = h.Client(camera))
        {
            await JsonCalls.DataAsync(client, Cgi, """{"apiVersion":"1.0","method":"setDateTime","params":{"dateTime":"2030-03-01T00:00:00Z"}}""");
            await JsonCalls.DataAsync(client, Cgi, """{"apiVersion":"1.0","method":"setTimeZone","params":{"timeZone":"Europe/Stockholm"}}""");
        }

        camera.FactoryDefault(mode);
        await h.RunUntilIdleAsync(camera);
        ServerHarness.AddUser(camera, "root", "pass", UserRole.Admin);

        using var again = h.Client(camera);
        var info = await JsonCalls.DataAsync(again, Cgi, """{"apiVersion":"1.0","method":"getDateTimeInfo"}""");
        info["timeZone"]!.GetValue<string>().Should().Be(zone);
        DateTimeOffset.Parse(info["dateTime"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).Year
            .Should().Be(mode == FactoryDefaultMode.Soft ? year : simulatedYear);
    }

    [Fact]
    public async Task The_rest_time_api_reads_and_sets_the_same_clock_on_12_x_only()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync("M1075-L");
        using var client = h.Client(camera);

        (await client.PatchAsync("/config/rest/time/v2/dateTime", ServerHarness.Json("""{"data":"2027-02-03T04:05:06Z"}"""))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.PatchAsync("/config/rest/time/v2/timeZone/iana/timeZone", ServerHarness.Json("""{"data":"America/New_York"}"""))).StatusCode.Should().Be(HttpStatusCode.OK);
        using var bad = await client.PatchAsync("/config/rest/time/v2/dateTime", ServerHarness.Json("""{"data":"tomorrow"}"""));
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        JsonNode.Parse(await bad.Content.ReadAsStringAsync())!["status"]!.GetValue<string>().Should().Be("error");

        var model = JsonNode.Parse(await client.GetStringAsync("/config/rest/time/v2"))!["data"]!;
        model["dateTime"]!.GetValue<string>().Should().Be("2027-02-03T04:05:06Z");
        model["localDateTime"]!.GetValue<string>().Should().Be("2027-02-02T23:05:06-05:00");
        var cgi = await JsonCalls.DataAsync(client, Cgi, """{"apiVersion":"1.1","method":"getDateTimeInfo"}""");
        cgi["timeZone"]!.GetValue<string>().Should().Be("America/New_York");
        (await client.GetAsync("/config/rest/time/v2/nothing")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var older = await h.ReadyDeviceAsync("P3245-LVE");
        using var olderClient = h.Client(older);
        (await olderClient.GetAsync("/config/rest/time/v2")).StatusCode.Should().Be(HttpStatusCode.NotFound, "11.11 predates the REST time API");
    }

    [Fact]
    public async Task Date_cgi_sets_and_reads_the_clock_on_10_12_and_is_gone_later()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync("P3245-LVE-10.12");
        using var client = h.Client(camera);

        (await client.GetStringAsync("/axis-cgi/admin/date.cgi?action=set&year=2025&month=7&day=9&hour=13&minute=5&second=0")).Should().Be("OK\n");
        (await client.GetStringAsync("/axis-cgi/admin/date.cgi?action=get")).Should().Be("Jul 09, 2025 13:05:00\n");
        (await client.GetStringAsync("/axis-cgi/admin/date.cgi?action=set&year=2025&month=13&day=9&hour=13&minute=5&second=0")).Should().Be("Error: invalid date\n");
        (await client.GetStringAsync("/axis-cgi/admin/date.cgi?action=set&year=2025")).Should().Be("Error: invalid month\n");

        var newer = await h.ReadyDeviceAsync("P3245-LVE");
        using var newerClient = h.Client(newer);
        (await newerClient.GetAsync("/axis-cgi/admin/date.cgi?action=get")).StatusCode.Should().Be(HttpStatusCode.NotFound, "removed in AXIS OS 11.0");
    }
}
