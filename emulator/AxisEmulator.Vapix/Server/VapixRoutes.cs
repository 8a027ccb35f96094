using System.Diagnostics.CodeAnalysis;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Vapix.IoPortManagement;
using AxisEmulator.Vapix.Json;
using AxisEmulator.Vapix.StreamProfiles;
using AxisEmulator.Vapix.Text;

namespace AxisEmulator.Vapix.Server;

/// <summary>One CGI the device serves.</summary>
/// <param name="Path">Exact path, case-sensitive.</param>
/// <param name="Methods">HTTP methods it takes; others get Apache's 405.</param>
/// <param name="Handle">Builds the answer (authentication included: what it needs may depend on the arguments).</param>
/// <param name="Spec">The JSON API of a JSON CGI; null for legacy CGIs.</param>
internal sealed record VapixRoute(string Path, IReadOnlyList<string> Methods, Func<VapixExchange, Task<Reply>> Handle, JsonApiSpec? Spec = null)
{
    /// <summary>Answers between network-up and ready (only systemready; the rest answer 503).</summary>
    public bool AnswersWhileStarting { get; init; }

    /// <summary>Also answers every path below <see cref="Path"/> (REST collections: <c>/users/&lt;name&gt;</c>).</summary>
    public bool CoversSubpaths { get; init; }

    /// <summary>The CGI's own way of saying that something went wrong inside it.</summary>
    public Reply InternalError(VapixExchange? exchange)
    {
        if (Spec is not null)
        {
            var personality = exchange?.View.Personality ?? FirmwarePersonality.Os12;
            var error = Spec.Errors == JsonErrorSet.Firmware ? FirmwareManagementErrors.Internal
                : Spec.Errors == JsonErrorSet.Network ? new JsonError(1000, "Internal error")
                : new JsonError(8000, "Internal error");
            return Reply.From(JsonApiCall.Parse(Spec, personality, null).Fail(error));
        }

        return Path.EndsWith("/param.cgi", StringComparison.Ordinal)
            ? Reply.Text(200, VapixContentTypes.Text, "# Request failed: Internal error\n")
            : Reply.From(MaintenancePages.Error("internal error, consult the system log file."));
    }
}

/// <summary>The device's CGIs, by exact path.</summary>
internal static class VapixRoutes
{
    public const string SystemReady = "/axis-cgi/systemready.cgi";

    private static readonly string[] Legacy = ["GET", "HEAD", "POST"];

    /// <summary>JSON CGIs take POST; GET reaches them to get the "only POST" JSON error.</summary>
    private static readonly string[] JsonMethods = ["GET", "HEAD", "POST"];

    /// <summary>REST APIs (<c>/config/rest/...</c>): read with GET, change with POST/PATCH/PUT/DELETE.</summary>
    private static readonly string[] Rest = ["GET", "HEAD", "POST", "PATCH", "PUT", "DELETE"];

