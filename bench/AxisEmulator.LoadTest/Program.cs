using AxisEmulator.LoadTest;

// Load benchmarks of the real emulator process (bench/README.md). Everything targets 127.0.0.1.
if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine("""
        usage: AxisEmulator.LoadTest <command> [options]

          vapix-vs-bare    one device, Digest param.cgi vs a bare Kestrel stub of the same bytes
                           [--connections 32] [--duration 10] [--warmup 3] [--rounds 3] [--prime 10]
          https-vs-bare    one device over HTTPS (HTTP/2, Basic, certificate pinned) vs bare Kestrel with TLS, the same bytes
                           [--connections 32] [--duration 10] [--warmup 3] [--rounds 3] [--prime 10]
          throughput-100   100 devices, the same request spread over them, vs bare Kestrel and WireMock.Net
                           [--devices 100] [--connections 100] [--duration 10] [--warmup 3] [--rounds 3] [--prime 10]
          scale-1000       add 1,000 devices of mixed profiles through the control API, boot them in manual time
                           [--devices 1000] [--parallel 8]
          reboot-storm     1,000 ready devices (scaled clock), restart.cgi on all at once while systemready is polled
                           [--devices 1000] [--scale 20] [--pollers 64] [--timeout 180]
          timing-fidelity  1,000 devices booting in realtime; lateness of the clock's events (GET /api/v1/clock/lateness)
                           [--devices 1000] [--seconds 150]
          kill-9           cameras under param.cgi/pwdgrp.cgi/factorydefault.cgi writes, SIGKILLed and restarted on their state directory
                           [--kills 200] [--devices 3] [--seed 1] [--clock scaled:50] [--max-writes 30]
          soak             1,000 devices under a seeded chaos plan, pollers over VAPIX and the control API
                           [--devices 1000] [--seconds 600] [--pollers 50] [--scale 20] [--seed 1] [--rss-limit-mib 2048]
          lab-scale        cameras in the network lab (root), dnsmasq in the client namespace: time to a lease and port 80
                           for all, an mDNS browse finding all, RSS and kernel memory a camera [--devices 1000] [--scale 10] [--timeout 300]

        common: --emulator PATH/AxisEmulator.dll (default: emulator/AxisEmulator/bin/Release/net10.0 of this checkout)
                --quiet-log (start the emulator with Logging__LogLevel__Default=Warning)
                --emulator-log FILE (keep everything the emulator writes, for diagnosis)
                --gc-stats (HTTP benchmarks: the emulator's GCs, pauses and bytes per request each round)
        internal: serve-bare / serve-wiremock --stub-dir DIR (the comparison servers, started as child processes)
        """);
    return args.Length == 0 ? 2 : 0;
}

try
{
    var options = new CommandArgs(args.Skip(1));
    return args[0] switch
    {
        "vapix-vs-bare" => await HttpBenchmarks.VapixVsBareAsync(options),
        "https-vs-bare" => await HttpsBenchmarks.HttpsVsBareAsync(options),
        "throughput-100" => await HttpBenchmarks.Throughput100Async(options),
        "scale-1000" => await FleetBenchmarks.Scale1000Async(options),
        "reboot-storm" => await FleetBenchmarks.RebootStormAsync(options),
        "timing-fidelity" => await FleetBenchmarks.TimingFidelityAsync(options),
        "kill-9" => await Kill9Command.RunAsync(options),
        "soak" => await SoakCommand.RunAsync(options),
        "lab-scale" => await AxisEmulator.LoadTest.Lab.LabScaleCommand.RunAsync(options),
        "serve-bare" => await StubServers.ServeBareAsync(options),
        "serve-wiremock" => await StubServers.ServeWireMockAsync(options),
        _ => throw new FormatException($"unknown command '{args[0]}' (--help lists them)"),
    };
}
catch (FormatException ex)
{
    Console.Error.WriteLine("error: " + ex.Message);
    return 2;
}
