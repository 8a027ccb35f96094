using System.Globalization;
using System.Net;
using AxisEmulator.Control;
using AxisEmulator.Core.Chaos;
using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Fleet;
using AxisEmulator.Core.Profiles;
using Microsoft.Extensions.Configuration;

namespace AxisEmulator.Hosting;

/// <summary>
/// What <c>serve</c> runs. Defaults come from the <c>Emulator</c> configuration section
/// (appsettings.json next to the executable, environment variables such as <c>Emulator__StateDir</c>);
/// command-line options override them (see <see cref="Cli.ServeCommand"/>).
/// </summary>
public sealed record EmulatorSettings
{
    public const string Section = "Emulator";

    /// <summary>Default state directory, relative to the working directory (DESIGN.md §8).</summary>
    public const string DefaultStateDirectory = ".axis-emulator";

    /// <summary>Default control-plane URL (DESIGN.md §7): loopback only.</summary>
    public const string DefaultControlUrl = "http://127.0.0.1:8080";

    /// <summary>Port of the first device's VAPIX listener (<c>cam-1</c>); device n listens on base + n − 1.</summary>
    public const int DefaultDeviceBasePort = 8081;

    /// <summary>First HTTPS port of the device range (beside the HTTP range) unless told otherwise.</summary>
    public const int DefaultDeviceHttpsBasePort = 8443;

    /// <summary>First unicast WS-Discovery port (UDP) unless told otherwise: cam-1 answers on the protocol's own 3702.</summary>
    public const int DefaultDeviceWsDiscoveryBasePort = 3702;

    public const int MaxDevices = 1000;

    /// <summary>Where each device's configuration is stored; null when <see cref="Ephemeral"/>.</summary>
    public string? StateDirectory { get; init; } = DefaultStateDirectory;

    /// <summary>Nothing is stored: every start is a fresh fleet.</summary>
    public bool Ephemeral => StateDirectory is null;

    public string Profile { get; init; } = ProfileCatalog.DefaultProfileId;

    public ClockMode ClockMode { get; init; } = ClockMode.Realtime;

    /// <summary>Simulated seconds per wall second when <see cref="ClockMode"/> is scaled.</summary>
    public double ClockScale { get; init; } = 1;

    public int Seed { get; init; }

    /// <summary>Cameras to create at start: <c>cam-1</c> … <c>cam-N</c> (0: none, add them through the API).</summary>
    public int Devices { get; init; } = 1;

    /// <summary>Where the control plane listens (port 0 picks a free one).</summary>
    public Uri ControlUrl { get; init; } = new(DefaultControlUrl);

    /// <summary>First device listener port on 127.0.0.1; 0 picks free ports.</summary>
    public int DeviceBasePort { get; init; } = DefaultDeviceBasePort;

    /// <summary>
    /// First device HTTPS port (device n gets base + n - 1; with a shared port, every address's HTTPS
    /// port); 0 picks free ports. Null: <see cref="DefaultDeviceHttpsBasePort"/>, or free ports when
    /// <see cref="DeviceBasePort"/> is 0 (free HTTP ports must not come with fixed HTTPS ones that collide).
    /// </summary>
    public int? DeviceHttpsBasePort { get; init; }

    /// <summary>The HTTPS base port in effect (see <see cref="DeviceHttpsBasePort"/>).</summary>
    public int HttpsBasePort => DeviceHttpsBasePort ?? (DeviceBasePort == 0 ? 0 : DefaultDeviceHttpsBasePort);

    /// <summary>
    /// First unicast WS-Discovery UDP port (device n gets base + n - 1; with a shared port, every
    /// address's port); 0 picks free ports. Null: <see cref="DefaultDeviceWsDiscoveryBasePort"/>, or
    /// free ports when <see cref="DeviceBasePort"/> is 0, as for HTTPS.
    /// </summary>
    public int? DeviceWsDiscoveryBasePort { get; init; }

    /// <summary>The WS-Discovery base port in effect (see <see cref="DeviceWsDiscoveryBasePort"/>).</summary>
    public int WsDiscoveryBasePort => DeviceWsDiscoveryBasePort ?? (DeviceBasePort == 0 ? 0 : DefaultDeviceWsDiscoveryBasePort);

