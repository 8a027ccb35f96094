using System.Diagnostics;
using System.Text;

namespace AxisEmulator.TestSupport;

/// <summary>The result of a real client run as a child process.</summary>
public sealed record PeerResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}";
}

/// <summary>
/// The npm clients in <c>tests/peers</c> (package.json + package-lock.json, pinned): installed by
/// <c>npm ci</c> on first use — once per machine, under <c>flock</c>, because several test
/// assemblies run at once — and run as <c>node</c> scripts. A missing node or npm fails with the
/// Debian package to install; never skipped.
/// </summary>
public static class NodePeers
{
    public const string Node = "/usr/bin/node";

    /// <summary><c>tests/peers</c>: where the scripts live and <c>node_modules</c> is installed.</summary>
    public static string Directory => Path.Combine(RepositoryPaths.Root, "tests", "peers");

    private static readonly Lazy<Task<string?>> Installed = new(InstallAsync);

    /// <summary>Runs <c>node tests/peers/<paramref name="script"/> args…</c> once the packages are installed.</summary>
    public static async Task<PeerResult> RunScriptAsync(string script, IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        if (await Installed.Value is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        return await PeerProcess.RunAsync(Node, [Path.Combine(Directory, script), .. arguments], timeout, Directory);
    }

    private static async Task<string?> InstallAsync()
    {
        if (!File.Exists(Node) || !File.Exists("/usr/bin/npm"))
        {
            return "node/npm not found: install the Debian packages nodejs and npm (apt-get install -y nodejs npm)";
        }

        var lockFile = Path.Combine(Directory, ".npm-ci.lock");
        var marker = Path.Combine(Directory, "node_modules", ".package-lock.json");
        var script = $"[ -f '{marker}' ] && [ '{marker}' -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error";
        var result = await PeerProcess.RunAsync("/usr/bin/flock", [lockFile, "/bin/sh", "-c", script], TimeSpan.FromMinutes(5), Directory);
        return result.ExitCode == 0 ? null : $"npm ci in {Directory} failed\n{result}";
    }
}

/// <summary>Runs a real client as a child process, loopback only, with a deadline.</summary>
public static class PeerProcess
{
    public static async Task<PeerResult> RunAsync(string file, IEnumerable<string> arguments, TimeSpan? timeout = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory ?? RepositoryPaths.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Loopback only, whatever proxy the CI environment sets.
        start.Environment["NO_PROXY"] = "*";
        start.Environment["no_proxy"] = "*";
        foreach (var proxy in new[] { "http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY" })
        {
            start.Environment.Remove(proxy);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish");
        }

        return new PeerResult(process.ExitCode, await stdout, await stderr);
    }
}
