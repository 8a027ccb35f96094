using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;
using AxisEmulator.Vapix.Auth;
using AxisEmulator.Vapix.Forms;

namespace AxisEmulator.Vapix.Server;

/// <summary>
/// <c>systemlog.cgi</c> and <c>serverreport.cgi</c> (vapix-facts §9.1, §9.2): the device's log since
/// it last booted, made from its timeline, in the syslog shape of real reports
/// (<c>2026-01-01T00:00:04.000+00:00 axis-b8a44f631339 [ INFO    ] systemd[1]: ...</c>), stamped
/// with simulated time. Administrator only. The process names and wording are modelled ([E]).
/// </summary>
internal static class DeviceLogs
{
    public static async Task<Reply> SystemLogAsync(VapixExchange exchange)
    {
        var args = await exchange.FormAsync();
        if (exchange.Authorize(AccessLevel.Admin, json: false) is { } refusal)
        {
            return refusal;
        }

        return Reply.Text(200, VapixContentTypes.Text, SystemLog(exchange.Camera, exchange.View, Filter(args)));
    }

    public static async Task<Reply> ServerReportAsync(VapixExchange exchange)
    {
        var args = await exchange.FormAsync();
        if (exchange.Authorize(AccessLevel.Admin, json: false) is { } refusal)
        {
            return refusal;
        }

        var report = ServerReport(exchange.Camera, exchange.View);
        var now = exchange.Camera.Clock.GetUtcNow();
        return args["mode"] switch
        {
            "zip" or "zip_with_image" => Reply.Bytes(200, "application/zip", Zip(report, SystemLog(exchange.Camera, exchange.View, null), now)),
            "tar_all" => Reply.Bytes(200, "application/x-tar", Tar(report, SystemLog(exchange.Camera, exchange.View, null), now)),
            _ => Reply.Text(200, VapixContentTypes.Text, report),
        };
    }

    /// <summary>The log lines since the last boot; <paramref name="filter"/> keeps the lines containing it (AXIS OS ≥ 11.11 <c>text=</c>).</summary>
    public static string SystemLog(Device camera, DeviceView view, string? filter)
    {
        var entries = camera.Timeline.Since(0);
        var boot = -1;
        for (var i = entries.Count - 1; i >= 0; i--)
        {
            if (entries[i].Event is BootloaderStarted)
            {
                boot = i;
                break;
            }
        }

        var host = view.Tree["Network.HostName"] is { Length: > 0 } name ? name : camera.Identity.DefaultHostname;
        var log = new StringBuilder();
        for (var i = Math.Max(0, boot); i < entries.Count; i++)
        {
            foreach (var (level, process, message) in Lines(entries[i], view))
            {
                var line = $"{entries[i].Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture)}+00:00 {host} [ {level,-8}] {process}: {message}";
                if (filter is null || line.Contains(filter, StringComparison.OrdinalIgnoreCase))
                {
                    log.Append(line).Append('\n');
                }
            }
        }

        return log.ToString();
    }

    public static string ServerReport(Device camera, DeviceView view)
    {
        var snapshot = camera.Snapshot();
        var identity = view.Identity;
        var banks = view.Config.Firmware;
        var report = new StringBuilder();
        void Section(string title, string body) => report.Append("----- ").Append(title).Append(" -----\n\n").Append(body).Append('\n');
        report.Append("----- Server Report Start -----\n\n");
        report.Append("Product: ").Append(identity.Profile.ProductFullName).Append('\n');
        report.Append("Serial No: ").Append(identity.Serial).Append("\n\n");
        Section("/usr/share/axis-release/variables", $"RELEASE=\"{identity.FirmwareVersion}\"\nPRODUCT=\"{identity.Model}\"\nBUILDDATE=\"{identity.Profile.Firmware.BuildDate}\"\n");
        Section("Inactive Firmware Version", banks.InactiveVersion is { } inactive ? $"{inactive}\n" : "No rollback version available\n");
        Section("Uptime", Invariant($"{(long)snapshot.Firmware.Uptime.TotalSeconds} seconds, boot id {snapshot.Firmware.BootId}\n"));
        Section("Lifetime Statistics", Invariant($"Boot-up Counter: {snapshot.BootCount}\n"));
        Section("Network", Invariant($"IP address: {snapshot.Network.IpAddress}\nLink-local address: {snapshot.Network.LinkLocalAddress}\nBoot protocol: {view.Tree["Network.BootProto"]}\n"));
        Section("Parameter list", string.Concat(view.Tree.ToLines().Where(l => !l.Contains("Password", StringComparison.OrdinalIgnoreCase)).Select(l => l + "\n")));
        Section("System log", SystemLog(camera, view, null));
        report.Append("----- Server Report End -----\n");
        return report.ToString();
    }