    /// <summary>
    /// Where the device base-port range binds; null is the default 127.0.0.1. 0.0.0.0 makes the device
    /// ports reachable from other machines (a container's published ports). Not with <see cref="SharedPort"/>.
    /// </summary>
    public IPAddress? DeviceBindAddress { get; init; }

    /// <summary>Bearer token of the control API; required when <see cref="ControlUrl"/> is not loopback.</summary>
    public string? Token { get; init; }

    /// <summary>
    /// The folder <c>POST /api/v1/scenarios/run</c> and presenter mode read scenario files from (bare
    /// names only, nothing outside it); null: a <c>scenarios</c> folder next to the executable or above it, else above the working directory.
    /// </summary>
    public string? ScenariosDirectory { get; init; }

    /// <summary>Whether <c>/metrics</c> also carries the runtime's own <c>dotnet_*</c> figures (see <see cref="ControlOptions.RuntimeMetrics"/>).</summary>
    public bool RuntimeMetrics { get; init; }

    /// <summary>
    /// A fleet file (<see cref="FleetFile"/>) to serve instead of <see cref="Devices"/> cameras of
    /// <see cref="Profile"/>; its groups, DHCP pool, listener layout and chaos apply.
    /// </summary>
    public string? Fleet { get; init; }

    /// <summary>DHCP pool "first-last" of the emulated LAN; null: no DHCP server (over a fleet file's pool when set).</summary>
    public string? DhcpPool { get; init; }

    /// <summary>When set, devices listen on distinct loopback addresses 127.0.x.y on this one port instead of the base-port range.</summary>
    public int? SharedPort { get; init; }

    /// <summary>When set, a chaos plan with this seed (and <see cref="DefaultChaos"/> rates, or the fleet file's) starts over the devices.</summary>
    public int? ChaosSeed { get; init; }

    /// <summary><c>--network lab</c>: the devices in a network lab (each in its own namespace, VAPIX on port 80 of its own address) instead of on loopback ports.</summary>
    public bool LabNetwork { get; init; }

    /// <summary>The lab's name (<c>--lab-name</c>), which prefixes its namespaces <c>axlab-NAME-…</c>.</summary>
    public string LabName { get; init; } = AxisEmulator.Lab.LabNames.DefaultLab;

    /// <summary>The lab the devices live in, or null on loopback.</summary>
    public Lab.LabNames? Lab => LabNetwork ? AxisEmulator.Lab.LabNames.Parse(LabName) : null;

    public bool ControlIsLoopback => IsLoopback(ControlUrl);

    /// <summary>
    /// The chaos <c>--chaos-seed</c> starts when the fleet file has none: over an hour of simulated
    /// time, fleet-wide, a few brown-outs, reboots and network losses, and one device in ten with a
    /// mushy button; nothing is bricked.
    /// </summary>
    public static ChaosOptions DefaultChaos(int seed) => new()
    {
        Seed = seed,
        Duration = TimeSpan.FromHours(1),
        BrownoutsPerHour = 4,
        RebootsPerHour = 4,
        NetworkLossesPerHour = 4,
        NetworkLossSeconds = 30,
        MushyButtonFraction = 0.1,
        BrickedFraction = 0,
    };

    /// <summary>The device listener layout when no fleet file says otherwise.</summary>
    public Vapix.Hosting.ListenerLayout ToListenerLayout() => new() { BasePort = DeviceBasePort, SharedPort = SharedPort, BindAddress = SharedPort is null ? DeviceBindAddress : null, HttpsBasePort = HttpsBasePort, WsDiscoveryBasePort = WsDiscoveryBasePort };

    /// <summary>The clock setting as it is written on the command line: <c>realtime</c>, <c>scaled:N</c> or <c>manual</c>.</summary>
    public string ClockText => FormatClock(ClockMode, ClockScale);

