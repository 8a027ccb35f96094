using AxisEmulator.Vapix.Auth;
using AxisEmulator.Vapix.Forms;

namespace AxisEmulator.Vapix.Parameters;

/// <summary>
/// Where param.cgi was reached: <c>/axis-cgi/param.cgi</c> and <c>/axis-cgi/admin/param.cgi</c>
/// decide access per parameter; <c>/axis-cgi/view/</c> and <c>/axis-cgi/operator/</c> are the role
/// directories of the device's web server (DOC parameter-management lists all three), which first
/// ask for that role. The viewer directory only lists ([E]: what a device answers to a change there
/// is not captured; a request-failed line, like every other refused param.cgi call).
/// </summary>
public sealed record ParamCgiPath(AccessLevel Minimum, bool ListOnly)
{
    public static ParamCgiPath Shared { get; } = new(AccessLevel.Viewer, ListOnly: false);

    public static ParamCgiPath Viewer { get; } = new(AccessLevel.Viewer, ListOnly: true);

    public static ParamCgiPath Operator { get; } = new(AccessLevel.Operator, ListOnly: false);

    private static readonly HashSet<string> Listings = new(StringComparer.Ordinal) { "list", "listdefinitions" };

    /// <summary>The call's own access (<see cref="ParamCgi.RequiredAccess"/>), at least the directory's role.</summary>
    public AccessLevel RequiredAccess(FormFields args)
    {
        var needed = ParamCgi.RequiredAccess(args);
        return needed > Minimum ? needed : Minimum;
    }

    /// <summary>The error line for an action this directory does not take; null when it does.</summary>
    public string? Refusal(FormFields args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return ListOnly && !Listings.Contains(args["action"] ?? "")
            ? $"# Request failed: Action '{args["action"]}' is not allowed for viewers\n"
            : null;
    }
}
