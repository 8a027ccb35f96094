using System.Text.RegularExpressions;
using AxisEmulator.Vapix.Text;

namespace AxisEmulator.Vapix.Tests.Text;

public class MaintenancePagesTests
{
    private static string Head(VapixResponse response) => Regex.Match(response.Body, "<head>(.*)</head>", RegexOptions.Singleline).Groups[1].Value;

    [Fact]
    public void Restart_refreshes_to_the_restart_message_page()
    {
        var page = MaintenancePages.Restart("192.168.0.90");

        page.StatusCode.Should().Be(200);
        page.ContentType.Should().Be("text/html");
        Head(page).Should().Contain("<meta http-equiv=\"refresh\" content=\"0;URL=/admin/restartMessage.shtml?server=192.168.0.90\">");
    }

    [Fact]
    public void Soft_and_hard_factory_defaults_point_at_their_own_pages()
    {
        // FF axis-maintenance tells them apart by factoryMessage vs factoryMessage2 in the head.
        Head(MaintenancePages.FactoryDefault()).Should().Contain("URL=/admin/factoryMessage.shtml\"");
        Head(MaintenancePages.HardFactoryDefault()).Should().Contain("URL=/admin/factoryMessage2.shtml\"");
    }

    [Fact]
    public void Errors_have_an_empty_head_and_the_text_in_the_body()
    {
        var page = MaintenancePages.Error("Some error");

        Head(page).Should().BeEmpty();
        page.Body.Should().Contain("<body>Error: Some error</body>");
    }
}
