using System.Text.Json;

namespace AxisEmulator.Vapix.Tests.EndToEnd;

public sealed class NodePeersTests
{
    [Fact]
    public async Task The_pinned_npm_clients_install_themselves_at_their_pinned_versions()
    {
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(NodePeers.Directory, "package.json")));
        var pinned = manifest.RootElement.GetProperty("dependencies").EnumerateObject().Select(p => $"{p.Name} {p.Value.GetString()}");

        var run = await NodePeers.RunScriptAsync("versions.js", [], TimeSpan.FromMinutes(5));

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().BeEquivalentTo(pinned);
    }
}
