using AxisEmulator.Lab;

namespace AxisEmulator.Tests.Lab;

/// <summary>The lab's safety promise: nothing in the host's namespace, everything it made gone after it, leftovers of a crash cleared.</summary>
public class LabSafetyTests
{
    [Fact]
    public async Task The_host_namespace_interfaces_addresses_and_routes_are_the_same_before_during_and_after_a_lab()
    {
        var before = await HostNetworkAsync();
        var names = LabHarness.UniqueNames();
        await using (var lab = LabHarness.Start(names))
        {
            lab.AddCamera();
            lab.AddCamera();
            await lab.AdvanceAsync(TimeSpan.FromMinutes(2));
            (await HostNetworkAsync()).Should().Be(before, "the lab adds nothing to the host's namespace");
        }

        (await HostNetworkAsync()).Should().Be(before);
        Directory.EnumerateFiles("/run/netns").Select(Path.GetFileName).Should().NotContain(n => n!.StartsWith(names.NamespacePrefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_start_clears_what_a_crashed_run_of_the_same_lab_left()
    {
        var names = LabHarness.UniqueNames();
        var leftover = names.Camera(7);
        (await LabHarness.RunAsync("ip", "netns", "add", leftover)).ExitCode.Should().Be(0);
        try
        {
            await using var lab = LabHarness.Start(names);

            File.Exists("/run/netns/" + leftover).Should().BeFalse();
            File.Exists("/run/netns/" + names.Client).Should().BeTrue();
        }
        finally
        {
            await LabHarness.RunAsync("ip", "netns", "delete", leftover);
        }
    }

    [Fact]
    public async Task Lab_down_removes_every_namespace_of_the_lab_and_no_other()
    {
        var names = LabHarness.UniqueNames();
        var other = LabHarness.UniqueNames();
        foreach (var ns in new[] { names.Switch, names.Camera(1), other.Switch })
        {
            (await LabHarness.RunAsync("ip", "netns", "add", ns)).ExitCode.Should().Be(0);
        }

        try
        {
            var down = await CliHarness.RunAsync("lab", "down", "--lab-name", names.Lab);

            down.ExitCode.Should().Be(0, down.ToString());
            down.Output.Should().Contain(names.Switch).And.Contain(names.Camera(1));
            File.Exists("/run/netns/" + names.Switch).Should().BeFalse();
            File.Exists("/run/netns/" + names.Camera(1)).Should().BeFalse();
            File.Exists("/run/netns/" + other.Switch).Should().BeTrue();
            (await CliHarness.RunAsync("lab", "down", "--lab-name", names.Lab)).Output.Should().Contain("nothing to remove");
        }
        finally
        {
            LabSegment.Remove(names);
            LabSegment.Remove(other);
        }
    }

    /// <summary>The host's links (name, flags, MAC), addresses and routes, v4 and v6, as ip lists them.</summary>
    private static async Task<string> HostNetworkAsync()
    {
        var parts = new List<string>();
        foreach (var args in new[] { new[] { "-o", "link", "show" }, ["-o", "address", "show"], ["-4", "route", "show", "table", "all"], ["-6", "route", "show", "table", "all"] })
        {
            var listed = await LabHarness.RunAsync("ip", args);
            listed.ExitCode.Should().Be(0, listed.ToString());
            parts.Add(listed.Output);
        }

        return string.Join("\n", parts);
    }
}
