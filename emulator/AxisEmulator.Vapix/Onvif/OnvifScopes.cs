using System.Xml.Linq;
using static AxisEmulator.Vapix.Onvif.OnvifCall;

namespace AxisEmulator.Vapix.Onvif;

/// <summary>
/// The scopes an Axis unit publishes (M2036-LE ProbeMatch, vapix-facts §10.3): fixed profile and
/// hardware scopes, and configurable name (<c>AXIS%20&lt;model&gt;</c>) and (empty) location
/// scopes that SetScopes replaces and AddScopes extends, stored on the device. Used by GetScopes and
/// by WS-Discovery.
/// </summary>
internal static class OnvifScopes
{
    private const string Prefix = "onvif://www.onvif.org/";

    public static IReadOnlyList<string> Fixed(string model) =>
    [
        Prefix + "Profile/Streaming", Prefix + "Profile/G", Prefix + "hardware/" + Uri.EscapeDataString(model),
        Prefix + "Profile/M", Prefix + "Profile/T",
    ];

    public static IReadOnlyList<string> FactoryConfigurable(string model) =>
        [Prefix + "name/" + Uri.EscapeDataString("AXIS " + model), Prefix + "location/"];

    public static IReadOnlyList<string> Configurable(Server.DeviceView view) =>
        view.Config.OnvifScopes ?? FactoryConfigurable(view.Identity.Model);

    public static IReadOnlyList<string> All(Server.DeviceView view) => [.. Fixed(view.Identity.Model), .. Configurable(view)];

    public static XElement GetScopes(OnvifCall call) => Tds(
        "GetScopesResponse",
        Fixed(call.View.Identity.Model).Select(s => Scope("Fixed", s)),
        Configurable(call.View).Select(s => Scope("Configurable", s)));

    public static XElement SetScopes(OnvifCall call)
    {
        var scopes = Given(call);
        call.Camera.UpdateConfig(config => (config with { OnvifScopes = scopes }, 0), $"onvif: scopes set to {string.Join(' ', scopes)}");
        return Tds("SetScopesResponse");
    }

    public static XElement AddScopes(OnvifCall call)
    {
        var added = Given(call);
        var current = Configurable(call.View);
        var fixedScopes = Fixed(call.View.Identity.Model);
        if (added.FirstOrDefault(s => fixedScopes.Contains(s, StringComparer.Ordinal)) is { } clash)
        {
            throw new SoapFault(true, $"{clash} is a fixed scope", "OperationProhibited", "ScopeOverwrite");
        }

        var scopes = current.Concat(added).Distinct(StringComparer.Ordinal).ToList();
        call.Camera.UpdateConfig(config => (config with { OnvifScopes = scopes }, 0), $"onvif: scopes added {string.Join(' ', added)}");
        return Tds("AddScopesResponse");
    }

    /// <summary>The ScopeItem values: at least one, each an absolute URI, at most 128 (core spec: TooManyScopes).</summary>
    private static List<string> Given(OnvifCall call)
    {
        var scopes = call.Request.Children("Scopes").Concat(call.Request.Children("ScopeItem")).Select(e => e.Value.Trim()).ToList();
        if (scopes.Count == 0)
        {
            throw SoapFault.InvalidArgs("no Scopes given");
        }

        if (scopes.Count > 128)
        {
            throw new SoapFault(false, "too many scopes", "OperationProhibited", "TooManyScopes");
        }

        if (scopes.FirstOrDefault(s => s.Length > 512 || !Uri.TryCreate(s, UriKind.Absolute, out _)) is { } bad)
        {
            throw SoapFault.InvalidArgVal($"'{bad}' is not a scope URI", "InvalidArgVal");
        }

        return scopes;
    }

    private static XElement Scope(string definition, string item) =>
        Tds("Scopes", Tt("ScopeDef", definition), Tt("ScopeItem", item));
}
