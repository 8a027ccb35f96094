using System.Text.Json.Nodes;

namespace AxisEmulator.Vapix.Tests.EndToEnd;

/// <summary>
/// The view area, light control and MQTT CGIs driven by Python <c>requests</c> with Digest, sending
/// the bodies the popular Python client (<c>axis</c>) sends and reading the answers the way its models
/// decode them (the keys they index without a default, so a missing one is an exception there too).
/// </summary>
public class PythonViewLightMqttTests
{
    private const string Script = """
        import json, sys
        import requests
        from requests.auth import HTTPDigestAuth

        url, user, password = sys.argv[1:4]
        auth = HTTPDigestAuth(user, password)

        def call(path, method, params=None, version="1.0"):
            body = {"apiVersion": version, "context": "Axis library", "method": method}
            if params is not None:
                body["params"] = params
            r = requests.post(url + path, json=body, auth=auth, timeout=20)
            r.raise_for_status()
            answer = r.json()
            if "error" in answer:
                raise SystemExit(f"{path} {method}: {answer['error']}")
            return answer

        def versions(path):
            r = requests.post(url + path, json={"method": "getSupportedVersions"}, auth=auth, timeout=20)
            return r.json()["data"]["apiVersions"]

        out = {}
        # view areas: ViewArea.decode indexes id, camera, source, configurable
        areas = call("/axis-cgi/viewarea/info.cgi", "list")["data"]["viewAreas"]
        out["areas"] = [(a["id"], a["camera"], a["source"], a["configurable"], a["canvasSize"]["horizontal"]) for a in areas]
        area = areas[0]["id"]
        geometry = {"horizontalOffset": 8, "horizontalSize": 640, "verticalOffset": 4, "verticalSize": 480}
        changed = call("/axis-cgi/viewarea/configure.cgi", "setGeometry", {"viewArea": {"id": area, "rectangularGeometry": geometry}})
        out["setGeometry"] = changed["data"]["viewAreas"][0]["rectangularGeometry"]
        out["listedGeometry"] = call("/axis-cgi/viewarea/info.cgi", "list")["data"]["viewAreas"][0]["rectangularGeometry"]
        out["viewAreaVersions"] = [versions("/axis-cgi/viewarea/info.cgi"), versions("/axis-cgi/viewarea/configure.cgi")]

        # light control: LightInformation.decode indexes these keys
        light = call("/axis-cgi/lightcontrol.cgi", "getLightInformation")["data"]["items"][0]
        keys = ["lightID", "lightType", "enabled", "synchronizeDayNightMode", "lightState", "automaticIntensityMode",
                "automaticAngleOfIlluminationMode", "nrOfLEDs", "error", "errorInfo"]
        out["lightKeys"] = [k for k in keys if k in light]
        out["capabilities"] = call("/axis-cgi/lightcontrol.cgi", "getServiceCapabilities")["data"]
        call("/axis-cgi/lightcontrol.cgi", "activateLight", {"lightID": light["lightID"]})
        out["lightStatus"] = call("/axis-cgi/lightcontrol.cgi", "getLightStatus", {"lightID": light["lightID"]})["data"]["status"]

        # MQTT client: ClientConfig.to_dict and GetClientStatusResponse.decode
        call("/axis-cgi/mqtt/client.cgi", "configureClient", {"server": {"host": "192.0.2.10", "protocol": "tcp", "port": 1883},
             "clientId": "cam", "username": "mqtt", "password": "secret", "keepAliveInterval": 60})
        call("/axis-cgi/mqtt/client.cgi", "activateClient")
        status = call("/axis-cgi/mqtt/client.cgi", "getClientStatus")["data"]
        out["mqtt"] = {"host": status["config"]["server"]["host"], "protocol": status["config"]["server"]["protocol"],
                       "state": status["status"]["state"].lower(), "connection": status["status"]["connectionStatus"].lower(),
                       "password": "password" in status["config"]}

        # event bridge: EventPublicationConfig.from_dict indexes all six members
        call("/axis-cgi/mqtt/event.cgi", "configureEventPublication", {"topicPrefix": "default", "eventFilterList": [{"topicFilter": "onvif:Device/axis:IO//."}]})
        publication = call("/axis-cgi/mqtt/event.cgi", "getEventPublicationConfig")["data"]["eventPublicationConfig"]
        out["publication"] = [publication[k] for k in ["topicPrefix", "customTopicPrefix", "appendEventTopic", "includeTopicNamespaces",
                                                     "includeSerialNumberInPayload"]] + [len(publication["eventFilterList"])]
        print(json.dumps(out))
        """;

    public PythonViewLightMqttTests() => ExternalTool.RequirePythonRequests();

    [Fact]
    public async Task The_popular_python_clients_calls_and_decoding_work_on_an_ir_camera()
    {
        await using var h = new Server.ServerHarness();
        var camera = await h.ReadyDeviceAsync("P3245-LVE");
        var url = h.Endpoint(camera).ToString().TrimEnd('/');

        var run = await ExternalTool.RunAsync(ExternalTool.Python, ["-c", Script, url, Server.ServerHarness.AdminUser, Server.ServerHarness.AdminPassword]);

        run.ExitCode.Should().Be(0, run.Stderr + run.Stdout);
        var answer = JsonNode.Parse(run.Stdout)!;
        answer["areas"]!.AsArray().Should().ContainSingle();
        answer["areas"]![0]![0]!.GetValue<int>().Should().Be(1000001);
        answer["setGeometry"]!["horizontalSize"]!.GetValue<int>().Should().Be(640);
        answer["listedGeometry"]!.ToJsonString().Should().Be(answer["setGeometry"]!.ToJsonString());
        answer["viewAreaVersions"]!.ToJsonString().Should().Be("""[["1.0"],["1.0"]]""");
        answer["lightKeys"]!.AsArray().Should().HaveCount(10);
        answer["capabilities"]!["manualIntensitySupport"]!.GetValue<bool>().Should().BeTrue();
        answer["lightStatus"]!.GetValue<bool>().Should().BeTrue();
        answer["mqtt"]!.ToJsonString().Should().Be("""{"host":"192.0.2.10","protocol":"tcp","state":"active","connection":"disconnected","password":false}""");
        answer["publication"]!.ToJsonString().Should().Be("""["default","",true,true,false,1]""");
        camera.ReadConfig(c => c.Lights).Should().ContainSingle(l => l.Active);
    }
}