    private static readonly Dictionary<string, VapixRoute> Routes = new VapixRoute[]
    {
        new(SystemReady, JsonMethods, JsonCgis.SystemReadyAsync, SystemReadyApi.Spec) { AnswersWhileStarting = true },
        new("/axis-cgi/basicdeviceinfo.cgi", JsonMethods, JsonCgis.BasicDeviceInfoAsync, BasicDeviceInfoApi.Spec),
        new("/axis-cgi/apidiscovery.cgi", JsonMethods, JsonCgis.ApiDiscoveryAsync, ApiDiscoveryApi.Spec),
        new("/axis-cgi/firmwaremanagement.cgi", JsonMethods, FirmwareManagementCgi.HandleAsync, FirmwareManagementApi.Spec),
        new("/axis-cgi/param.cgi", Legacy, LegacyCgis.ParamAsync),
        new("/axis-cgi/admin/param.cgi", Legacy, LegacyCgis.ParamAsync),
        new("/axis-cgi/pwdgrp.cgi", Legacy, LegacyCgis.PwdgrpAsync),
        new("/axis-cgi/usergroup.cgi", Legacy, LegacyCgis.UserGroupAsync),
        new("/axis-cgi/restart.cgi", Legacy, LegacyCgis.RestartAsync),
        new("/axis-cgi/factorydefault.cgi", Legacy, LegacyCgis.FactoryDefaultAsync),
        new("/axis-cgi/hardfactorydefault.cgi", Legacy, LegacyCgis.HardFactoryDefaultAsync),
        new("/axis-cgi/serverreport.cgi", Legacy, DeviceLogs.ServerReportAsync),
        new("/axis-cgi/systemlog.cgi", Legacy, DeviceLogs.SystemLogAsync),
        new("/axis-cgi/admin/systemlog.cgi", Legacy, DeviceLogs.SystemLogAsync),

        // provisioning
        new(NetworkConfig.NetworkSettingsCgi.Path, JsonMethods, NetworkConfig.NetworkSettingsCgi.HandleAsync, NetworkSettingsApi.Spec),
        new("/axis-cgi/time.cgi", JsonMethods, Time.TimeCgi.HandleAsync, Time.TimeApi.Spec),
        new(Time.TimeRest.Path, Rest, Time.TimeRest.HandleAsync) { CoversSubpaths = true },
        new("/axis-cgi/admin/date.cgi", Legacy, Time.DateCgi.HandleAsync),
        new("/axis-cgi/ntp.cgi", JsonMethods, Ntp.NtpCgi.HandleAsync, Ntp.NtpApi.Spec),
        new("/axis-cgi/featureflag.cgi", JsonMethods, FeatureFlags.FeatureFlagCgi.HandleAsync, FeatureFlags.FeatureFlagApi.Spec),
        new(Ssh.SshRest.V1Path, Rest, Ssh.SshRest.HandleAsync) { CoversSubpaths = true },
        new(Ssh.SshRest.V2Path, Rest, Ssh.SshRest.HandleAsync) { CoversSubpaths = true },
        new("/axis-cgi/applications/list.cgi", Legacy, Applications.ApplicationsCgi.ListAsync),
        new("/axis-cgi/applications/config.cgi", Legacy, Applications.ApplicationsCgi.ConfigAsync),

        // image
        new("/axis-cgi/jpg/image.cgi", Legacy, Media.ImageCgi.HandleAsync),
        new("/axis-cgi/mjpg/video.cgi", Legacy, Media.MjpegCgi.HandleAsync),
        new(EventService.EventServiceCgi.Path, ["POST"], EventService.EventServiceCgi.HandleAsync),

        // onvif
        new(Onvif.DeviceServiceOperations.DevicePath, ["POST"], Onvif.OnvifService.HandleAsync),
        new(Onvif.DeviceServiceOperations.ServicesPath, ["POST"], Onvif.OnvifService.HandleAsync),

        // events: the VAPIX event stream over WebSocket (a viewer-level GET upgrade; subscribers are taken from network-up)
        new(EventStream.EventStreamRoute.Path, Legacy, EventStream.EventStreamRoute.HandleAsync) { AnswersWhileStarting = true },

        // params
        new("/axis-cgi/view/param.cgi", Legacy, e => LegacyCgis.ParamAsync(e, Parameters.ParamCgiPath.Viewer)),
        new("/axis-cgi/operator/param.cgi", Legacy, e => LegacyCgis.ParamAsync(e, Parameters.ParamCgiPath.Operator)),

        // iostream
        new("/axis-cgi/io/portmanagement.cgi", JsonMethods, e => ParameterBackedCgi.CallAsync(e, PortManagementApi.Spec, PortManagementApi.Handle), PortManagementApi.Spec),
        new("/axis-cgi/streamprofile.cgi", JsonMethods, e => ParameterBackedCgi.CallAsync(e, StreamProfileApi.Spec, StreamProfileApi.Handle), StreamProfileApi.Spec),

        // upnp: the device description SSDP's LOCATION points at (anonymous)
        new(Upnp.RootDescription.Path, ["GET", "HEAD"], Upnp.RootDescriptionRoute.HandleAsync),
        // vapix2: view areas, lights, MQTT (configuration kept; no broker is contacted)
        new(ViewAreas.ViewAreaApi.InfoPath, JsonMethods, ViewAreas.ViewAreaCgi.InfoAsync, ViewAreas.ViewAreaApi.InfoSpec),
        new(ViewAreas.ViewAreaApi.ConfigurePath, JsonMethods, ViewAreas.ViewAreaCgi.ConfigureAsync, ViewAreas.ViewAreaApi.ConfigureSpec),
        new(LightControl.LightControlApi.Path, JsonMethods, LightControl.LightControlCgi.HandleAsync, LightControl.LightControlApi.Spec),
        new(Mqtt.MqttClientApi.Path, JsonMethods, Mqtt.MqttCgi.ClientAsync, Mqtt.MqttClientApi.Spec),
        new(Mqtt.MqttEventApi.Path, JsonMethods, Mqtt.MqttCgi.EventAsync, Mqtt.MqttEventApi.Spec),

        // vapix2: the web server's own pages
        new(WebPages.WebInterfacePages.Root, ["GET", "HEAD"], WebPages.WebInterfacePages.RedirectAsync),
        new(WebPages.WebInterfacePages.Index, ["GET", "HEAD"], WebPages.WebInterfacePages.RedirectAsync),
        new(WebPages.WebInterfacePages.WebInterface, ["GET", "HEAD"], WebPages.WebInterfacePages.WebInterfaceAsync),
    }.ToDictionary(r => r.Path, StringComparer.Ordinal);

    /// <summary>Every served path.</summary>
    public static IReadOnlyCollection<string> Paths => Routes.Keys;

    public static bool TryGet(string path, [NotNullWhen(true)] out VapixRoute? route)
    {
        if (Routes.TryGetValue(path, out route))
        {
            return true;
        }

        route = Routes.Values.FirstOrDefault(r => r.CoversSubpaths && path.Length > r.Path.Length && path[r.Path.Length] == '/' && path.StartsWith(r.Path, StringComparison.Ordinal));
        return route is not null;
    }
}
