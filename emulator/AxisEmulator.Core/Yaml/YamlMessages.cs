using AxisEmulator.Core.Validation;

namespace AxisEmulator.Core.Yaml;

/// <summary>Messages every strict file format shares (profiles, fleet files, scenarios).</summary>
public static class YamlMessages
{
    /// <summary>"unknown key 'x' in 'power'; allowed: a, b; did you mean 'y'?"</summary>
    public static string UnknownKey(string key, string where, IReadOnlyList<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        var message = $"unknown key '{key}' {where}; allowed: {string.Join(", ", allowed)}";
        if (Suggest.Closest(key, allowed) is { } guess)
        {
            message += $"; did you mean '{guess}'?";
        }

        return message;
    }
}
