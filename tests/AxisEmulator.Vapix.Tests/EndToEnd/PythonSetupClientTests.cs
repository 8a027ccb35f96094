using System.Text.Json.Nodes;

namespace AxisEmulator.Vapix.Tests.EndToEnd;

/// <summary>
/// What the popular Python VAPIX client (<c>axis</c>, used by Home Assistant) reads while it sets a
/// device up, replayed by Python <c>requests</c>; listdefinitions read by Python's <c>xml.etree</c>.
/// </summary>
public class PythonSetupClientTests
{
    /// <summary>
    /// The groups the client lists in setup, each with the keys it reads and why (vapix-facts §2.3; the
    /// client's parameter models): a missing key is an exception in the client's setup.
    /// </summary>
    private const string Script = """
        import json, sys, xml.etree.ElementTree as ET
        import requests
        from requests.auth import HTTPDigestAuth

        url, user, password = sys.argv[1:4]
        auth = HTTPDigestAuth(user, password)
        NEEDS = {
            "root.Brand": ["ProdNbr", "ProdType", "ProdFullName"],                 # device model and name
            "root.Properties": ["Firmware.Version", "System.SerialNumber",        # identity, unique id
                                "API.HTTP.Version", "API.Metadata.Metadata",      # 11.x/12.x metadata stream check
                                "Image.Format", "PTZ.PTZ", "System.HardwareID"],
            "root.Input": ["NbrOfInputs"],                                         # binary sensors
            "root.Output": ["NbrOfOutputs"],                                       # relays
            "root.IOPort": [],                                                     # port models (may be empty)
            "root.StreamProfile": ["MaxGroups"],                                   # stream profile selection
            "root.Image": ["I0.Stream.FPS", "I0.Appearance.Resolution"],           # view-area / stream setup
        }
        # Read only when Properties.PTZ.PTZ=yes: the PTZ models (limits, support, various of camera 1).
        PTZ_NEEDS = ["ImageSource.I0.PTZEnabled", "Limit.L1.MinPan", "Limit.L1.MaxPan", "Support.S1.AbsolutePan", "Various.V1.PanEnabled"]
        missing = []
        counts = {}
        for group, keys in NEEDS.items():
            r = requests.get(f"{url}/axis-cgi/param.cgi", params={"action": "list", "group": group}, auth=auth, timeout=20)
            values = {}
            for line in r.text.splitlines():
                if line.startswith("# Error") or "=" not in line:
                    continue
                name, value = line.split("=", 1)
                values[name] = value
            counts[group] = len(values)
            if group != "root.IOPort" and not values:
                missing.append(group)
            missing += [f"{group}.{k}" for k in keys if f"{group}.{k}" not in values]
            if group == "root.Properties":
                ptz = values.get("root.Properties.PTZ.PTZ")

        r = requests.get(f"{url}/axis-cgi/param.cgi", params={"action": "list", "group": "root.PTZ"}, auth=auth, timeout=20)
        ptz_values = dict(line.split("=", 1) for line in r.text.splitlines() if "=" in line and not line.startswith("# Error"))
        counts["root.PTZ"] = len(ptz_values)
        if ptz == "yes":
            missing += [f"root.PTZ.{k}" for k in PTZ_NEEDS if f"root.PTZ.{k}" not in ptz_values]

        r = requests.get(f"{url}/axis-cgi/param.cgi", params={"action": "listdefinitions", "listformat": "xmlschema", "group": "Network.BootProto,HTTPS"}, auth=auth, timeout=20)
        ns = {"p": "http://www.axis.com/ParameterDefinitionsSchema"}
        root = ET.fromstring(r.content)
        boot = root.find("p:group[@name='root']/p:group[@name='Network']/p:parameter[@name='BootProto']", ns)
        https = root.find("p:group[@name='root']/p:group[@name='HTTPS']/p:parameter[@name='Enabled']", ns)
        print(json.dumps({
            "missing": missing,
            "ptz": ptz,
            "counts": counts,
            "contentType": r.headers.get("Content-Type", ""),
            "rootTag": root.tag,
            "firmware": root.findtext("p:firmwareVersion", namespaces=ns),
            "bootProto": boot.get("value"),
            "bootProtoValues": [e.get("value") for e in boot.findall("p:type/p:enum/p:entry", ns)],
            "httpsEnabledBool": https.find("p:type/p:bool", ns).attrib,
            "httpsSecurity": https.get("securityLevel"),
        }))
        """;


    public PythonSetupClientTests() => ExternalTool.RequirePythonRequests();

    [Theory]
    [InlineData("Q1656-LE")] // no captured tree: the camera template
    [InlineData("M3085-V")] // 12.x, no captured tree
    [InlineData("P3245-LVE")] // its captured tree
    [InlineData("Q6075-E")] // 10.12 mechanical PTZ: the mechanical PTZ template
    [InlineData("Q1951-E")] // 11.11 thermal camera
    [InlineData("P3727-PLE")] // 10.12 multisensor: four image sources
    [InlineData("P8815-2")] // 11.11 people counter: no PTZ, so no root.PTZ
    public async Task The_setup_reads_of_the_popular_python_client_all_find_their_parameters(string profile)
    {
        await using var h = new Server.ServerHarness();
        var camera = await h.ReadyDeviceAsync(profile);
        var url = h.Endpoint(camera).ToString().TrimEnd('/');

        var run = await ExternalTool.RunAsync(ExternalTool.Python, ["-c", Script, url, Server.ServerHarness.AdminUser, Server.ServerHarness.AdminPassword]);
        run.ExitCode.Should().Be(0, run.Stderr);
        var answer = JsonNode.Parse(run.Stdout)!;

        answer["missing"]!.AsArray().Select(m => m!.GetValue<string>()).Should().BeEmpty();
        answer["counts"]!["root.Properties"]!.GetValue<int>().Should().BeGreaterThan(100);
        var hasPtz = camera.Profile.Hardware.Ptz != Core.Profiles.PtzKind.None;
        answer["ptz"]!.GetValue<string>().Should().Be(hasPtz ? "yes" : "no");
        (answer["counts"]!["root.PTZ"]!.GetValue<int>() > 0).Should().Be(hasPtz, "root.PTZ is there exactly when Properties.PTZ.PTZ=yes");
        answer["contentType"]!.GetValue<string>().Should().StartWith("text/xml");
        answer["rootTag"]!.GetValue<string>().Should().Be("{http://www.axis.com/ParameterDefinitionsSchema}parameterDefinitions");
        answer["firmware"]!.GetValue<string>().Should().Be(camera.Profile.Firmware.Version);
        answer["bootProto"]!.GetValue<string>().Should().Be("dhcp");
        answer["bootProtoValues"]!.AsArray().Select(v => v!.GetValue<string>()).Should().Equal("dhcp", "none");
        answer["httpsEnabledBool"]!["true"]!.GetValue<string>().Should().Be("yes");
        answer["httpsSecurity"]!.GetValue<string>().Should().Be("7716", "created with the firmware, read by viewers, changed by administrators");
    }
}
