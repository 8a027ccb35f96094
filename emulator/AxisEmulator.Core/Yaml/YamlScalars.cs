using System.Text.RegularExpressions;

namespace AxisEmulator.Core.Yaml;

/// <summary>How the YAML 1.2 core schema resolves plain scalars.</summary>
public static partial class YamlScalars
{
    public static bool IsNull(string value) => value is "" or "~" or "null" or "Null" or "NULL";

    public static bool IsBool(string value, out bool result)
    {
        switch (value)
        {
            case "true" or "True" or "TRUE":
                result = true;
                return true;
            case "false" or "False" or "FALSE":
                result = false;
                return true;
            default:
                result = false;
                return false;
        }
    }

    /// <summary>Any number the core schema recognises, including hex, octal, .inf and .nan.</summary>
    public static bool IsAnyNumber(string value) => CoreNumber().IsMatch(value);

    /// <summary>A decimal integer or float (no hex/octal/inf/nan).</summary>
    public static bool IsDecimal(string value) => DecimalNumber().IsMatch(value);

    public static bool IsInteger(string value) => DecimalInteger().IsMatch(value);

    /// <summary>The kind a plain scalar resolves to, for messages ("a number", "a boolean", "null").</summary>
    public static string Describe(YScalar scalar)
    {
        ArgumentNullException.ThrowIfNull(scalar);
        if (!scalar.Plain)
        {
            return $"the string '{scalar.Value}'";
        }

        if (IsNull(scalar.Value))
        {
            return "null";
        }

        if (IsBool(scalar.Value, out _))
        {
            return $"the boolean {scalar.Value}";
        }

        return IsAnyNumber(scalar.Value) ? $"the number {scalar.Value}" : $"'{scalar.Value}'";
    }

    [GeneratedRegex(@"^([-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$", RegexOptions.CultureInvariant)]
    private static partial Regex CoreNumber();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalNumber();

    [GeneratedRegex(@"^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalInteger();
}
