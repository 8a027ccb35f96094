using System.Diagnostics;
using System.Text.Json;
using AxisEmulator.Testing;

namespace AxisEmulator.Client.Tests;

/// <summary>
/// What can be checked of the image without a Docker engine (there is none here): it runs as a
/// non-root user, and its HEALTHCHECK command, run as the container would run it, reports the real
/// emulator's /healthz (healthy while it answers, unhealthy when nothing listens).
/// </summary>
public class ContainerConventionsTests
{
    private static readonly string[] DockerfileLines = File.ReadAllLines(FindDockerfile());

    [Fact]
    public void The_image_runs_as_the_non_root_app_user()
    {
        DockerfileLines.Where(l => l.StartsWith("USER ", StringComparison.Ordinal)).Should().Equal("USER app");
    }

    [Fact]
    public async Task The_health_check_is_healthy_while_the_emulator_answers_and_unhealthy_without_it()
    {
        await using var emulator = await ProcessEmulatorFixture.StartAsync(new ProcessEmulatorOptions { Devices = 0 });

        (await RunHealthCheckAsync(emulator.ControlUrl!.Port)).Should().Be(0, "/healthz answers 200");
        (await RunHealthCheckAsync(ProcessEmulatorFixture.FreeLoopbackPort())).Should().NotBe(0, "nothing listens there");
    }

    private static async Task<int> RunHealthCheckAsync(int port)
    {
        var exec = HealthCheckCommand();
        var start = new ProcessStartInfo(exec[0]) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in exec.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["HEALTH_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    /// <summary>The exec-form CMD of the HEALTHCHECK instruction (its line continues on the next).</summary>
    private static string[] HealthCheckCommand()
    {
        var at = Array.FindIndex(DockerfileLines, l => l.StartsWith("HEALTHCHECK ", StringComparison.Ordinal));
        at.Should().BeGreaterThan(0, "the Dockerfile declares a HEALTHCHECK");
        var cmd = DockerfileLines[at + 1].Trim();
        cmd.Should().StartWith("CMD [");
        return JsonSerializer.Deserialize<string[]>(cmd["CMD ".Length..])!;
    }

    private static string FindDockerfile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "Dockerfile");
            if (File.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "AxisEmulator.sln")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("Dockerfile not found above " + AppContext.BaseDirectory);
    }
}
