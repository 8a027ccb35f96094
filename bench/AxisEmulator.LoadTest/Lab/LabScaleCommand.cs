using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace AxisEmulator.LoadTest.Lab;

/// <summary>
/// <c>lab-scale</c> (issue 14's benchmark): N cameras in the network lab, dnsmasq in the client
/// namespace as the segment's DHCP server; how long until every camera holds a lease and answers on
/// port 80 of it, until an mDNS browse finds them all, and what the lab costs in memory.
/// </summary>
internal static class LabScaleCommand
{
    private const string LabName = "bench";
    private const string Client = "axlab-" + LabName + "-client";

    public static async Task<int> RunAsync(CommandArgs args)
    {
        var common = CommonOptions.Read(args);
        var devices = args.Int("devices", 1000, 1, 1000);
        var scale = args.Double("scale", 10, 1, 1000);
        var timeout = TimeSpan.FromSeconds(args.Double("timeout", 300, 10, 3600));
        args.EnsureAllRead();
        Report.Header("lab-scale", Text($"{devices} cameras in the network lab (clock scaled:{scale}), dnsmasq leasing 192.168.1–7.x from the client namespace"));

        var before = KernelMemory.Read();
        var wall = Stopwatch.StartNew();
        await using var emulator = await EmulatorProcess.StartAsync(
            common.EmulatorDll,
            ["--network", "lab", "--lab-name", LabName, "--devices", devices.ToString(CultureInfo.InvariantCulture), "--clock", Text($"scaled:{scale}")],
            common.Environment,
            common.LogFile,
            startTimeout: timeout);
        var built = wall.Elapsed;
        Console.WriteLine(Text($"lab built, control API up: {built.TotalSeconds:F1} s"));

        var leases = Path.Combine(Path.GetTempPath(), "axis-lab-scale.leases");
        File.Delete(leases);
        // --quiet-dhcp and no pipe: dnsmasq logs every DISCOVER, and an unread pipe full of them
        // blocked it after 39 of 1,000 leases.
        using var dnsmasq = Start(redirect: false, "ip", "netns", "exec", Client, "dnsmasq", "--no-daemon", "--quiet-dhcp", "--conf-file=/dev/null", "--user=root", "--port=0", "--interface=eth0", "--bind-interfaces",
            "--dhcp-range=192.168.1.1,192.168.7.254,255.255.248.0,1h", "--dhcp-lease-max=4096", "--dhcp-leasefile=" + leases);
        try
        {
            var addresses = await LeasedAndListeningAsync(emulator, devices, wall, timeout);
            var addressed = wall.Elapsed;
            Console.WriteLine(Text($"all {addresses.Count} leased from dnsmasq and listening on port 80: {addressed.TotalSeconds:F1} s after start"));

            var answered = await InClientAsync(LabProbes.Systemready, ["60", .. addresses]);
            Console.WriteLine(Text($"systemready.cgi from the client namespace: {answered} ({wall.Elapsed.TotalSeconds:F1} s after start)"));
            var found = await InClientAsync(LabProbes.MdnsBrowse, devices.ToString(CultureInfo.InvariantCulture), "60");
            Console.WriteLine(Text($"mDNS browse of _axis-video._tcp from the client namespace: {found}"));

            var after = KernelMemory.Read();
            Console.WriteLine(Text($"emulator RSS {emulator.ResidentBytes() / 1048576.0:F0} MiB ({emulator.ResidentBytes() / 1024.0 / devices:F0} KiB a camera, with the process's own ~76 MiB)"));
            Console.WriteLine(after.Since(before, devices));
            Console.WriteLine("load average: " + ProcessInfo.LoadAverage());
            return 0;
        }
        finally
        {
            dnsmasq.Kill();
            // SIGTERM: the emulator removes its namespaces on an orderly stop.
            using var term = Start("kill", "-TERM", emulator.Pid.ToString(CultureInfo.InvariantCulture));
            await term.WaitForExitAsync();
            for (var i = 0; i < 120 && NetworkNamespaces().Any(n => n.StartsWith("axlab-" + LabName + "-", StringComparison.Ordinal)); i++)
            {
                await Task.Delay(500);
            }

            Console.WriteLine("namespaces left behind: " + NetworkNamespaces().Count(n => n.StartsWith("axlab-" + LabName + "-", StringComparison.Ordinal)));
        }
    }

    private static async Task<IReadOnlyList<string>> LeasedAndListeningAsync(EmulatorProcess emulator, int devices, Stopwatch wall, TimeSpan timeout)
    {
        var lastReport = TimeSpan.Zero;
        while (true)
        {
            var leased = (await emulator.DevicesAsync())
                .Where(d => d!.StrOrNull("network.ipAddress") is { } ip && ip.StartsWith("192.168.", StringComparison.Ordinal) && ip.Split('.')[2] is not "0"
                    && d!.Get("network.listenerOpen")?.GetValue<bool>() == true)
                .Select(d => d!.Str("network.ipAddress"))
                .ToList();
            if (leased.Count == devices)
            {
                return leased;
            }

            if (wall.Elapsed > timeout)
            {
                throw new TimeoutException(Text($"only {leased.Count} of {devices} cameras leased and listening after {timeout.TotalSeconds:F0} s"));
            }

            if (wall.Elapsed - lastReport > TimeSpan.FromSeconds(5))
            {
                lastReport = wall.Elapsed;
                Console.WriteLine(Text($"  {wall.Elapsed.TotalSeconds:F0} s: {leased.Count} leased and listening"));
            }

            await Task.Delay(250);
        }
    }

    private static async Task<string> InClientAsync(string script, params string[] args)
    {
        using var probe = Start("ip", ["netns", "exec", Client, "python3", "-c", script, .. args]);
        var output = await probe.StandardOutput.ReadToEndAsync();
        var errors = await probe.StandardError.ReadToEndAsync();
        await probe.WaitForExitAsync();
        return probe.ExitCode == 0 ? output.Trim() : throw new InvalidOperationException($"probe failed (exit {probe.ExitCode}): {errors}");
    }

    private static IReadOnlyList<string> NetworkNamespaces() =>
        Directory.Exists("/run/netns") ? [.. Directory.GetFiles("/run/netns").Select(Path.GetFileName).OfType<string>()] : [];

    private static Process Start(string program, params string[] args) => Start(redirect: true, program, args);

    private static Process Start(bool redirect, string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = redirect, RedirectStandardError = redirect, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start " + program);
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The kernel's own memory from /proc/meminfo (slab, stacks, page tables, per-CPU), in KiB.</summary>
internal sealed record KernelMemory(long Slab, long KernelStack, long PageTables, long Percpu)
{
    public long Total => Slab + KernelStack + PageTables + Percpu;

    public static KernelMemory Read()
    {
        var fields = File.ReadAllLines("/proc/meminfo")
            .Select(l => l.Split(':', 2))
            .ToDictionary(p => p[0], p => long.Parse(p[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture), StringComparer.Ordinal);
        return new(fields["Slab"], fields["KernelStack"], fields["PageTables"], fields.GetValueOrDefault("Percpu"));
    }

    public string Since(KernelMemory before, int devices) => string.Create(
        CultureInfo.InvariantCulture,
        $"kernel memory +{(Total - before.Total) / 1024.0:F0} MiB ({(Total - before.Total) / (double)devices:F0} KiB a camera: slab {Slab - before.Slab:+#;-#;0}, stacks {KernelStack - before.KernelStack:+#;-#;0}, page tables {PageTables - before.PageTables:+#;-#;0}, per-CPU {Percpu - before.Percpu:+#;-#;0} KiB; the whole machine's, so other work counts too)");
}