    private static string? Filter(FormFields args) =>
        args["text"] is { Length: > 0 } text && text.All(char.IsAsciiLetterOrDigit) ? text : null;

    /// <summary>How one timeline entry shows in the system log (nothing for LEDs and the HTTP journal).</summary>
    private static IEnumerable<(string Level, string Process, string Message)> Lines(TimelineEntry entry, DeviceView view)
    {
        const string Kernel = "kernel";
        const string Systemd = "systemd[1]";
        switch (entry.Event)
        {
            case BootloaderStarted boot:
                yield return ("INFO", Kernel, "Booting Linux on physical CPU 0x0");
                yield return ("INFO", Kernel, $"AXIS OS {view.Identity.FirmwareVersion} ({view.Identity.ProductShortName}, {view.Identity.Profile.Firmware.Soc})");
                yield return ("INFO", Systemd, $"Boot ID {boot.BootId}");
                break;
            case PhaseChanged phase:
                var target = phase.To switch
                {
                    DevicePhase.Booting => "Basic System",
                    DevicePhase.NetworkUp => "Network is Online",
                    DevicePhase.Ready => "Multi-User System",
                    DevicePhase.ShuttingDown => "Reboot",
                    DevicePhase.Upgrading => "Firmware Upgrade",
                    _ => null,
                };
                if (target is not null)
                {
                    yield return ("INFO", Systemd, $"Reached target {target}.");
                }

                break;
            case SystemReady:
                yield return ("INFO", Systemd, $"Startup finished: {entry.Message}.");
                break;
            case RestartRequested:
                yield return ("NOTICE", Systemd, "System is rebooting (restart requested).");
                break;
            case FactoryResetStarted:
                yield return ("NOTICE", "factorydefault[1]", $"{entry.Message}.");
                break;
            case AddressAssigned:
                yield return ("INFO", "dhcpcd[412]", $"eth0: {entry.Message}");
                break;
            case IpConflict:
                yield return ("WARNING", "dhcpcd[412]", $"eth0: address conflict: {entry.Message}");
                break;
            case ListenerOpened:
                yield return ("INFO", "httpd[623]", "AH00489: Apache/2.4 configured -- resuming normal operations");
                break;
            case ListenerClosed:
                yield return ("NOTICE", "httpd[623]", "AH00169: caught SIGTERM, shutting down");
                break;
            case PowerWarning or BrownOut or NoPower or NoPowerAtPlugIn:
                yield return ("WARNING", Kernel, $"poe: {entry.Message}");
                break;
            case LinkLost:
                yield return ("WARNING", Kernel, "eth0: Link is Down");
                break;
            case LinkRestored:
                yield return ("INFO", Kernel, "eth0: Link is Up - 100Mbps/Full - flow control off");
                break;
            case ConfigChanged:
                yield return ("INFO", "parhand[512]", entry.Message);
                break;
            case ResetHoldSeen or ResetWindowOpened or ResetWindowClosed or ResetReleased or UnitDead
                or UpgradeRefused or UpgradeStarted or FlashCorrupted or FirmwareRolledBack:
                yield return ("NOTICE", "fwupgrade[733]", entry.Message);
                break;
        }
    }

    /// <summary>A zip of the report and the log, stamped with simulated time (so the bytes are reproducible).</summary>
    private static byte[] Zip(string report, string log, DateTimeOffset now)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "serverreport.txt", report, now);
            Add(zip, "syslog.txt", log, now);
        }

        return buffer.ToArray();

        static void Add(ZipArchive zip, string name, string text, DateTimeOffset now)
        {
            var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
            entry.LastWriteTime = now;
            using var stream = entry.Open();
            stream.Write(Encoding.UTF8.GetBytes(text));
        }
    }

    private static byte[] Tar(string report, string log, DateTimeOffset now)
    {
        using var buffer = new MemoryStream();
        using (var tar = new TarWriter(buffer, TarEntryFormat.Ustar, leaveOpen: true))
        {
            Add(tar, "serverreport.txt", report, now);
            Add(tar, "var/log/messages", log, now);
        }

        return buffer.ToArray();

        static void Add(TarWriter tar, string name, string text, DateTimeOffset now)
        {
            using var data = new MemoryStream(Encoding.UTF8.GetBytes(text));
            tar.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, name) { DataStream = data, ModificationTime = now });
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
