using System.Text.Json.Nodes;

namespace AxisEmulator.LoadTest;

/// <summary>Fleet set-up through the control API and VAPIX.</summary>
internal static class Fleet
{
    /// <summary>Manual time: runs the boots to the end, waits for every listener to be open, returns each device's endpoint (in order).</summary>
    public static async Task<List<Uri>> BootAndListAsync(EmulatorProcess emulator, int expected)
    {
        await emulator.AdvanceUntilIdleAsync();
        var devices = await WaitAllListeningAsync(emulator, expected, TimeSpan.FromSeconds(120));
        return [.. devices.Select(Vapix.EndpointOf)];
    }

    /// <summary>Polls the device list until <paramref name="expected"/> devices are ready with their listener open.</summary>
    public static async Task<List<JsonNode>> WaitAllListeningAsync(EmulatorProcess emulator, int expected, TimeSpan timeout)
    {
        using var bound = new CancellationTokenSource(timeout);
        while (true)
        {
            var devices = (await emulator.DevicesAsync()).Select(d => d!).ToList();
            var ready = devices.Count(d => d.Str("phase") == "ready" && d.Get("network.listenerOpen")?.GetValue<bool>() == true);
            if (devices.Count >= expected && ready == devices.Count)
            {
                return devices;
            }

            if (bound.IsCancellationRequested)
            {
                var phases = devices.GroupBy(d => d.Str("phase")).Select(g => $"{g.Key}={g.Count()}");
                throw new TimeoutException($"after {timeout.TotalSeconds:F0} s: {devices.Count} devices, {ready} ready and listening ({string.Join(", ", phases)})");
            }

            await Task.Delay(100);
        }
    }

    public static async Task CreateAdminsAsync(IReadOnlyList<Uri> devices, int parallel)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = 1 }) { Timeout = TimeSpan.FromSeconds(60) };
        await Vapix.ForEachAsync(devices, parallel, async (device, _) => await Vapix.CreateAdminAsync(client, device));
    }
}
