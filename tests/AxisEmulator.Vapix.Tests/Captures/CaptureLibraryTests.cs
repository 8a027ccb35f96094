namespace AxisEmulator.Vapix.Tests.Captures;

public class CaptureLibraryTests
{
    private static readonly CaptureLibrary Library = CaptureLibrary.Default;

    [Fact]
    public void Every_cassette_folder_is_read_and_mapped_to_its_devices()
    {
        var caseFolders = Directory.GetDirectories(Library.Root).SelectMany(Directory.GetDirectories).Count();

        Library.All.Should().HaveCount(caseFolders);
        Library.All.Should().OnlyContain(c => c.Devices.Count > 0 && c.Exchanges.Count > 0);
    }

    [Fact]
    public void A_get_request_has_its_query_and_no_body()
    {
        var exchange = Library["parameter_management_list_error/6db8761f2ca09be4"].Exchanges.Single();

        exchange.Request.Method.Should().Be("GET");
        exchange.Request.Path.Should().Be("axis-cgi/param.cgi");
        exchange.Request.Query.Should().Be("action=list&group=Properties.Image.Resolution");
        exchange.Request.Body.Should().BeEmpty();
        exchange.Response.Status.Should().Be(200);
        exchange.Response.Reason.Should().Be("OK");
        exchange.Response.Body.Should().Be("# Error: Error -1 getting param in group 'Properties.Image.Resolution'\n");
    }

    [Fact]
    public void A_post_request_has_its_headers_and_body()
    {
        var cassette = Library["system_ready_1_system_ready/83e4ab44257704cc"];
        var exchange = cassette.Exchanges.Single();

        exchange.Request.Method.Should().Be("POST");
        exchange.Request.ContentType.Should().Be("application/json");
        exchange.Request.Body.Should().Contain("\"method\": \"systemready\"");
        cassette.Devices.Should().Contain(new CapturedDevice("P3245-LVE", "10.12.323"));
    }

    [Fact]
    public void Exchanges_keep_their_recorded_order_and_exact_body_bytes()
    {
        var cassette = Library["pwdgrp_add_user_already_exists/315422f0ddf00834"];

        cassette.Exchanges.Select(e => e.Index).Should().Equal(0, 1, 2);
        cassette.Exchanges[0].Response.Body.Should().EndWith("</body>\r\n\r\n</html>\r\n");
        cassette.Exchanges[1].Request.Query.Should().Contain("pwd=Good morning");
    }
}
