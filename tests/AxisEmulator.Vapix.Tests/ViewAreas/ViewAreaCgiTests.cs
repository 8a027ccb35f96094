using AxisEmulator.Core.Config;
using AxisEmulator.Vapix.Tests.Server;
using AxisEmulator.Vapix.Tests.Support;

namespace AxisEmulator.Vapix.Tests.ViewAreas;

public class ViewAreaCgiTests
{
    private const string Info = "/axis-cgi/viewarea/info.cgi";
    private const string Configure = "/axis-cgi/viewarea/configure.cgi";

    [Fact]
    public async Task A_fixed_camera_lists_one_view_area_over_its_largest_resolution()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync("P3245-LVE");
        using var client = h.Client(camera);
        var largest = (await client.GetStringAsync("/axis-cgi/param.cgi?action=list&group=Properties.Image.Resolution")).Split('=')[1].Split(',')[0].Trim();

        var answer = await JsonCalls.PostAsync(client, Info, """{"apiVersion":"1.0","context":"Axis library","method":"list"}""");

        answer["apiVersion"]!.GetValue<string>().Should().Be("1.0");
        answer["context"]!.GetValue<string>().Should().Be("Axis library");
        var area = answer["data"]!["viewAreas"]!.AsArray().Should().ContainSingle().Subject!;
        area["id"]!.GetValue<int>().Should().Be(1000001);
        area["source"]!.GetValue<int>().Should().Be(0);
        area["camera"]!.GetValue<int>().Should().Be(1);
        var canvas = $"{area["canvasSize"]!["horizontal"]}x{area["canvasSize"]!["vertical"]}";
        canvas.Should().Be(largest);
        area["rectangularGeometry"]!["horizontalSize"]!.GetValue<int>().Should().Be(area["canvasSize"]!["horizontal"]!.GetValue<int>(), "the full view until set");
        area["minSize"]!["horizontal"]!.GetValue<int>().Should().Be(64);
    }

    [Fact]
    public async Task A_set_geometry_is_answered_stored_listed_and_reset()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync("P3245-LVE");
        using var client = h.Client(camera);
        const string Set = """{"apiVersion":"1.0","method":"setGeometry","params":{"viewArea":{"id":1000001,"rectangularGeometry":{"horizontalOffset":100,"horizontalSize":640,"verticalOffset":50,"verticalSize":360}}}}""";

        var set = await JsonCalls.DataAsync(client, Configure, Set);

        set["viewAreas"]![0]!["rectangularGeometry"]!["horizontalOffset"]!.GetValue<int>().Should().Be(100);
        camera.ReadConfig(c => c.ViewAreas).Should().Equal(new ViewAreaGeometry(1000001, 100, 640, 50, 360));
        var listed = await JsonCalls.DataAsync(client, Info, """{"apiVersion":"1.0","method":"list"}""");
        listed["viewAreas"]![0]!["rectangularGeometry"]!["verticalSize"]!.GetValue<int>().Should().Be(360);

        var reset = await JsonCalls.DataAsync(client, Configure, """{"apiVersion":"1.0","method":"resetGeometry","params":{"viewArea":{"id":1000001}}}""");
        reset["viewAreas"]![0]!["rectangularGeometry"]!["horizontalOffset"]!.GetValue<int>().Should().Be(0);
        camera.ReadConfig(c => c.ViewAreas).Should().BeEmpty();
    }

    [Theory]
    [InlineData("""{"viewArea":{"id":1000009,"rectangularGeometry":{"horizontalOffset":0,"horizontalSize":640,"verticalOffset":0,"verticalSize":360}}}""", 2104, "'viewArea.id'")]
    [InlineData("""{"viewArea":{"id":1000001,"rectangularGeometry":{"horizontalOffset":0,"horizontalSize":10,"verticalOffset":0,"verticalSize":360}}}""", 2104, "'viewArea.rectangularGeometry.horizontalSize'")]
    [InlineData("""{"viewArea":{"id":1000001,"rectangularGeometry":{"horizontalOffset":99999,"horizontalSize":640,"verticalOffset":0,"verticalSize":360}}}""", 2104, "'viewArea.rectangularGeometry.horizontalOffset'")]
    [InlineData("""{"viewArea":{"id":1000001,"rectangularGeometry":{"horizontalOffset":0,"horizontalSize":640,"verticalOffset":0}}}""", 2103, "'viewArea.rectangularGeometry.verticalSize'")]
    [InlineData("""{"viewArea":{"id":"1000001"}}""", 2104, "'viewArea.id'")]
    [InlineData("""{}""", 2103, "'viewArea'")]
    public async Task A_bad_geometry_is_refused_with_the_documented_code_and_nothing_is_stored(string parameters, int code, string names)
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync("P3245-LVE");
        using var client = h.Client(camera);
        var before = ServerHarness.StoredConfig(camera);

        var (actualCode, message) = await JsonCalls.ErrorAsync(client, Configure, $$"""{"apiVersion":"1.0","method":"setGeometry","params":{{parameters}}}""");

        actualCode.Should().Be(code);
        message.Should().Contain(names);
        ServerHarness.StoredConfig(camera).Should().Be(before);
    }

    [Fact]
    public async Task Other_methods_and_versions_get_the_documented_general_errors()
    {
        await using var h = new ServerHarness();
        var camera = await h.ReadyDeviceAsync("P3245-LVE");
        using var client = h.Client(camera);

        (await JsonCalls.ErrorAsync(client, Info, """{"apiVersion":"1.0","method":"setGeometry"}""")).Code.Should().Be(2102, "setGeometry belongs to configure.cgi");
        (await JsonCalls.ErrorAsync(client, Info, """{"apiVersion":"2.0","method":"list"}""")).Code.Should().Be(2100);
        (await JsonCalls.ErrorAsync(client, Info, "{not json")).Code.Should().Be(2101);
        (await JsonCalls.DataAsync(client, Configure, """{"method":"getSupportedVersions"}"""))["apiVersions"]!.AsArray().Select(v => v!.GetValue<string>()).Should().Equal("1.0");
    }

    [Fact]
    public void Geometries_are_kept_on_disk_and_erased_by_a_factory_default()
    {
        var config = DeviceConfig.Factory("B8A44F000001", "11.11.192") with { ViewAreas = [new ViewAreaGeometry(1000001, 1, 640, 2, 360)] };
        var directory = Directory.CreateTempSubdirectory("viewareas-");
        try
        {
            var store = new FileDeviceStateStore(directory.FullName);
            store.Save("cam", config);
            store.Load("cam")!.ViewAreas.Should().Equal(config.ViewAreas);
        }
        finally
        {
            directory.Delete(recursive: true);
        }

        config.AfterFactoryDefault(FactoryDefaultMode.Soft).ViewAreas.Should().BeEmpty();
    }
}
