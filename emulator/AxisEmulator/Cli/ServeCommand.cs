using System.CommandLine;
using System.CommandLine.Parsing;
using AxisEmulator.Core.Fleet;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Hosting;
using Microsoft.Extensions.Configuration;

namespace AxisEmulator.Cli;

/// <summary>
/// <c>serve</c>: the emulator with its control plane and device listeners until Ctrl+C. Options
/// override the <c>Emulator:*</c> configuration keys (appsettings.json, <c>Emulator__*</c>
/// environment variables), which override the built-in defaults.
/// </summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command(
            "serve",
            "Serve the emulated cameras (--devices of --profile, or a --fleet file): the control API on --control-url, "
            + "each device's VAPIX on 127.0.0.1:<base+n-1> (or --device-bind-address:<base+n-1>, or 127.0.x.y:<shared port>), the timeline logged in simulated time. Runs until Ctrl+C. This is what runs when no command is given.");
        Configure(command);
        return command;
    }

    /// <summary>Adds the serve options and action to <paramref name="command"/> (the root command serves too).</summary>
    public static void Configure(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var options = new ServeOptions();
        options.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => ServeAsync(parseResult, options, cancellationToken));
    }

    /// <summary>
    /// The settings that serve options (the arguments after <c>serve</c>) ask for, over
    /// <paramref name="configuration"/>. Throws <see cref="FormatException"/> for a bad option or
    /// a contradiction, as the command itself reports it.
    /// </summary>
    public static EmulatorSettings Resolve(IReadOnlyList<string> args, IConfiguration configuration)
    {
        var options = new ServeOptions();
        var command = new RootCommand();
        options.AddTo(command);
        var parsed = command.Parse(args);
        return parsed.Errors.Count > 0
            ? throw new FormatException(string.Join("; ", parsed.Errors.Select(e => e.Message)))
            : options.Apply(parsed, EmulatorSettings.Read(configuration)).Validate();
    }

    private static async Task<int> ServeAsync(ParseResult parseResult, ServeOptions options, CancellationToken cancellationToken)
    {
        var settings = options.Apply(parseResult, EmulatorSettings.Read(EmulatorConfiguration.Load())).Validate();
        var profiles = ProfileCatalog.LoadInstalled();
        FleetFile? fleet = null;
        if (settings.Fleet is { } path)
        {
            if (!File.Exists(path))
            {
                throw new UsageException($"fleet file '{path}' does not exist");
            }

            try
            {
                fleet = FleetFile.Load(path, profiles);
            }
            catch (FleetFileException ex)
            {
                var error = parseResult.InvocationConfiguration.Error;
                foreach (var problem in ex.Errors)
                {
                    await error.WriteLineAsync($"error: {problem}");
                }

                return ExitCodes.InvalidInput;
            }
        }
        else
        {
            profiles.Get(settings.Profile);
        }

        return await EmulatorServer.RunAsync(settings, profiles, parseResult.InvocationConfiguration.Output, cancellationToken, fleet);
    }

    /// <summary>One set of serve options (System.CommandLine options belong to one command).</summary>
    private sealed class ServeOptions
    {
        public Option<int?> Devices { get; } = new("--devices")
        {
            HelpName = "N",
            Description = $"Cameras to start, cam-1 … cam-N, from 0 to {EmulatorSettings.MaxDevices} [default: 1]",
            CustomParser = r => Parse(r, "--devices", EmulatorSettings.ParseDevices),
        };

        public Option<string?> Profile { get; } = new("--profile")
        {
            HelpName = "ID",
            Description = $"Hardware profile of the cameras ('profiles list' shows them) [default: {ProfileCatalog.DefaultProfileId}]",
            CustomParser = r => Parse(r, "--profile", EmulatorSettings.ParseProfile),
        };

        public Option<(Core.Clock.ClockMode Mode, double Scale)?> Clock { get; } = new("--clock")
        {
            HelpName = "realtime|scaled:N|manual",
            Description = "How simulated time moves: with the wall clock, N times faster, or only when asked (POST /api/v1/clock/advance) [default: realtime]",
            CustomParser = r => Parse<(Core.Clock.ClockMode, double)?>(r, "--clock", (text, name) => EmulatorSettings.ParseClock(text, name)),
        };

        public Option<int?> Seed { get; } = new("--seed")
        {
            HelpName = "N",
            Description = "Seed of every random choice (serials, boot ids, a mushy button) [default: 0]",
            CustomParser = r => Parse(r, "--seed", EmulatorSettings.ParseSeed),
        };

        public Option<Uri?> ControlUrl { get; } = new("--control-url")
        {
            HelpName = "URL",
            Description = $"Where the control API listens; port 0 picks a free port. Not loopback needs --token [default: {EmulatorSettings.DefaultControlUrl}]",
            CustomParser = r => Parse(r, "--control-url", EmulatorSettings.ParseControlUrl),
        };

        public Option<int?> DeviceBasePort { get; } = new("--device-base-port")
        {
            HelpName = "PORT",
            Description = $"VAPIX port of cam-1 on 127.0.0.1; device n gets PORT+n-1; 0 picks free ports [default: {EmulatorSettings.DefaultDeviceBasePort}]",
            CustomParser = r => Parse(r, "--device-base-port", EmulatorSettings.ParsePort),
        };

        public Option<int?> DeviceHttpsBasePort { get; } = new("--device-https-base-port")
        {
            HelpName = "PORT",
            Description = $"HTTPS port of cam-1 (its self-signed certificate, HTTP/2); device n gets PORT+n-1; 0 picks free ports [default: {EmulatorSettings.DefaultDeviceHttpsBasePort}, free ports with --device-base-port 0]",
            CustomParser = r => Parse(r, "--device-https-base-port", EmulatorSettings.ParsePort),
        };

        public Option<int?> DeviceWsDiscoveryBasePort { get; } = new("--device-wsd-base-port")
        {
            HelpName = "PORT",
            Description = $"UDP port where cam-1 answers unicast WS-Discovery Probes; device n gets PORT+n-1; 0 picks free ports [default: {EmulatorSettings.DefaultDeviceWsDiscoveryBasePort}, free ports with --device-base-port 0]",
            CustomParser = r => Parse(r, "--device-wsd-base-port", EmulatorSettings.ParsePort),
        };

        public Option<System.Net.IPAddress?> DeviceBindAddress { get; } = new("--device-bind-address")
        {
            HelpName = "ADDRESS",
            Description = "Address the device VAPIX listeners bind, e.g. 0.0.0.0 in a container so published device ports reach them (not with --shared-port) [default: 127.0.0.1]",
            CustomParser = r => Parse(r, "--device-bind-address", EmulatorSettings.ParseBindAddress),
        };

        public Option<string?> StateDir { get; } = new("--state-dir")
        {
            HelpName = "DIR",
            Description = $"Where each device's configuration is kept, relative to the working directory [default: {EmulatorSettings.DefaultStateDirectory}]",
            CustomParser = r => Parse(r, "--state-dir", EmulatorSettings.ParseStateDirectory),
        };

        public Option<bool> Ephemeral { get; } = new("--ephemeral")
        {
            Description = "Keep no state: configuration is lost when the emulator stops",
        };

        public Option<string?> Token { get; } = new("--token")
        {
            HelpName = "TOKEN",
            Description = "Bearer token the control API requires ('Authorization: Bearer TOKEN'); required when --control-url is not loopback",
            CustomParser = r => Parse(r, "--token", (text, name) => string.IsNullOrWhiteSpace(text) ? throw new FormatException($"{name} must not be empty") : text),
        };

        public Option<string?> ScenariosDir { get; } = new("--scenarios-dir")
        {
            HelpName = "DIR",
            Description = "Folder of the scenario files POST /api/v1/scenarios/run and presenter mode may read (by bare name; nothing outside it) [default: the repository's scenarios folder]",
            CustomParser = r => Parse(r, "--scenarios-dir", (text, name) => EmulatorSettings.ParseStateDirectory(text, name)),
        };

        public Option<string?> Fleet { get; } = new("--fleet")
        {
            HelpName = "FILE",
            Description = "Serve the fleet a YAML fleet file describes (groups of devices, DHCP pool, listener layout, chaos; deploy/README.md) instead of --devices cameras of --profile",
            CustomParser = r => Parse(r, "--fleet", EmulatorSettings.ParseFleet),
        };

        public Option<string?> DhcpPool { get; } = new("--dhcp-pool")
        {
            HelpName = "FIRST-LAST",
            Description = "Run an emulated DHCP server leasing this IPv4 range, e.g. 192.168.0.100-192.168.0.199 (over a fleet file's pool) [default: none]",
            CustomParser = r => Parse(r, "--dhcp-pool", EmulatorSettings.ParseDhcpPool),
        };

        public Option<int?> SharedPort { get; } = new("--shared-port")
        {
            HelpName = "PORT",
            Description = "Every device's VAPIX on this one port, each on its own loopback address 127.0.x.y, instead of the --device-base-port range (over a fleet file's listeners)",
            CustomParser = r => Parse(r, "--shared-port", EmulatorSettings.ParseSharedPort),
        };

        public Option<int?> ChaosSeed { get; } = new("--chaos-seed")
        {
            HelpName = "N",
            Description = "Start a chaos plan with this seed over the devices at start: a fleet file's chaos section, else an hour of moderate brown-outs, reboots, network losses and mushy buttons. The plan is printed so a run can be replayed",
            CustomParser = r => Parse(r, "--chaos-seed", EmulatorSettings.ParseSeed),
        };

        public Option<string?> Network { get; } = new("--network")
        {
            HelpName = "loopback|lab",
            Description = "loopback: each device's VAPIX on a 127.0.0.1 port; lab: each camera in its own network namespace on a virtual Ethernet segment, VAPIX on port 80 of its own address, tools run with 'lab exec' (Linux, root or CAP_NET_ADMIN+CAP_SYS_ADMIN) [default: loopback]",
            CustomParser = r => Parse(r, "--network", (text, name) => EmulatorSettings.ParseNetwork(text, name) ? "lab" : "loopback"),
        };

        public Option<string?> LabName { get; } = new("--lab-name")
        {
            HelpName = "NAME",
            Description = $"Name of the lab (its namespaces are axlab-NAME-…; 'lab exec --lab-name NAME' reaches it) [default: {Lab.LabNames.DefaultLab}]",
            CustomParser = r => Parse(r, "--lab-name", EmulatorSettings.ParseLabName),
        };

        public void AddTo(Command command)
        {
            command.Options.Add(Network);
            command.Options.Add(LabName);
            command.Options.Add(Devices);
            command.Options.Add(Profile);
            command.Options.Add(Clock);
            command.Options.Add(Seed);
            command.Options.Add(ControlUrl);
            command.Options.Add(DeviceBasePort);
            command.Options.Add(DeviceHttpsBasePort);
            command.Options.Add(DeviceWsDiscoveryBasePort);
            command.Options.Add(DeviceBindAddress);
            command.Options.Add(StateDir);
            command.Options.Add(Ephemeral);
            command.Options.Add(Token);
            command.Options.Add(ScenariosDir);
            command.Options.Add(Fleet);
            command.Options.Add(DhcpPool);
            command.Options.Add(SharedPort);
            command.Options.Add(ChaosSeed);
            command.Validators.Add(result =>
            {
                if (result.GetResult(Fleet) is { Implicit: false })
                {
                    foreach (var option in new Option[] { Devices, Profile })
                    {
                        if (result.GetResult(option) is { Implicit: false })
                        {
                            result.AddError($"--fleet and {option.Name} contradict each other: the fleet file says which devices to serve (its groups' count and profile); give one or the other");
                        }
                    }
                }

                if (result.GetResult(SharedPort) is { Implicit: false } && result.GetResult(DeviceBasePort) is { Implicit: false })
                {
                    result.AddError("--shared-port and --device-base-port contradict each other: devices listen on one shared port (each on its own 127.0.x.y) or on a range from the base port");
                }

                if (result.GetResult(SharedPort) is { Implicit: false } && result.GetResult(DeviceBindAddress) is { Implicit: false })
                {
                    result.AddError(EmulatorSettings.BindAddressWithSharedPort);
                }

                if (result.GetResult(StateDir) is { Implicit: false } && result.GetValue(Ephemeral))
                {
                    result.AddError("--state-dir and --ephemeral contradict each other: keep state in a directory, or keep none");
                }
            });
        }

        /// <summary>The options given on the command line, over <paramref name="settings"/>.</summary>
        public EmulatorSettings Apply(ParseResult result, EmulatorSettings settings)
        {
            // Cameras asked for on the command line replace a configured fleet file, and the reverse.
            if (result.GetValue(Devices) is { } devices)
            {
                settings = settings with { Devices = devices, Fleet = null };
            }

            if (result.GetValue(Profile) is { } profile)
            {
                settings = settings with { Profile = profile, Fleet = null };
            }

            if (result.GetValue(Fleet) is { } fleet)
            {
                settings = settings with { Fleet = fleet };
            }

            if (result.GetValue(DhcpPool) is { } pool)
            {
                settings = settings with { DhcpPool = pool };
            }

            if (result.GetValue(SharedPort) is { } sharedPort)
            {
                settings = settings with { SharedPort = sharedPort };
            }

            if (result.GetValue(Network) is { } network)
            {
                settings = settings with { LabNetwork = network == "lab" };
            }

            if (result.GetValue(LabName) is { } labName)
            {
                settings = settings with { LabName = labName };
            }

            if (result.GetValue(ChaosSeed) is { } chaosSeed)
            {
                settings = settings with { ChaosSeed = chaosSeed };
            }

            if (result.GetValue(Clock) is { } clock)
            {
                settings = settings with { ClockMode = clock.Mode, ClockScale = clock.Scale };
            }

            if (result.GetValue(Seed) is { } seed)
            {
                settings = settings with { Seed = seed };
            }

            if (result.GetValue(ControlUrl) is { } controlUrl)
            {
                settings = settings with { ControlUrl = controlUrl };
            }

            if (result.GetValue(DeviceBasePort) is { } basePort)
            {
                settings = settings with { DeviceBasePort = basePort };
            }

            if (result.GetValue(DeviceHttpsBasePort) is { } httpsBasePort)
            {
                settings = settings with { DeviceHttpsBasePort = httpsBasePort };
            }

            if (result.GetValue(DeviceWsDiscoveryBasePort) is { } wsDiscoveryBasePort)
            {
                settings = settings with { DeviceWsDiscoveryBasePort = wsDiscoveryBasePort };
            }

            if (result.GetValue(DeviceBindAddress) is { } bindAddress)
            {
                settings = settings with { DeviceBindAddress = bindAddress };
            }

            if (result.GetValue(StateDir) is { } stateDir)
            {
                settings = settings with { StateDirectory = stateDir };
            }

            if (result.GetValue(Ephemeral))
            {
                settings = settings with { StateDirectory = null };
            }

            if (result.GetValue(Token) is { } token)
            {
                settings = settings with { Token = token };
            }

            if (result.GetValue(ScenariosDir) is { } scenariosDir)
            {
                settings = settings with { ScenariosDirectory = scenariosDir };
            }

            return settings;
        }

        /// <summary>Runs <paramref name="parse"/> on the option's value; a <see cref="FormatException"/> becomes a parse error.</summary>
        private static T? Parse<T>(ArgumentResult result, string name, Func<string, string, T> parse)
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            try
            {
                return parse(text, name);
            }
            catch (FormatException ex)
            {
                result.AddError(ex.Message);
                return default;
            }
        }
    }
}
