using System.Runtime.CompilerServices;
using AxisEmulator.Core.Devices;
using SkiaSharp;

namespace AxisEmulator.Vapix.Media;

/// <summary>
/// The picture an emulated camera "sees": colour bars with the model and serial (recorded once per
/// device as a resolution-free picture) and, drawn per frame, the device's clock and boot phase.
/// </summary>
internal sealed class TestCard
{
    /// <summary>The card is designed on a 1080p canvas and scaled to whatever resolution is asked for.</summary>
    private const float DesignWidth = 1920;
    private const float DesignHeight = 1080;

    private static readonly ConditionalWeakTable<Device, TestCard> Cards = [];

    private static readonly SKColor[] Bars =
    [
        new(192, 192, 192), new(192, 192, 0), new(0, 192, 192), new(0, 192, 0),
        new(192, 0, 192), new(192, 0, 0), new(0, 0, 192),
    ];

    private readonly SKPicture _background;

    private TestCard(string model, string serial)
    {
        using var recorder = new SKPictureRecorder();
        var canvas = recorder.BeginRecording(new SKRect(0, 0, DesignWidth, DesignHeight));
        var barWidth = DesignWidth / Bars.Length;
        using var paint = new SKPaint { IsAntialias = true };
        for (var i = 0; i < Bars.Length; i++)
        {
            paint.Color = Bars[i];
            canvas.DrawRect(i * barWidth, 0, barWidth, DesignHeight, paint);
        }

        paint.Color = new SKColor(0, 0, 0, 200);
        canvas.DrawRect(0, DesignHeight * 0.62f, DesignWidth, DesignHeight * 0.38f, paint);
        paint.Color = SKColors.White;
        using var title = new SKFont(SKTypeface.Default, 96);
        canvas.DrawText(model, DesignWidth / 2, DesignHeight * 0.74f, SKTextAlign.Center, title, paint);
        using var small = new SKFont(SKTypeface.Default, 56);
        canvas.DrawText("S/N " + serial, DesignWidth / 2, DesignHeight * 0.82f, SKTextAlign.Center, small, paint);
        _background = recorder.EndRecording();
    }

    /// <summary>The card of <paramref name="camera"/>, recorded on first use and kept as long as the device lives.</summary>
    public static TestCard For(Device camera) =>
        Cards.GetValue(camera, static c => new TestCard("AXIS " + c.Profile.Model, c.Serial));

    /// <summary>One JPEG frame of <paramref name="width"/> × <paramref name="height"/> at JPEG <paramref name="quality"/> (1-100).</summary>
    public byte[] Render(int width, int height, int quality, string overlay)
    {
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var surface = SKSurface.Create(info) ?? throw new InvalidOperationException($"no surface for {width}x{height}");
        var canvas = surface.Canvas;
        canvas.Scale(width / DesignWidth, height / DesignHeight);
        canvas.DrawPicture(_background);
        using var paint = new SKPaint { IsAntialias = true, Color = SKColors.White };
        using var font = new SKFont(SKTypeface.Default, 56);
        canvas.DrawText(overlay, DesignWidth / 2, DesignHeight * 0.92f, SKTextAlign.Center, font, paint);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }
}
