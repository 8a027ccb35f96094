using AxisEmulator.Core.Tests.Support;

namespace AxisEmulator.Core.Tests.Devices;

/// <summary>
/// The state machines are exported to Mermaid under docs/state-machines/. This fails when the code
/// and the checked-in diagrams drift; run with UPDATE_DIAGRAMS=1 to rewrite them.
/// </summary>
public class StateDiagramTests
{
    [Fact]
    public void Checked_in_Mermaid_diagrams_match_the_state_machines()
    {
        using var h = new DeviceHarness();
        var diagrams = h.Camera.ExportStateDiagrams();
        diagrams.Keys.Should().BeEquivalentTo("boot-loader-and-firmware", "firmware-banks");
        var dir = Path.Combine(RepositoryPaths.Root, "docs", "state-machines");
        var update = Environment.GetEnvironmentVariable("UPDATE_DIAGRAMS") == "1";
        foreach (var (name, mermaid) in diagrams)
        {
            mermaid.Should().StartWith("stateDiagram-v2");
            var path = Path.Combine(dir, name + ".mmd");
            if (update)
            {
                Directory.CreateDirectory(dir);
                File.WriteAllText(path, mermaid.ReplaceLineEndings("\n"));
            }

            File.Exists(path).Should().BeTrue($"{path} is checked in (run the tests with UPDATE_DIAGRAMS=1 to create it)");
            File.ReadAllText(path).ReplaceLineEndings("\n").Should().Be(mermaid.ReplaceLineEndings("\n"), $"{name} drifted from the code: run the tests with UPDATE_DIAGRAMS=1 and commit docs/state-machines/");
        }
    }

    [Fact]
    public void Boot_diagram_shows_the_reset_path()
    {
        using var h = new DeviceHarness();
        var boot = h.Camera.ExportStateDiagrams()["boot-loader-and-firmware"];
        boot.Should().Contain("ResetHold").And.Contain("ResetArmed").And.Contain("FactoryResetting").And.Contain("Brownout");
    }
}
