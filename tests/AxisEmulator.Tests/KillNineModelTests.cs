using AxisEmulator.LoadTest.Kill9;

namespace AxisEmulator.Tests;

/// <summary>The kill -9 run's judge: what an acknowledged write, an unanswered one and a factory default allow on disk.</summary>
public sealed class KillNineModelTests
{
    private const string Name = "param:Image.I0.Name";

    private static Dictionary<string, string?> Disk(params (string Key, string? Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    [Fact]
    public void An_acknowledged_write_missing_from_disk_is_lost()
    {
        var model = new CameraModel();
        model.Sent(Name, "a");
        model.Acknowledged(Name, "a");

        model.Lost(Disk()).Should().Equal(Name);
        model.Lost(Disk((Name, "a"))).Should().BeEmpty();
    }

    [Fact]
    public void A_later_acknowledged_write_supersedes_and_an_unanswered_one_may_or_may_not_be_there()
    {
        var model = new CameraModel();
        model.Sent(Name, "a");
        model.Acknowledged(Name, "a");
        model.Sent(Name, "b");
        model.Acknowledged(Name, "b");
        model.Sent(Name, "c");

        model.Lost(Disk((Name, "b"))).Should().BeEmpty();
        model.Lost(Disk((Name, "c"))).Should().BeEmpty();
        model.Lost(Disk((Name, "a"))).Should().Equal(new[] { Name }, "the older acknowledged value is superseded, not acceptable");
    }

    [Fact]
    public void An_acknowledged_factory_default_may_be_unapplied_until_a_later_write_is_acknowledged()
    {
        var model = new CameraModel();
        model.Acknowledged("user:root", CameraModel.Present);
        model.Acknowledged(Name, "a");
        model.FactoryDefaultSent();
        model.FactoryDefaultAcknowledged();

        model.Lost(Disk(("user:root", CameraModel.Present), (Name, "a"))).Should().BeEmpty("the device answers before it defaults");
        model.Lost(Disk()).Should().BeEmpty();
        model.Lost(Disk(("user:root", CameraModel.Present))).Should().HaveCount(1, "neither the state before the default nor the one after it");

        model.Sent("user:root", CameraModel.Present);
        model.Acknowledged("user:root", CameraModel.Present);
        model.Lost(Disk(("user:root", CameraModel.Present))).Should().BeEmpty();
        model.Lost(Disk(("user:root", CameraModel.Present), (Name, "a"))).Should().Equal(new[] { Name }, "the admin acknowledged after the default proves the default is stored");
    }

    [Fact]
    public void A_state_file_that_does_not_parse_is_corrupt()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "{\"users\": [");
            var read = () => CameraModel.ReadFile(path, ["Image.I0.Name"]);
            read.Should().Throw<System.Text.Json.JsonException>();

            File.WriteAllText(path, "{\"users\": [{\"name\": \"root\"}], \"parameters\": {\"Image.I0.Name\": \"x\"}, \"firmware\": {}}");
            read().Should().Equal(Disk(("user:root", CameraModel.Present), (Name, "x")));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
