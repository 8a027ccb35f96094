using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AxisEmulator.Testing;

/// <summary>How a <see cref="ProcessEmulatorFixture"/> starts the emulator.</summary>
public sealed record ProcessEmulatorOptions
{
    /// <summary>
    /// The emulator's <c>AxisEmulator.dll</c> (run with <c>dotnet</c>). Default: the
    /// <c>AXIS_EMULATOR_DLL</c> environment variable, then next to the test assembly, then the host
    /// project's build output in the repository above it (same configuration first).
    /// </summary>
    public string? AssemblyPath { get; init; }

    /// <summary>
    /// The emulator as a command instead of an assembly: the .NET tool's <c>axis-emulator</c> (on
    /// <c>PATH</c>, or a full path such as <c>tools/axis-emulator</c> after
    /// <c>dotnet tool install --tool-path tools AxisEmulator.Tool</c>), run with the fixture's
    /// arguments. Default: the <c>AXIS_EMULATOR_COMMAND</c> environment variable; when neither is
    /// set, <see cref="AssemblyPath"/> is run with <c>dotnet</c>.
    /// </summary>
    public string? Executable { get; init; }

    /// <summary><c>--clock</c>: <c>manual</c> (default), <c>realtime</c> or <c>scaled:N</c>.</summary>
    public string Clock { get; init; } = "manual";

    /// <summary><c>--seed</c>.</summary>
    public int Seed { get; init; }

    /// <summary><c>--devices</c>: cameras started with the emulator (its default, one, when null; 0 for none).</summary>
    public int? Devices { get; init; }

    /// <summary><c>--profile</c> of those cameras (the emulator's default when null).</summary>
    public string? Profile { get; init; }

    /// <summary>Control API port on 127.0.0.1; a free one when null.</summary>
    public int? ControlPort { get; init; }

    /// <summary><c>--device-base-port</c>: 0 (default) lets each device listener pick a free port.</summary>
    public int DeviceBasePort { get; init; }

    /// <summary><c>--token</c>: the bearer token the control API requires (the client sends it).</summary>
    public string? BearerToken { get; init; }

    /// <summary>More arguments after the ones the fixture passes.</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    /// <summary>How many times <c>/healthz</c> is tried before the start counts as failed.</summary>
    public int StartupAttempts { get; init; } = 300;

    /// <summary>Pause between two tries (wall time): 300 tries 100 ms apart give the process about 30 s.</summary>
    public TimeSpan StartupInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long one <c>/healthz</c> try may take.</summary>
    public TimeSpan HealthTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long to wait for the process to exit after it is killed.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The wall clock of the fixture's tries and timeouts and of its client (<see cref="AxisEmulatorClient.WallClock"/>); null: the system's.</summary>
    public TimeProvider? WallClock { get; init; }
}

/// <summary>
/// The real emulator executable as a child process:
/// <c>dotnet AxisEmulator.dll serve --clock manual --ephemeral --control-url http://127.0.0.1:PORT</c>,
/// started when the fixture initializes (ready once <c>/healthz</c> answers) and killed when it is
/// disposed. Its console output is kept in <see cref="Output"/> for failure messages.
/// </summary>
public class ProcessEmulatorFixture : EmulatorFixture<ProcessEmulatorOptions>
{
    /// <summary>Environment variable naming the emulator's <c>AxisEmulator.dll</c>.</summary>
    public const string AssemblyPathVariable = "AXIS_EMULATOR_DLL";

    /// <summary>Environment variable naming the emulator's command, e.g. <c>axis-emulator</c> (the .NET tool).</summary>
    public const string ExecutableVariable = "AXIS_EMULATOR_COMMAND";

    private const string AssemblyFileName = "AxisEmulator.dll";
    private const int MaxOutputLines = 2000;

    private readonly Queue<string> _output = new();
    private readonly object _outputLock = new();
    private Process? _process;
    private TimeProvider? _wall; // the client's, set before the process starts

    public ProcessEmulatorFixture()
        : this(new ProcessEmulatorOptions())
    {
    }

    /// <inheritdoc cref="EmulatorFixture{TOptions}(TOptions)"/>
    protected ProcessEmulatorFixture(ProcessEmulatorOptions options)
        : base(options)
    {
    }

    /// <summary>The control API's URL, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri? ControlUrl { get; private set; }

