using System.Diagnostics;
using System.Text.Json;

namespace AxisEmulator.LoadTest.Kill9;

/// <summary>
/// The real emulator on a persistent state directory (not --ephemeral), on ephemeral loopback
/// ports, killed with SIGKILL (<see cref="Process.Kill()"/> on Linux) rather than stopped.
/// </summary>
internal sealed class StatefulEmulator : IAsyncDisposable
{
    private const string ControlBanner = "Control API listening on ";
    private readonly Process _process;
    private readonly TaskCompletionSource<Uri> _banner = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Queue<string> _tail = new();

    private StatefulEmulator(Process process)
    {
        _process = process;
    }

    public Uri ControlUrl { get; private set; } = null!;

    /// <summary>The last lines the emulator wrote, for failure messages.</summary>
    public string Tail
    {
        get { lock (_tail) { return string.Join('\n', _tail); } }
    }

    /// <summary>Starts <c>dotnet DLL serve --devices N --state-dir DIR --clock CLOCK</c>; returns once the banner names the control URL.</summary>
    public static async Task<StatefulEmulator> StartAsync(string dll, string stateDirectory, int devices, string clock, TimeSpan deadline)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = stateDirectory,
        };
        foreach (var arg in new[] { dll, "serve", "--devices", devices.ToString(System.Globalization.CultureInfo.InvariantCulture), "--clock", clock, "--state-dir", stateDirectory, "--control-url", "http://127.0.0.1:0", "--device-base-port", "0" })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the emulator");
        var emulator = new StatefulEmulator(process);
        process.OutputDataReceived += (_, e) => emulator.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => emulator.OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var first = await Task.WhenAny(emulator._banner.Task, process.WaitForExitAsync(), Task.Delay(deadline));
        if (first != emulator._banner.Task)
        {
            var why = process.HasExited ? $"it exited with {process.ExitCode}" : "no banner in time";
            await emulator.DisposeAsync();
            throw new StartupFailedException($"the emulator did not print its control URL ({why}):\n{emulator.Tail}");
        }

        emulator.ControlUrl = await emulator._banner.Task;
        return emulator;
    }

    /// <summary>Waits until every device is ready with a VAPIX endpoint; returns id → endpoint.</summary>
    public async Task<IReadOnlyDictionary<string, Uri>> WaitReadyAsync(HttpClient http, int devices, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var ready = await ReadyEndpointsAsync(http);
            if (ready.Count == devices)
            {
                return ready;
            }

            if (clock.Elapsed > deadline || _process.HasExited)
            {
                throw new StartupFailedException($"{ready.Count} of {devices} devices ready after {clock.Elapsed.TotalSeconds:F1} s{(_process.HasExited ? " (the emulator exited)" : "")}:\n{Tail}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20)); // poll interval of a condition with a deadline, not pacing
        }
    }

    /// <summary>The ready devices now (id → VAPIX endpoint).</summary>
    public async Task<Dictionary<string, Uri>> ReadyEndpointsAsync(HttpClient http)
    {
        var ready = new Dictionary<string, Uri>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri(ControlUrl, "/api/v1/devices")));
            foreach (var device in document.RootElement.EnumerateArray())
            {
                if (device.GetProperty("phase").GetString() is "ready"
                    && device.TryGetProperty("network", out var network)
                    && network.TryGetProperty("endpoint", out var endpoint)
                    && endpoint.ValueKind == JsonValueKind.String)
                {
                    ready[device.GetProperty("id").GetString()!] = new Uri(endpoint.GetString()!);
                }
            }
        }
        catch (HttpRequestException)
        {
        }

        return ready;
    }

    /// <summary>SIGKILL, then waits for the exit.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await _process.WaitForExitAsync(wait.Token);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
        {
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_tail)
        {
            _tail.Enqueue(line);
            if (_tail.Count > 40)
            {
                _tail.Dequeue();
            }
        }

        if (line.StartsWith(ControlBanner, StringComparison.Ordinal))
        {
            var url = line[ControlBanner.Length..];
            var end = url.IndexOf(' ', StringComparison.Ordinal);
            _banner.TrySetResult(new Uri(end < 0 ? url : url[..end]));
        }
    }
}

/// <summary>The emulator did not come up on its state directory.</summary>
internal sealed class StartupFailedException(string message) : Exception(message);
