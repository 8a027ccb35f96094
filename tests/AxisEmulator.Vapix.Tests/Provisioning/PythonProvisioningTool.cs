using AxisEmulator.Vapix.Tests.EndToEnd;

namespace AxisEmulator.Vapix.Tests.Provisioning;

/// <summary>The provisioning flow as a Python tool writes it: <c>requests</c> with <c>HTTPDigestAuth</c>, one process, a JSON report on stdout.</summary>
internal static class PythonProvisioningTool
{
    private const string Script = """
        import json, sys
        import requests
        from requests.auth import HTTPDigestAuth

        base = sys.argv[1]
        admin = HTTPDigestAuth("installer", "Install-1")
        steps = []

        def call(path, body, auth=admin):
            r = requests.post(base + path, json=body, auth=auth, timeout=20)
            steps.append("%s %s %d" % (path, body.get("method", ""), r.status_code))
            answer = r.json()
            if "error" in answer:
                raise SystemExit("%s answered %s" % (path, answer))
            return answer

        def rest(method, path, data):
            r = requests.request(method, base + path, json={"data": data}, auth=admin, timeout=20)
            steps.append("%s %s %d" % (method, path, r.status_code))
            return r

        ready = call("/axis-cgi/systemready.cgi", {"apiVersion": "1", "method": "systemready"}, auth=None)
        first = requests.get(base + "/axis-cgi/pwdgrp.cgi", params={"action": "add", "user": "installer", "pwd": "Install-1", "grp": "root", "sgrp": "admin:operator:viewer:ptz"}, timeout=20)
        steps.append("pwdgrp first admin %d" % first.status_code)
        call("/axis-cgi/time.cgi", {"apiVersion": "1.1", "method": "setDateTime", "params": {"dateTime": "2026-06-01T10:00:00Z"}})
        call("/axis-cgi/time.cgi", {"apiVersion": "1.1", "method": "setTimeZone", "params": {"timeZone": "Europe/Stockholm"}})
        call("/axis-cgi/network_settings.cgi", {"apiVersion": "1.0", "method": "setIPv4AddressConfiguration", "params": {
            "deviceName": "eth0", "configurationMode": "static",
            "staticAddressConfigurations": [{"address": "192.168.5.20", "prefixLength": 24}], "staticDefaultRouter": "192.168.5.1"}})
        call("/axis-cgi/network_settings.cgi", {"apiVersion": "1.0", "method": "setHostnameConfiguration", "params": {"useDhcpHostname": False, "staticHostname": "door-cam-1"}})
        rest("PATCH", "/config/rest/ssh/v2/enabled", True)
        rest("POST", "/config/rest/ssh/v2/users", {"username": "service", "password": "Ssh-pass-1", "comment": "tool"})
        second = requests.get(base + "/axis-cgi/pwdgrp.cgi", params={"action": "add", "user": "backup", "pwd": "Backup-1", "grp": "users", "sgrp": "admin:operator:viewer"}, auth=admin, timeout=20)
        steps.append("pwdgrp second admin %d" % second.status_code)

        backup = HTTPDigestAuth("backup", "Backup-1")
        time = call("/axis-cgi/time.cgi", {"apiVersion": "1.1", "method": "getDateTimeInfo"}, auth=backup)["data"]
        info = call("/axis-cgi/network_settings.cgi", {"apiVersion": "1.0", "method": "getNetworkInfo"}, auth=backup)["data"]
        params = requests.get(base + "/axis-cgi/param.cgi", params={"action": "list", "group": "Network.BootProto,Network.IPAddress,Network.SubnetMask,Network.Broadcast,Network.DefaultRouter,Network.HostName,root.Network.SSH.Enabled"}, auth=backup, timeout=20)
        users = requests.get(base + "/config/rest/ssh/v2/users", auth=backup, timeout=20).json()
        print(json.dumps({
            "needsetup": ready["data"]["needsetup"], "steps": steps, "time": time,
            "ipv4": info["devices"][0]["IPv4"], "hostname": info["system"]["hostname"],
            "parameters": params.text, "sshUsers": users["data"], "secondAdmin": params.status_code,
        }))
        """;


    public static Task<ToolResult> RunAsync(string baseUrl) => ExternalTool.RunAsync(ExternalTool.Python, ["-c", Script, baseUrl]);
}
