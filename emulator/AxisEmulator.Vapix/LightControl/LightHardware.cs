using AxisEmulator.Core.Profiles;

namespace AxisEmulator.Vapix.LightControl;

/// <summary>A light the Light control API drives: its <c>lightID</c> and <c>lightType</c> (IR or White).</summary>
public sealed record Light(string Id, string Type, int LedCount);

/// <summary>
/// The lights a model has, from its profile's <c>hardware</c> block (<c>infrared</c>, <c>whiteLight</c>):
/// the one place light control asks. [E] one light of one LED group per kind, IR first as
/// <c>led0</c> (the popular Python client's fixture); the "White" type text is modelled.
/// </summary>
public static class LightHardware
{
    public static IReadOnlyList<Light> LightsOf(HardwareProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var kinds = new List<string>();
        if (profile.Hardware.Infrared)
        {
            kinds.Add("IR");
        }

        if (profile.Hardware.WhiteLight)
        {
            kinds.Add("White");
        }

        return [.. kinds.Select((kind, i) => new Light($"led{i}", kind, 1))];
    }

    public static bool HasLight(HardwareProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.Hardware.HasLight;
    }
}
