using System.Globalization;
using AxisEmulator.Core.Profiles;

namespace AxisEmulator.Vapix.Parameters;

/// <summary>
/// The I/O groups sized from the profile: inputs first, then outputs, as ports <c>I0..In</c> named
/// <c>Port 1..n</c>, with the values of the P3245-LVE capture.
/// </summary>
internal static class IoPortParameters
{
    public static Dictionary<string, string> For(IoSpec io)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Input.NbrOfInputs"] = Number(io.Inputs),
            ["Output.NbrOfOutputs"] = Number(io.Outputs),
        };
        for (var port = 0; port < io.Inputs + io.Outputs; port++)
        {
            var prefix = $"IOPort.I{Number(port)}.";
            var isInput = port < io.Inputs;
            values[prefix + "Configurable"] = "no";
            values[prefix + "Direction"] = isInput ? "input" : "output";
            values[prefix + "Usage"] = "";
            var name = $"Port {Number(port + 1)}";
            if (isInput)
            {
                values[prefix + "Input.Name"] = name;
                values[prefix + "Input.Trig"] = "closed";
                continue;
            }

            values[prefix + "Output.Active"] = "closed";
            values[prefix + "Output.Button"] = "none";
            values[prefix + "Output.DelayTime"] = "1";
            values[prefix + "Output.Mode"] = "bistable";
            values[prefix + "Output.Name"] = name;
            values[prefix + "Output.PulseTime"] = "0";
        }

        return values;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
