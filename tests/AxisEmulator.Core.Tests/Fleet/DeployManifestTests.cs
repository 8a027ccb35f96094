using System.Globalization;
using AxisEmulator.Core.Fleet;
using AxisEmulator.Core.Tests.Support;
using YamlDotNet.RepresentationModel;
using static AxisEmulator.Core.Tests.Fleet.FleetTestSupport;

namespace AxisEmulator.Core.Tests.Fleet;

/// <summary>
/// deploy/: the Kubernetes manifests and the shards' compose file are well-formed, wired together,
/// and the fleet file in the ConfigMap is valid against the shipped profiles. (No cluster here:
/// nothing checks them against the Kubernetes API schemas.)
/// </summary>
public class DeployManifestTests
{
    private static readonly string Deploy = Path.Combine(RepositoryPaths.Root, "deploy");

    public static TheoryData<string> ManifestFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Deploy, "kubernetes"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ManifestFiles))]
    public void Every_kubernetes_manifest_is_well_formed_with_a_kind_and_a_name(string file)
    {
        var documents = Load(Path.Combine(Deploy, "kubernetes", file));

        documents.Should().NotBeEmpty();
        foreach (var document in documents)
        {
            Str(document, "apiVersion").Should().NotBeNullOrEmpty();
            Str(document, "kind").Should().NotBeNullOrEmpty();
            if (Str(document, "kind") != "Kustomization")
            {
                Str(document, "metadata.name").Should().MatchRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
            }
        }
    }

    [Fact]
    public void The_kustomization_lists_every_manifest()
    {
        var kustomization = Load(Path.Combine(Deploy, "kubernetes", "kustomization.yaml")).Single();
        var listed = ((YamlSequenceNode)Node(kustomization, "resources")!).Children.Select(n => ((YamlScalarNode)n).Value).ToList();

        var files = Directory.GetFiles(Path.Combine(Deploy, "kubernetes"), "*.yaml").Select(Path.GetFileName).Where(f => f != "kustomization.yaml");
        listed.Should().BeEquivalentTo(files);
    }

    [Fact]
    public void The_statefulset_shards_behind_the_headless_service_with_probes_on_healthz()
    {
        var service = Manifest("service.yaml");
        var set = Manifest("statefulset.yaml");

        Str(service, "spec.clusterIP").Should().Be("None");
        Str(set, "spec.serviceName").Should().Be(Str(service, "metadata.name"));
        Str(service, "spec.selector.app.kubernetes.io/name").Should().Be(Str(set, "spec.template.metadata.labels.app.kubernetes.io/name"));
        Str(set, "spec.selector.matchLabels.app.kubernetes.io/name").Should().Be(Str(set, "spec.template.metadata.labels.app.kubernetes.io/name"));

        var container = (YamlMappingNode)((YamlSequenceNode)Node(set, "spec.template.spec.containers")!).Children.Single();
        foreach (var probe in new[] { "startupProbe", "readinessProbe", "livenessProbe" })
        {
            Str(container, $"{probe}.httpGet.path").Should().Be("/healthz");
            Str(container, $"{probe}.httpGet.port").Should().Be("control");
        }

        var args = ((YamlSequenceNode)Node(container, "args")!).Children.Select(n => ((YamlScalarNode)n).Value).ToList();
        args.Should().StartWith("serve");
        args.Should().ContainInOrder("--seed", "$(SHARD_INDEX)");
        var fleetPath = args[args.IndexOf("--fleet") + 1]!;
        var mount = ((YamlSequenceNode)Node(container, "volumeMounts")!).Children.Cast<YamlMappingNode>().Single(m => Str(m, "name") == "fleet");
        fleetPath.Should().Be(Str(mount, "mountPath") + "/fleet.yaml");
        var volume = ((YamlSequenceNode)Node(set, "spec.template.spec.volumes")!).Children.Cast<YamlMappingNode>().Single(v => Str(v, "name") == "fleet");
        Str(volume, "configMap.name").Should().Be(Str(Manifest("configmap.yaml"), "metadata.name"));
    }

    [Fact]
    public void The_configmaps_fleet_file_is_valid_and_the_memory_request_covers_its_devices()
    {
        var configMap = Manifest("configmap.yaml");
        var fleet = Parse(Str(configMap, "data.fleet.yaml")!);

        fleet.DeviceCount.Should().Be(250);
        fleet.Listeners!.BasePort.Should().Be(9000);
        fleet.DhcpPool.Should().NotBeNull();
        fleet.Chaos!.SeedGiven.Should().BeFalse("each shard's chaos follows its own seed");

        var container = (YamlMappingNode)((YamlSequenceNode)Node(Manifest("statefulset.yaml"), "spec.template.spec.containers")!).Children.Single();
        var requestMiB = MiB(Str(container, "resources.requests.memory")!);
        var limitMiB = MiB(Str(container, "resources.limits.memory")!);
        const double PlaceholderMiBPerDevice = 1;
        const double ProcessMiB = 256;
        requestMiB.Should().BeGreaterThanOrEqualTo(ProcessMiB + (fleet.DeviceCount * PlaceholderMiBPerDevice));
        limitMiB.Should().BeGreaterThanOrEqualTo(ProcessMiB + (fleet.DeviceCount * 2.2), "every device's timeline may fill up");
    }

    [Fact]
    public void The_configmaps_fleet_file_builds_and_boots()
    {
        var fleet = Parse(Str(Manifest("configmap.yaml"), "data.fleet.yaml")!);
        using var emulator = ManualEmulatorFor(fleet);

        var devices = FleetBuilder.Apply(fleet, emulator, startChaos: false).Devices;
        emulator.Advance(200);

        devices.Should().HaveCount(250);
        devices.Count(d => d.Phase == Core.Devices.DevicePhase.Ready).Should().Be(245, "five spares are left unpowered");
    }

    [Fact]
    public void The_compose_shards_have_distinct_seeds_ports_and_volumes()
    {
        var compose = Load(Path.Combine(Deploy, "docker-compose.shards.yml")).Single();
        var services = (YamlMappingNode)Node(compose, "services")!;

        var shards = services.Children.Select(s => (Name: ((YamlScalarNode)s.Key).Value!, Args: Args((YamlMappingNode)s.Value))).ToList();
        shards.Should().HaveCountGreaterThan(1);
        int Option(List<string> args, string name) => int.Parse(args[args.IndexOf(name) + 1], CultureInfo.InvariantCulture);
        shards.Select(s => Option(s.Args, "--seed")).Should().OnlyHaveUniqueItems();
        var ranges = shards.Select(s => (First: Option(s.Args, "--device-base-port"), Last: Option(s.Args, "--device-base-port") + Option(s.Args, "--devices") - 1)).OrderBy(r => r.First).ToList();
        ranges.Zip(ranges.Skip(1)).Should().OnlyContain(pair => pair.First.Last < pair.Second.First, "device port ranges must not overlap");
        ranges.Should().OnlyContain(r => r.Last <= 65535);
        shards.Select(s => Option(s.Args, "--devices")).Should().OnlyContain(n => n <= 1000, "serve takes at most 1000 devices");

        static List<string> Args(YamlMappingNode service) => [.. ((YamlSequenceNode)Node(service, "command")!).Children.Select(n => ((YamlScalarNode)n).Value!)];
    }

    private static YamlMappingNode Manifest(string file) => Load(Path.Combine(Deploy, "kubernetes", file)).Single();

    private static List<YamlMappingNode> Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(File.ReadAllText(path)))
        {
            stream.Load(reader);
        }

        return [.. stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>()];
    }

    /// <summary>Follows dotted keys; a key may itself hold dots or slashes (app.kubernetes.io/name), matched greedily.</summary>
    private static YamlNode? Node(YamlNode node, string path)
    {
        if (path.Length == 0)
        {
            return node;
        }

        if (node is not YamlMappingNode mapping)
        {
            return null;
        }

        foreach (var (key, value) in mapping.Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            if (path == name)
            {
                return value;
            }

            if (path.StartsWith(name + ".", StringComparison.Ordinal) && Node(value, path[(name.Length + 1)..]) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static string? Str(YamlNode node, string path) => Node(node, path) is YamlScalarNode scalar ? scalar.Value : null;

    private static double MiB(string quantity) => quantity.EndsWith("Gi", StringComparison.Ordinal)
        ? double.Parse(quantity[..^2], CultureInfo.InvariantCulture) * 1024
        : double.Parse(quantity.TrimEnd('M', 'i'), CultureInfo.InvariantCulture);
}
