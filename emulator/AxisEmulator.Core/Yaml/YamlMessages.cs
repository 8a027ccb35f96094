using AxisEmulator.Core.Validation;

namespace AxisEmulator.Core.Yaml;

/// <summary>Messages every strict file format shares (profiles, fleet files, scenarios).</summary>
public static class YamlMessages
{
    /// <summary>"unknown key 'x' in 'power'; allowed: a, b; did you mean 'y'?"</summary>
    public static string UnknownKey(string key, string where, IReadOnlyList<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        return $"unknown key '{key}' {where}; allowed: {string.Join(", ", allowed)}" + Suggest.DidYouMean(key, allowed);
    }
}
