using System.Collections.Concurrent;
using AxisEmulator.Control.Scenarios;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;

namespace AxisEmulator.Control.Tests.Scenarios;

/// <summary>
/// A stand-in for the real VAPIX client, only to check the runner's plumbing of <c>vapix</c> steps:
/// it answers the few CGIs the shipped scenario uses straight from the <see cref="Device"/>, with
/// the device's own effects (factory default, first admin). The end-to-end run over HTTP is a
/// separate test, with the real client.
/// </summary>
public sealed class FakeVapixClient : IScenarioVapixClient
{
    public ConcurrentQueue<(string Device, ScenarioVapixRequest Request, int Status)> Requests { get; } = new();

    public Task<ScenarioVapixResponse> SendAsync(Device device, ScenarioVapixRequest request, CancellationToken cancellationToken)
    {
        if (!device.IsListening)
        {
            throw new HttpRequestException($"connection refused: {device.Id} has no listener ({device.Phase.ToKebab()})");
        }

        if (request.Scheme == ScenarioVapixRequest.Https && device.Config.Parameters.GetValueOrDefault("HTTPS.Enabled") == "no")
        {
            throw new HttpRequestException($"connection refused: {device.Id} has HTTPS off");
        }

        var response = Answer(device, request);
        Requests.Enqueue((device.Id, request, response.Status));
        return Task.FromResult(response);
    }

    private static ScenarioVapixResponse Answer(Device device, ScenarioVapixRequest request)
    {
        var path = request.Path.Split('?', 2);
        var query = path.Length > 1 ? ParseQuery(path[1]) : new Dictionary<string, string>();
        switch (path[0])
        {
            case "/axis-cgi/systemready.cgi":
                var ready = device.Phase == DevicePhase.Ready ? "yes" : "no";
                var setup = device.NeedsSetup ? "yes" : "no";
                return new ScenarioVapixResponse(200, "application/json", $"{{\"apiVersion\": \"1.4\", \"method\": \"systemready\", \"data\": {{\"systemready\": \"{ready}\", \"needsetup\": \"{setup}\"}}}}");

            case "/axis-cgi/factorydefault.cgi":
                if (!IsAdmin(device, request))
                {
                    return Unauthorized();
                }

                device.FactoryDefault(FactoryDefaultMode.Soft);
                return new ScenarioVapixResponse(200, "text/html", "<html><head><meta http-equiv=\"refresh\" content=\"0;URL=/admin/factoryMessage.shtml\"></head></html>");

            case "/axis-cgi/pwdgrp.cgi" when query.GetValueOrDefault("action") == "add":
                if (!device.NeedsSetup && !IsAdmin(device, request))
                {
                    return Unauthorized();
                }

                var user = query["user"];
                var account = UserAccount.Create(user, query["pwd"], device.Identity.Realm, UserRole.Admin);
                device.UpdateConfig(c => (c with { Users = [.. c.Users, account] }, 0), $"user {user} added");
                return new ScenarioVapixResponse(200, "text/html", $"<html><head><title>User accounts</title></head><body bgcolor=#ffffff>Created account {user}.\r\n</body>\r\n\r\n</html>\r\n");

            case "/axis-cgi/param.cgi" when query.GetValueOrDefault("action") == "update":
                if (!IsAdmin(device, request))
                {
                    return Unauthorized();
                }

                device.UpdateConfig(c => (c with { Parameters = Updated(c.Parameters, query) }, 0), "param.cgi update");
                return new ScenarioVapixResponse(200, "text/plain", "OK");

            case "/axis-cgi/param.cgi" when query.GetValueOrDefault("group") is { } group:
                return IsAdmin(device, request)
                    ? new ScenarioVapixResponse(200, "text/plain", $"{group}=AXIS\r\n")
                    : Unauthorized();

            default:
                return new ScenarioVapixResponse(404, "text/html", "<html><body><h1>404 Not Found</h1></body></html>");
        }
    }

    private static bool IsAdmin(Device device, ScenarioVapixRequest request) =>
        request is { User: { } user, Password: { } password }
        && device.ReadConfig(c => c.Users.Any(u => u.Name == user && u.Role == UserRole.Admin
            && u.Ha1 == UserAccount.ComputeHa1(user, device.Identity.Realm, password)));

    private static Dictionary<string, string> Updated(IReadOnlyDictionary<string, string> parameters, Dictionary<string, string> query)
    {
        var updated = new Dictionary<string, string>(parameters);
        foreach (var (name, value) in query.Where(p => p.Key != "action"))
        {
            updated[name] = value;
        }

        return updated;
    }

    private static ScenarioVapixResponse Unauthorized() => new(401, "text/html", "<html><body><h1>401 Unauthorized</h1></body></html>");

    private static Dictionary<string, string> ParseQuery(string query) =>
        query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : "", StringComparer.Ordinal);
}
