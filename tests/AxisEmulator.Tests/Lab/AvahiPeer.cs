using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace AxisEmulator.Tests.Lab;

/// <summary>
/// A real avahi-daemon (Debian avahi-daemon) in a lab namespace, on a private system bus of its own:
/// a dbus-daemon listening under a temp dir, the avahi tools pointed at it by
/// <c>DBUS_SYSTEM_BUS_ADDRESS</c>, so nothing touches the host's bus. Its runtime dir (pid file)
/// is a tmpfs in the namespace's own mount namespace, so parallel tests each run one. It publishes
/// no records of its own host. Disposing kills both daemons and removes the temp dir.
/// </summary>
public sealed class AvahiPeer : IAsyncDisposable
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(20);
    private readonly string _namespace;
    private readonly string _directory;
    private readonly List<Process> _processes = [];

    private AvahiPeer(string networkNamespace, string directory)
    {
        _namespace = networkNamespace;
        _directory = directory;
    }

    private string BusAddress => "unix:path=" + Path.Combine(_directory, "bus");

    /// <summary>Starts dbus-daemon and avahi-daemon (on eth0 of <paramref name="networkNamespace"/>) and waits until avahi is up.</summary>
    public static async Task<AvahiPeer> StartAsync(string networkNamespace)
    {
        var peer = new AvahiPeer(networkNamespace, Directory.CreateTempSubdirectory("axlab-avahi-").FullName);
        try
        {
            await peer.StartDaemonsAsync();
            return peer;
        }
        catch
        {
            await peer.DisposeAsync();
            throw;
        }
    }

    /// <summary>A command in the namespace, on this peer's bus, run to its end.</summary>
    public Task<PeerResult> RunAsync(params string[] command) =>
        LabHarness.InNamespaceAsync(_namespace, ["env", "DBUS_SYSTEM_BUS_ADDRESS=" + BusAddress, .. command]);

    /// <summary>A long-running command in the namespace on this peer's bus (avahi-publish), killed with the peer; completes with the first line it printed containing <paramref name="ready"/>.</summary>
    public Task<string> StartAsync(string ready, params string[] command) =>
        WaitForLineAsync(Start("ip", ["netns", "exec", _namespace, "env", "DBUS_SYSTEM_BUS_ADDRESS=" + BusAddress, .. command]), ready);

    /// <summary>
    /// <c>avahi-browse -rtp TYPE</c>: every instance it resolved, once each (a browse can resolve one
    /// on several interfaces). With <paramref name="until"/>, browses again (three times at most)
    /// while the list does not satisfy it: on a loaded machine an answer can miss the browse's window.
    /// </summary>
    public async Task<IReadOnlyList<AvahiService>> BrowseAsync(string type, Func<IReadOnlyList<AvahiService>, bool>? until = null)
    {
        IReadOnlyList<AvahiService> found = [];
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var result = await RunAsync("avahi-browse", "-rtp", type);
            result.ExitCode.Should().Be(0, result.ToString());
            found = [.. result.Output.Split('\n').Where(l => l.StartsWith('=')).Select(AvahiService.Parse).Distinct()];
            if (until is null || until(found))
            {
                break;
            }
        }

        return found;
    }

    public async ValueTask DisposeAsync()
    {
        // avahi first, so it leaves its bus before the bus goes.
        foreach (var process in Enumerable.Reverse(_processes))
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }

            process.Dispose();
        }

        Directory.Delete(_directory, recursive: true);
    }

    private async Task StartDaemonsAsync()
    {
        var busConfig = Path.Combine(_directory, "bus.conf");
        await File.WriteAllTextAsync(busConfig, $"""
            <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
            <busconfig>
              <type>system</type>
              <listen>{BusAddress}</listen>
              <auth>EXTERNAL</auth>
              <policy context="default">
                <allow user="*"/>
                <allow own="*"/>
                <allow send_type="method_call"/>
                <allow send_type="signal"/>
                <allow send_type="method_return"/>
                <allow send_type="error"/>
                <allow receive_type="method_call"/>
                <allow receive_type="signal"/>
                <allow receive_type="method_return"/>
                <allow receive_type="error"/>
              </policy>
            </busconfig>
            """);
        var avahiConfig = Path.Combine(_directory, "avahi-daemon.conf");
        // Only eth0 and IPv4, as the lab's segment is; nothing published about the peer's own host.
        await File.WriteAllTextAsync(avahiConfig, """
            [server]
            host-name=avahi-peer
            use-ipv4=yes
            use-ipv6=no
            allow-interfaces=eth0
            enable-dbus=yes
            [wide-area]
            enable-wide-area=no
            [publish]
            publish-addresses=no
            publish-hinfo=no
            publish-workstation=no
            publish-domain=no
            publish-aaaa-on-ipv4=no
            publish-a-on-ipv6=no
            """);

        var bus = Start("dbus-daemon", "--config-file=" + busConfig, "--nofork", "--nopidfile", "--print-address");
        await WaitForLineAsync(bus, "unix:");
        var avahi = Start("ip", "netns", "exec", _namespace, "env", "DBUS_SYSTEM_BUS_ADDRESS=" + BusAddress, "sh", "-c",
            "mount -t tmpfs tmpfs /run/avahi-daemon && exec avahi-daemon --no-drop-root --no-chroot --no-rlimits --no-proc-title -f \"$0\"", avahiConfig);
        await WaitForLineAsync(avahi, "Server startup complete");
    }

    private Process Start(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        args.ToList().ForEach(start.ArgumentList.Add);
        var process = Process.Start(start)!;
        _processes.Add(process);
        return process;
    }

    /// <summary>Waits (bounded) until the process prints a line containing <paramref name="text"/> on stdout or stderr.</summary>
    private static async Task<string> WaitForLineAsync(Process process, string text)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        async Task Watch(StreamReader reader)
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                log.Enqueue(line);
                if (line.Contains(text, StringComparison.Ordinal))
                {
                    seen.TrySetResult(line);
                }
            }

            seen.TrySetException(new InvalidOperationException($"'{process.StartInfo.FileName}' ended before saying '{text}':\n{string.Join('\n', log)}"));
        }

        _ = Watch(process.StandardOutput);
        _ = Watch(process.StandardError);
        try
        {
            return await seen.Task.WaitAsync(StartupTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"'{process.StartInfo.FileName}' did not say '{text}' within {StartupTimeout}:\n{string.Join('\n', log)}");
        }
    }
}

/// <summary>One resolved line of <c>avahi-browse -p</c>: <c>=;eth0;IPv4;NAME;TYPE;DOMAIN;HOST;ADDRESS;PORT;"TXT" "TXT"</c>.</summary>
public sealed partial record AvahiService(string Name, string Type, string Host, string Address, int Port, string Text)
{
    /// <summary>The TXT strings, in order.</summary>
    public IReadOnlyList<string> TextEntries => [.. TxtString().Matches(Text).Select(m => m.Groups[1].Value)];

    public static AvahiService Parse(string line)
    {
        var fields = line.Split(';');
        return new AvahiService(Unescape(fields[3]), fields[4], fields[6], fields[7], int.Parse(fields[8], CultureInfo.InvariantCulture), string.Join(';', fields[9..]));
    }

    // avahi-browse -p writes a label's special characters as \DDD (decimal), e.g. \032 for a space.
    private static string Unescape(string label) =>
        DecimalEscape().Replace(label, m => ((char)int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToString());

    [GeneratedRegex(@"\\(\d{3})")]
    private static partial Regex DecimalEscape();

    [GeneratedRegex("\"([^\"]*)\"")]
    private static partial Regex TxtString();
}
