using System.Diagnostics;
using System.Net;

namespace AxisEmulator.LoadTest.Kill9;

/// <summary>
/// One camera's client: param.cgi updates, pwdgrp.cgi user add/remove and now and then a soft
/// factorydefault.cgi (then the admin again, in setup mode), one request at a time, each recorded
/// in the <see cref="CameraModel"/> before it is sent and once it is acknowledged.
/// </summary>
internal sealed class CameraWriter(string id, CameraModel model, HttpClient http, Random random, Func<Task<Uri?>> endpoint, Action acknowledged)
{
    public const string Password = "kill9-pass";
    public const string NameParameter = "Image.I0.Name";
    private const int Users = 4;
    private DigestSession _digest = new("root", Password);

    public int Unexpected { get; private set; }

    public int FactoryDefaults { get; private set; }

    /// <summary>A write was sent and not answered yet (read after the kill: it died unacknowledged).</summary>
    public bool InFlight { get; private set; }

    /// <summary>
    /// Writes until the emulator goes away (a request fails) or <paramref name="stop"/> is set;
    /// a camera in setup mode gets its admin first, under the same rule: a kill may land on that
    /// request too, which then stays unacknowledged.
    /// </summary>
    public async Task RunAsync(Uri device, bool needsAdmin, CancellationToken stop)
    {
        var sequence = 0;
        try
        {
            if (needsAdmin)
            {
                device = await CreateAdminAsync(stop) ?? device;
            }

            while (!stop.IsCancellationRequested)
            {
                var pick = random.Next(100);
                if (pick < 55)
                {
                    var value = $"kill9-{random.Next()}-{sequence++}";
                    await WriteAsync(device, $"/axis-cgi/param.cgi?action=update&{NameParameter}={value}", "param:" + NameParameter, value, body => body == "OK");
                }
                else if (pick < 97)
                {
                    var user = "k" + random.Next(Users);
                    var present = model.Expected("user:" + user) is not null;
                    var query = present ? $"action=remove&user={user}" : $"action=add&user={user}&pwd=pass-{user}&grp=users&sgrp=viewer";
                    var answer = present ? $"Removed account {user}." : $"Created account {user}.";
                    await WriteAsync(device, "/axis-cgi/pwdgrp.cgi?" + query, "user:" + user, present ? null : CameraModel.Present, body => body.Contains(answer, StringComparison.Ordinal));
                }
                else
                {
                    model.FactoryDefaultSent();
                    InFlight = true;
                    using var response = await Vapix.DigestGetAsync(http, new Uri(device, "/axis-cgi/factorydefault.cgi"), _digest);
                    InFlight = false;
                    var body = await response.Content.ReadAsStringAsync(stop);
                    if (response.StatusCode != HttpStatusCode.OK || !body.Contains("factoryMessage", StringComparison.Ordinal))
                    {
                        Unexpected++;
                        continue;
                    }

                    model.FactoryDefaultAcknowledged();
                    FactoryDefaults++;
                    acknowledged();
                    device = await CreateAdminAsync(stop) ?? device;
                }
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
        {
            // The emulator was killed under the request: it stays unacknowledged.
        }
    }

    /// <summary>Setup mode (a fresh or defaulted camera): creates root anonymously once the camera is ready; its endpoint then.</summary>
    public async Task<Uri?> CreateAdminAsync(CancellationToken stop)
    {
        var deadline = Stopwatch.StartNew();
        while (!stop.IsCancellationRequested && deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (await endpoint() is { } device)
            {
                using var form = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["action"] = "add",
                    ["user"] = "root",
                    ["pwd"] = Password,
                    ["grp"] = "root",
                    ["sgrp"] = "admin:operator:viewer:ptz",
                });
                model.Sent("user:root", CameraModel.Present);
                InFlight = true;
                using var response = await http.PostAsync(new Uri(device, "/axis-cgi/pwdgrp.cgi"), form, stop);
                InFlight = false;
                var body = await response.Content.ReadAsStringAsync(stop);
                if (response.StatusCode == HttpStatusCode.OK && body.Contains("Created account root.", StringComparison.Ordinal))
                {
                    model.Acknowledged("user:root", CameraModel.Present);
                    acknowledged();
                    _digest = new DigestSession("root", Password);
                    return device;
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), stop); // poll interval of a condition with a deadline
        }

        throw new TimeoutException($"{id}: no admin could be created within 60 s");
    }

    private async Task WriteAsync(Uri device, string pathAndQuery, string key, string? value, Func<string, bool> isOk)
    {
        model.Sent(key, value);
        InFlight = true;
        using var response = await Vapix.DigestGetAsync(http, new Uri(device, pathAndQuery), _digest);
        InFlight = false;
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.OK && isOk(body))
        {
            model.Acknowledged(key, value);
            acknowledged();
        }
        else
        {
            Unexpected++;
        }
    }
}
