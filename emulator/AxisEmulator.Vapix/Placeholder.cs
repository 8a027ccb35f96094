namespace AxisEmulator.Vapix;

internal static class Placeholder;