    /// <summary>The emulator process (null before start and after stop).</summary>
    public Process? Process => _process;

    /// <summary>The last lines the process wrote (stdout and stderr, at most 2000).</summary>
    public string Output
    {
        get
        {
            lock (_outputLock)
            {
                return string.Join(Environment.NewLine, _output);
            }
        }
    }

    /// <summary>Starts a fixture outside xunit's lifecycle (dispose it with <c>await using</c>).</summary>
    public static Task<ProcessEmulatorFixture> StartAsync(ProcessEmulatorOptions? options = null) =>
        StartOutsideXunitAsync(new ProcessEmulatorFixture(options ?? new ProcessEmulatorOptions()));

    /// <summary>
    /// Where <c>AxisEmulator.dll</c> is: <paramref name="explicitPath"/>, the <c>AXIS_EMULATOR_DLL</c>
    /// variable, next to <paramref name="startDirectory"/> (default: the test assembly's directory), or
    /// <c>emulator/AxisEmulator/bin/&lt;configuration&gt;/net*/</c> in a repository above it; null when none.
    /// </summary>
    public static string? LocateAssembly(string? explicitPath = null, string? startDirectory = null)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return File.Exists(explicitPath) ? Path.GetFullPath(explicitPath) : null;
        }

        if (Environment.GetEnvironmentVariable(AssemblyPathVariable) is { Length: > 0 } fromEnvironment && File.Exists(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        var start = new DirectoryInfo(startDirectory ?? AppContext.BaseDirectory);
        var beside = Path.Combine(start.FullName, AssemblyFileName);
        if (File.Exists(beside) && File.Exists(Path.ChangeExtension(beside, ".runtimeconfig.json")))
        {
            return beside;
        }

        // A test assembly in …/bin/<configuration>/<tfm>/ prefers the host built the same way.
        var configuration = start.Parent?.Name;
        for (var dir = start; dir is not null; dir = dir.Parent)
        {
            var bin = new DirectoryInfo(Path.Combine(dir.FullName, "emulator", "AxisEmulator", "bin"));
            if (!bin.Exists)
            {
                continue;
            }

            var candidates = bin.EnumerateFiles(AssemblyFileName, SearchOption.AllDirectories)
                .Where(f => File.Exists(Path.ChangeExtension(f.FullName, ".runtimeconfig.json")))
                .OrderByDescending(f => string.Equals(f.Directory?.Parent?.Name, configuration, StringComparison.OrdinalIgnoreCase))
                .ThenByDescending(f => f.LastWriteTimeUtc)
                .ToList();
            if (candidates.Count > 0)
            {
                return candidates[0].FullName;
            }
        }

        return null;
    }

    /// <summary>A TCP port on 127.0.0.1 that was free a moment ago.</summary>
    public static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    /// <summary>The arguments after the assembly path.</summary>
    public IReadOnlyList<string> Arguments(Uri controlUrl)
    {
        ArgumentNullException.ThrowIfNull(controlUrl);
        var args = new List<string>
        {
            "serve",
            "--clock", Options.Clock,
            "--ephemeral",
            "--control-url", controlUrl.GetLeftPart(UriPartial.Authority),
            "--seed", Options.Seed.ToString(CultureInfo.InvariantCulture),
            "--device-base-port", Options.DeviceBasePort.ToString(CultureInfo.InvariantCulture),
        };
        if (Options.Devices is { } devices)
        {
            args.AddRange(["--devices", devices.ToString(CultureInfo.InvariantCulture)]);
        }

        if (Options.Profile is { } profile)
        {
            args.AddRange(["--profile", profile]);
        }

        if (Options.BearerToken is { } token)
        {
            args.AddRange(["--token", token]);
        }

        args.AddRange(Options.ExtraArguments);
        return args;
    }

    /// <summary>
    /// The command the fixture runs: <see cref="ProcessEmulatorOptions.Executable"/> or
    /// <c>AXIS_EMULATOR_COMMAND</c> (the tool, with no leading arguments), else <c>dotnet</c> with the
    /// located <c>AxisEmulator.dll</c> as its first argument.
    /// </summary>
    public (string FileName, IReadOnlyList<string> LeadingArguments) ResolveCommand()
    {
        var executable = Options.Executable is { Length: > 0 } given
            ? given
            : Environment.GetEnvironmentVariable(ExecutableVariable);
        if (!string.IsNullOrWhiteSpace(executable))
        {
            return (executable, []);
        }

        var assembly = LocateAssembly(Options.AssemblyPath)
            ?? throw new FileNotFoundException(
                $"{AssemblyFileName} not found: build emulator/AxisEmulator (a test project can reference it with ReferenceOutputAssembly=\"false\"), set {AssemblyPathVariable}, pass ProcessEmulatorOptions.AssemblyPath, or run the .NET tool (ProcessEmulatorOptions.Executable = \"axis-emulator\", or {ExecutableVariable}).",
                Options.AssemblyPath ?? AssemblyFileName);
        return ("dotnet", [assembly]);
    }

    protected override async Task<AxisEmulatorClient> StartAsync()
    {
        var command = ResolveCommand();
        var port = Options.ControlPort ?? FreeLoopbackPort();
        var url = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
        ControlUrl = url;
        var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
        var client = new AxisEmulatorClient(http, Options.BearerToken, disposeHttpClient: true, wallClock: Options.WallClock);
        _wall = client.WallClock;
        try
        {
            await StartProcessAsync(command, url, client);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private async Task StartProcessAsync((string FileName, IReadOnlyList<string> LeadingArguments) command, Uri url, AxisEmulatorClient client)
    {
        // The assembly's folder for dotnet AxisEmulator.dll; the tool finds its files itself.
        var workingDirectory = command.LeadingArguments.Count > 0
            ? Path.GetDirectoryName(command.LeadingArguments[0])!
            : Directory.GetCurrentDirectory();
        var start = new ProcessStartInfo(command.FileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = workingDirectory,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var leading in command.LeadingArguments)
        {
            start.ArgumentList.Add(leading);
        }

        foreach (var argument in Arguments(url))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        try
        {
            if (!process.Start())
            {
                throw new InvalidOperationException($"Could not start {command.FileName}.");
            }
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            process.Dispose();
            throw new InvalidOperationException($"Could not start the emulator command '{command.FileName}': {ex.Message} (is the tool installed? dotnet tool install AxisEmulator.Tool).", ex);
        }
        catch
        {
            process.Dispose();
            throw;
        }

        _process = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilHealthyAsync(client, process);
    }

    protected override async Task StopAsync()
    {
        var process = _process;
        _process = null;
        if (process is null)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            using var timeout = new CancellationTokenSource(Options.ShutdownTimeout, _wall!);
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException or System.ComponentModel.Win32Exception)
        {
            // Already gone, or it would not die in time: nothing more a test can do about it.
        }
        finally
        {
            process.Dispose();
        }
    }

    private async Task WaitUntilHealthyAsync(AxisEmulatorClient client, Process process)
    {
        string? lastError = null;
        for (var attempt = 1; attempt <= Options.StartupAttempts; attempt++)
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync();
                throw new InvalidOperationException(
                    $"The emulator exited with code {process.ExitCode} before its control API answered.{Environment.NewLine}Command: {process.StartInfo.FileName} {string.Join(' ', process.StartInfo.ArgumentList)}{Environment.NewLine}Output:{Environment.NewLine}{Output}");
            }

            using var timeout = new CancellationTokenSource(Options.HealthTimeout, client.WallClock);
            try
            {
                var health = await client.GetHealthAsync(timeout.Token);
                if (health.IsHealthy)
                {
                    return;
                }

                lastError = $"/healthz said '{health.Status}'";
            }
            catch (Exception ex) when (ex is HttpRequestException or AxisEmulatorApiException or OperationCanceledException)
            {
                lastError = ex is OperationCanceledException ? "no answer in time" : ex.Message;
            }

            await Task.Delay(Options.StartupInterval, client.WallClock);
        }

        throw new TimeoutException(
            $"The emulator's control API at {ControlUrl} did not answer /healthz after {Options.StartupAttempts} tries {Options.StartupInterval.TotalMilliseconds:0} ms apart (last: {lastError}).{Environment.NewLine}Output:{Environment.NewLine}{Output}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_outputLock)
        {
            _output.Enqueue(line);
            while (_output.Count > MaxOutputLines)
            {
                _output.Dequeue();
            }
        }
    }
}
