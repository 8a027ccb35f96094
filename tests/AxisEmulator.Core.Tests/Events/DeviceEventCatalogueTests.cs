using AxisEmulator.Core.Events;
using AxisEmulator.Core.Tests.Support;

namespace AxisEmulator.Core.Tests.Events;

/// <summary>
/// Every device event has its wire shape in the catalogue, its data fields documented, and
/// docs/events.md is what the catalogue says; run with UPDATE_DOCS=1 to rewrite it.
/// </summary>
public class DeviceEventCatalogueTests
{
    private static readonly string Document = Path.Combine(RepositoryPaths.Root, "docs", "events.md");

    public static TheoryData<string> Records => [.. typeof(DeviceEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(DeviceEvent)) && !t.IsAbstract).Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Records))]
    public void Every_record_has_one_entry_in_the_catalogue(string record)
    {
        DeviceEventCatalogue.All.Should().ContainSingle(s => s.Type.Name == record);
    }

    [Fact]
    public void A_wire_name_means_one_record_per_kind_except_where_the_document_says_when()
    {
        var shared = DeviceEventCatalogue.All.GroupBy(s => (s.Kind, s.Name)).Where(g => g.Count() > 1).Select(g => g.Key.Name);
        shared.Should().Equal(["no-power"], "only no-power has two records: at plug-in without figures, on a phase's load with them");
    }

    [Fact]
    public void Every_example_writes_a_message_and_only_documented_data_fields_in_their_order()
    {
        foreach (var spec in DeviceEventCatalogue.All)
        {
            spec.Example.Should().BeOfType(spec.Type);
            spec.MessageOf(spec.Example).Should().NotBeNullOrWhiteSpace(spec.Name);
            spec.When.Should().EndWith(".", spec.Name);
            var keys = spec.DataOf(spec.Example)?.Keys.ToList() ?? [];
            keys.Should().BeSubsetOf(spec.Fields.Select(f => f.Name), spec.Name);
            spec.Fields.Select(f => f.Name).Where(keys.Contains).Should().Equal(keys, $"{spec.Name} documents its fields in wire order");
        }
    }

    [Fact]
    public void An_entry_reads_kind_name_message_and_data_from_its_record()
    {
        var entry = new TimelineEntry(7, DateTimeOffset.UnixEpoch, "cam-1", new IpConflict("192.168.0.90", 7, ["B8A44F000001", "B8A44F000002"]));

        entry.Kind.Should().Be(TimelineKind.Network);
        entry.Name.Should().Be("ip-conflict");
        entry.Message.Should().Be("192.168.0.90 is also used by B8A44F000001, B8A44F000002 and 5 more");
        entry.Data.Should().BeEquivalentTo(new Dictionary<string, object?> { ["ipAddress"] = "192.168.0.90", ["conflictCount"] = 7, ["conflicts"] = new[] { "B8A44F000001", "B8A44F000002" } });
    }

    [Fact]
    public void Checked_in_document_matches_the_catalogue()
    {
        var generated = DeviceEventCatalogue.ToMarkdown().ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1")
        {
            File.WriteAllText(Document, generated);
        }

        File.Exists(Document).Should().BeTrue($"{Document} is checked in (run the tests with UPDATE_DOCS=1 to create it)");
        File.ReadAllText(Document).ReplaceLineEndings("\n").Should().Be(generated, "the device event catalogue changed but docs/events.md did not: run UPDATE_DOCS=1 dotnet test tests/AxisEmulator.Core.Tests --filter DeviceEventCatalogueTests and commit docs/events.md");
    }
}
