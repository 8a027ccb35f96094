namespace AxisEmulator.Core.Config;

/// <summary>A view area's rectangle set with the View area API (<c>setGeometry</c>), in canvas pixels.</summary>
public sealed record ViewAreaGeometry(int Id, int HorizontalOffset, int HorizontalSize, int VerticalOffset, int VerticalSize);
