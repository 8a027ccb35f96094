using System.Globalization;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Vapix.Snapshots;

namespace AxisEmulator.Vapix.Parameters;

/// <summary>
/// A plausible tree for a model without a captured list, modelled on the captured P3245-LVE (11.11)
/// and D4200-VE (12.9) trees: the groups clients read (Brand, Properties, Network, System, HTTPS,
/// Time, StatusLed), Image/ImageSource only for video devices, and the I/O groups sized from the
/// profile. Identity and network values are filled in afterwards by <see cref="ParameterTreeFactory"/>.
/// </summary>
internal static class GeneratedParameters
{
    /// <summary>A common 16:9/4:3 ladder (M1075-L capture), used when the model's own list is unknown.</summary>
    private const string DefaultResolutions = "1920x1080,1280x960,1280x720,1024x768,1024x576,800x600,640x480,640x360,320x240";

    public static ParameterTree Create(VapixIdentity identity)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        AddCommon(values, identity);
        AddNetwork(values, identity);
        if (identity.Profile.HasVideo)
        {
            AddVideo(values);
        }

        AddIo(values, identity.Profile.Io);
        return ParameterTree.FromEntries(values);
    }

    private static void AddCommon(Dictionary<string, string> values, VapixIdentity identity)
    {
        var personality = identity.Personality;
        Add(values, "BasicDeviceInfo.BasicDeviceInfo", "yes");
        Add(values, "HTTPS.AllowTLS1", "no");
        Add(values, "HTTPS.AllowTLS11", "no");
        Add(values, "HTTPS.Enabled", "yes");
        Add(values, "HTTPS.Port", "443");
        Add(values, "Properties.API.Browser.RootPwdSetValue", "yes");
        Add(values, "Properties.API.HTTP.AdminPath", "/index.html");
        Add(values, "Properties.API.HTTP.Version", "3");
        Add(values, "Properties.API.WebService.WebService", "yes");
        Add(values, "Properties.API.WebService.ONVIF.ONVIF", "yes");
        Add(values, "Properties.API.WebService.ONVIF.Version", "1.02");
        Add(values, "Properties.ApiDiscovery.ApiDiscovery", "yes");
        Add(values, "Properties.EmbeddedDevelopment.EmbeddedDevelopment", "yes");
        Add(values, "Properties.EmbeddedDevelopment.Version", "2.18");
        Add(values, "Properties.Firmware.BuildDate", "");
        Add(values, "Properties.Firmware.BuildNumber", "1");
        Add(values, "Properties.FirmwareManagement.Version", personality == FirmwarePersonality.Os12 ? "1.8" : "1.4");
        Add(values, "Properties.HTTPS.HTTPS", "yes");
        Add(values, "Properties.LEDControl.LEDControl", "yes");
        Add(values, "Properties.System.Architecture", "");
        Add(values, "Properties.System.HardwareID", "");
        Add(values, "Properties.System.Language", "");
        Add(values, "Properties.System.LanguageType", "");
        Add(values, "Properties.System.Soc", "");
        Add(values, "StatusLed.FlashInterval", "4");
        Add(values, "StatusLed.Usage", "on");
        Add(values, "System.AccessLog", "Off");
        Add(values, "System.BoaPort", "80");
        Add(values, "System.BoaProtViewer", "password");
        Add(values, "System.HTTPServerTokens", "yes");
        Add(values, "System.RootPwdSet", "yes");
        Add(values, "System.SkipDigestUriValidation", "User-Agent HttpClient");
        Add(values, "System.WebInterfaceDisabled", "no");
        Add(values, "System.BoaGroupPolicy.admin", "both");
        Add(values, "System.BoaGroupPolicy.operator", "both");
        Add(values, "System.BoaGroupPolicy.viewer", "both");
        Add(values, "System.HTTP2.AllowH2", "yes");
        Add(values, "System.HTTP2.AllowH2c", "no");
        Add(values, "Time.ObtainFromDHCP", "yes");
        Add(values, "Time.POSIXTimeZone", "UTC0");
        Add(values, "Time.SyncSource", "NTP");
        Add(values, "Time.DST.Enabled", "yes");
        Add(values, "Time.NTP.Server", "0.0.0.0");
        Add(values, "Time.NTP.VolatileServer", "0.0.0.0");
        Add(values, "WebService.DiscoveryMode.Discoverable", "Yes");
        Add(values, "WebService.UsernameToken.ReplayAttackProtection", "yes");
    }

    private static void AddNetwork(Dictionary<string, string> values, VapixIdentity identity)
    {
        Add(values, "Network.DNSServer1", "0.0.0.0");
        Add(values, "Network.DNSServer2", "0.0.0.0");
        Add(values, "Network.DomainName", "");
        Add(values, "Network.Enabled", "yes");
        Add(values, "Network.Media", "auto");
        Add(values, "Network.tcpECN", "1");
        Add(values, "Network.Bonjour.Enabled", "yes");
        Add(values, "Network.Bonjour.FriendlyName", identity.ProductShortName);
        Add(values, "Network.HTTP.AuthenticationWithQop", "no");
        Add(values, "Network.Interface.I0.dot1x.EAPTLS.Identity", identity.HostName);
        Add(values, "Network.Interface.I0.dot1x.Enabled", "no");
        Add(values, "Network.RTSP.Port", "554");
        Add(values, "Network.SSH.Enabled", "no");
        Add(values, "Network.UPnP.Enabled", identity.Personality == FirmwarePersonality.Os12 ? "no" : "yes");
        Add(values, "Network.UPnP.FriendlyName", $"{identity.ProductShortName} - {identity.Serial}");
        Add(values, "Network.VolatileHostName.ObtainFromDHCP", "yes");
        Add(values, "Network.ZeroConf.Enabled", "yes");
    }

    private static void AddVideo(Dictionary<string, string> values)
    {
        Add(values, "Image.MaxViewers", "20");
        Add(values, "Image.NbrOfConfigs", "8");
        Add(values, "Image.I0.Enabled", "yes");
        Add(values, "Image.I0.Name", "View Area 1");
        Add(values, "Image.I0.Source", "0");
        Add(values, "Image.I0.Appearance.ColorEnabled", "yes");
        Add(values, "Image.I0.Appearance.Compression", "30");
        Add(values, "Image.I0.Appearance.MirrorEnabled", "no");
        Add(values, "Image.I0.Appearance.Resolution", DefaultResolutions.Split(',')[0]);
        Add(values, "Image.I0.Appearance.Rotation", "0");
        Add(values, "ImageSource.NbrOfSources", "1");
        Add(values, "ImageSource.I0.Name", "Camera");
        Add(values, "Properties.API.RTSP.RTSPAuth", "yes");
        Add(values, "Properties.API.RTSP.Version", "2.01");
        Add(values, "Properties.Image.Format", "jpeg,mjpeg,h264");
        Add(values, "Properties.Image.NbrOfViews", "8");
        Add(values, "Properties.Image.Resolution", DefaultResolutions);
        Add(values, "Properties.Image.Rotation", "0,180");
        Add(values, "Properties.PTZ.PTZ", "yes");
        Add(values, "Properties.PTZ.DigitalPTZ", "yes");
    }

    /// <summary>Inputs first, then outputs, as I/O ports <c>I0..In</c> named <c>Port 1..n</c> (P3245-LVE capture).</summary>
    private static void AddIo(Dictionary<string, string> values, IoSpec io)
    {
        Add(values, "Input.NbrOfInputs", Number(io.Inputs));
        Add(values, "Output.NbrOfOutputs", Number(io.Outputs));
        for (var port = 0; port < io.Inputs + io.Outputs; port++)
        {
            var prefix = $"IOPort.I{Number(port)}.";
            var isInput = port < io.Inputs;
            Add(values, prefix + "Configurable", "no");
            Add(values, prefix + "Direction", isInput ? "input" : "output");
            Add(values, prefix + "Usage", "");
            if (isInput)
            {
                Add(values, prefix + "Input.Name", $"Port {Number(port + 1)}");
                Add(values, prefix + "Input.Trig", "closed");
            }
            else
            {
                Add(values, prefix + "Output.Active", "closed");
                Add(values, prefix + "Output.Button", "none");
                Add(values, prefix + "Output.DelayTime", "1");
                Add(values, prefix + "Output.Mode", "bistable");
                Add(values, prefix + "Output.Name", $"Port {Number(port + 1)}");
                Add(values, prefix + "Output.PulseTime", "0");
            }
        }
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Add(Dictionary<string, string> values, string name, string value) => values[name] = value;
}