    public EmulatorOptions ToEmulatorOptions() => new()
    {
        ClockMode = ClockMode,
        ClockScale = ClockScale,
        Seed = Seed,
        StateDirectory = StateDirectory,
        DhcpPool = DhcpPool,
    };

    public ControlOptions ToControlOptions() => new()
    {
        BearerToken = string.IsNullOrEmpty(Token) ? null : Token,
        RequireToken = !ControlIsLoopback,
        RuntimeMetrics = RuntimeMetrics,
    };

    /// <summary>Checks what single values cannot: the token rule and the port range. Throws <see cref="FormatException"/>.</summary>
    public EmulatorSettings Validate()
    {
        if (LabNetwork && (SharedPort is not null || DeviceBindAddress is not null))
        {
            throw new FormatException($"--network lab puts each camera on port 80 of its own address in the lab; {(SharedPort is not null ? "--shared-port" : "--device-bind-address")} does not apply");
        }

        if (!ControlIsLoopback && string.IsNullOrWhiteSpace(Token))
        {
            throw new FormatException(
                $"--control-url {ControlUrl.GetLeftPart(UriPartial.Authority)} is not a loopback address: the control API would be reachable from other machines, so it needs --token TOKEN or the Emulator__Token environment variable (clients then send 'Authorization: Bearer TOKEN')");
        }

        if (SharedPort is not null && DeviceBindAddress is not null)
        {
            throw new FormatException(BindAddressWithSharedPort);
        }

        if (Fleet is null && SharedPort is null && DeviceBasePort != 0 && DeviceBasePort + Math.Max(Devices, 1) - 1 > IPEndPoint.MaxPort)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"--device-base-port {DeviceBasePort} leaves no room for {Devices} device listeners (the last port would be above {IPEndPoint.MaxPort})"));
        }

        return this;
    }

    /// <summary>
    /// Reads the <c>Emulator</c> section: <c>StateDir</c>, <c>Ephemeral</c>, <c>Profile</c>, <c>Clock</c>,
    /// <c>Seed</c>, <c>Devices</c>, <c>ControlUrl</c>, <c>DeviceBasePort</c>, <c>Token</c>, <c>ScenariosDir</c>, <c>Fleet</c>,
    /// <c>DhcpPool</c>, <c>SharedPort</c>, <c>ChaosSeed</c>, <c>DeviceBindAddress</c>. Throws <see cref="FormatException"/> naming
    /// the bad key. A configured <c>Fleet</c> wins over configured <c>Devices</c> and <c>Profile</c>
    /// (appsettings.json sets those by default).
    /// </summary>
    public static EmulatorSettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var settings = new EmulatorSettings();
        string Key(string name) => $"{Section}:{name}";

        if (section["StateDir"] is { } stateDir)
        {
            settings = settings with { StateDirectory = ParseStateDirectory(stateDir, Key("StateDir")) };
        }

        if (section["Ephemeral"] is { } ephemeral)
        {
            if (!bool.TryParse(ephemeral, out var value))
            {
                throw new FormatException($"{Key("Ephemeral")} '{ephemeral}' must be true or false");
            }

            settings = value ? settings with { StateDirectory = null } : settings;
        }

        if (section["Profile"] is { } profile)
        {
            settings = settings with { Profile = ParseProfile(profile, Key("Profile")) };
        }

        if (section["Clock"] is { } clock)
        {
            var (mode, scale) = ParseClock(clock, Key("Clock"));
            settings = settings with { ClockMode = mode, ClockScale = scale };
        }

        if (section["Seed"] is { } seed)
        {
            settings = settings with { Seed = ParseSeed(seed, Key("Seed")) };
        }

        if (section["Devices"] is { } devices)
        {
            settings = settings with { Devices = ParseDevices(devices, Key("Devices")) };
        }

        if (section["ControlUrl"] is { } controlUrl)
        {
            settings = settings with { ControlUrl = ParseControlUrl(controlUrl, Key("ControlUrl")) };
        }

        if (section["DeviceBasePort"] is { } basePort)
        {
            settings = settings with { DeviceBasePort = ParsePort(basePort, Key("DeviceBasePort")) };
        }

        if (section["DeviceHttpsBasePort"] is { } httpsBasePort)
        {
            settings = settings with { DeviceHttpsBasePort = ParsePort(httpsBasePort, Key("DeviceHttpsBasePort")) };
        }

        if (section["DeviceWsDiscoveryBasePort"] is { } wsDiscoveryBasePort)
        {
            settings = settings with { DeviceWsDiscoveryBasePort = ParsePort(wsDiscoveryBasePort, Key("DeviceWsDiscoveryBasePort")) };
        }

        if (section["DeviceBindAddress"] is { Length: > 0 } bindAddress)
        {
            settings = settings with { DeviceBindAddress = ParseBindAddress(bindAddress, Key("DeviceBindAddress")) };
        }

        if (section["Token"] is { Length: > 0 } token)
        {
            settings = settings with { Token = token };
        }

        if (section["ScenariosDir"] is { Length: > 0 } scenariosDir)
        {
            settings = settings with { ScenariosDirectory = ParseStateDirectory(scenariosDir, Key("ScenariosDir")) };
        }

        if (section["Fleet"] is { Length: > 0 } fleet)
        {
            settings = settings with { Fleet = ParseFleet(fleet, Key("Fleet")) };
        }

        if (section["DhcpPool"] is { Length: > 0 } pool)
        {
            settings = settings with { DhcpPool = ParseDhcpPool(pool, Key("DhcpPool")) };
        }

        if (section["SharedPort"] is { Length: > 0 } sharedPort)
        {
            settings = settings with { SharedPort = ParseSharedPort(sharedPort, Key("SharedPort")) };
        }

        if (section["ChaosSeed"] is { Length: > 0 } chaosSeed)
        {
            settings = settings with { ChaosSeed = ParseSeed(chaosSeed, Key("ChaosSeed")) };
        }

        if (section["Network"] is { Length: > 0 } network)
        {
            settings = settings with { LabNetwork = ParseNetwork(network, Key("Network")) };
        }

        if (section["LabName"] is { Length: > 0 } labName)
        {
            settings = settings with { LabName = ParseLabName(labName, Key("LabName")) };
        }

        if (section["RuntimeMetrics"] is { Length: > 0 } runtimeMetrics)
        {
            settings = settings with
            {
                RuntimeMetrics = bool.TryParse(runtimeMetrics, out var value) ? value : throw new FormatException($"{Key("RuntimeMetrics")} '{runtimeMetrics}' must be true or false"),
            };
        }

        return settings;
    }

    /// <summary><c>loopback</c> (false) or <c>lab</c> (true).</summary>
    public static bool ParseNetwork(string text, string name = "--network") => text.Trim() switch
    {
        "loopback" => false,
        "lab" => true,
        _ => throw new FormatException($"{name} '{text}' is not a network mode: use loopback (each device on a 127.0.0.1 port) or lab (each in its own network namespace on a virtual segment; needs root)"),
    };

    public static string ParseLabName(string text, string name = "--lab-name")
    {
        try
        {
            return AxisEmulator.Lab.LabNames.Parse(text.Trim()).Lab;
        }
        catch (FormatException ex)
        {
            throw new FormatException($"{name}: {ex.Message}", ex);
        }
    }

    public static string ParseStateDirectory(string text, string name = "--state-dir") =>
        string.IsNullOrWhiteSpace(text) ? throw new FormatException($"{name} must name a directory") : text;

    public static string ParseProfile(string text, string name = "--profile") =>
        string.IsNullOrWhiteSpace(text) ? throw new FormatException($"{name} must name a hardware profile, e.g. {ProfileCatalog.DefaultProfileId}") : text.Trim();

    public static int ParseSeed(string text, string name = "--seed") =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"{name} '{text}' is not a whole number");

    public static int ParseDevices(string text, string name = "--devices") =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= MaxDevices
            ? value
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{name} '{text}' must be a whole number from 0 to {MaxDevices}"));

    public static int ParsePort(string text, string name = "--device-base-port") =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= IPEndPoint.MaxPort
            ? value
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{name} '{text}' must be a port number from 0 (pick free ports) to {IPEndPoint.MaxPort}"));

    /// <summary>The message when a bind address meets a shared port (whose listeners are 127.0.x.y by design).</summary>
    public const string BindAddressWithSharedPort =
        "--device-bind-address and --shared-port contradict each other: a shared port puts each device on its own loopback address 127.0.x.y; the bind address is for the --device-base-port range";

    /// <summary>An IPv4 or IPv6 address such as 127.0.0.1 or 0.0.0.0 (every interface).</summary>
    public static IPAddress ParseBindAddress(string text, string name = "--device-bind-address") =>
        IPAddress.TryParse(text.Trim(), out var address)
            ? address
            : throw new FormatException($"{name} '{text}' must be an IP address such as 127.0.0.1 (the default) or 0.0.0.0 (every interface)");

    public static int ParseSharedPort(string text, string name = "--shared-port") =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= IPEndPoint.MaxPort
            ? value
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{name} '{text}' must be a port number from 1 to {IPEndPoint.MaxPort} (every device listens on it, each on its own 127.0.x.y address)"));

    public static string ParseFleet(string text, string name = "--fleet") =>
        string.IsNullOrWhiteSpace(text) ? throw new FormatException($"{name} must name a fleet file (YAML, see deploy/README.md)") : text.Trim();

    /// <summary>"first-last": two IPv4 addresses, the first not after the last (e.g. 192.168.0.100-192.168.0.199).</summary>
    public static string ParseDhcpPool(string text, string name = "--dhcp-pool")
    {
        var pool = DhcpPoolRange.TryParse(text)
            ?? throw new FormatException($"{name} '{text}' must be two IPv4 addresses 'FIRST-LAST', e.g. {DhcpPoolRange.Example}");
        return pool.EndsBeforeStart
            ? throw new FormatException($"{name} '{text}' ends ({pool.Last}) before it starts ({pool.First})")
            : pool.ToString();
    }

    /// <summary>Parses <c>realtime</c>, <c>manual</c> or <c>scaled:N</c> (N greater than 0, at most 1,000,000).</summary>
    public static (ClockMode Mode, double Scale) ParseClock(string text, string name = "--clock")
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim().ToLowerInvariant();
        if (value == "realtime")
        {
            return (ClockMode.Realtime, 1);
        }

        if (value == "manual")
        {
            return (ClockMode.Manual, 1);
        }

        if (value.StartsWith("scaled:", StringComparison.Ordinal)
            && double.TryParse(value["scaled:".Length..], NumberStyles.Float, CultureInfo.InvariantCulture, out var scale)
            && scale > 0 && scale <= 1_000_000)
        {
            return (ClockMode.Scaled, scale);
        }

        throw new FormatException($"{name} '{text}' must be realtime, manual or scaled:N with N greater than 0 and at most 1000000 (e.g. scaled:10)");
    }

    /// <summary>An absolute <c>http://host:port</c> URL without a path; port 0 picks a free port.</summary>
    public static Uri ParseControlUrl(string text, string name = "--control-url")
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp || string.IsNullOrEmpty(url.Host))
        {
            throw new FormatException($"{name} '{text}' must be an http URL such as {DefaultControlUrl} (use http://0.0.0.0:8080 with --token to listen on every interface)");
        }

        if (url.AbsolutePath != "/" || url.Query.Length > 0 || url.Fragment.Length > 0 || url.UserInfo.Length > 0)
        {
            throw new FormatException($"{name} '{text}' must be only scheme, host and port, e.g. {DefaultControlUrl}");
        }

        return url;
    }

    /// <summary><c>localhost</c>, <c>127.x.y.z</c> and <c>::1</c> are loopback; anything else (0.0.0.0, a host name, a LAN address) is not.</summary>
    public static bool IsLoopback(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }

    public static string FormatClock(ClockMode mode, double scale) => mode switch
    {
        ClockMode.Scaled => string.Create(CultureInfo.InvariantCulture, $"scaled:{scale}"),
        _ => mode.ToString().ToLowerInvariant(),
    };
}
