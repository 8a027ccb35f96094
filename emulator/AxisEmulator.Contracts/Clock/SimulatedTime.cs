using System.Globalization;

namespace AxisEmulator.Contracts;

/// <summary>Formats simulated times relative to the emulator's epoch.</summary>
public static class SimulatedTime
{
    /// <summary>Where every emulator's simulated time starts: 2026-01-01T00:00:00Z.</summary>
    public static DateTimeOffset Epoch { get; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary><c>00:02:03.500</c> (since the epoch), or the full ISO time for times before it.</summary>
    public static string Format(DateTimeOffset time)
    {
        var since = time - Epoch;
        if (since < TimeSpan.Zero)
        {
            return time.ToString("O", CultureInfo.InvariantCulture);
        }

        return since.TotalDays >= 1
            ? since.ToString(@"d\.hh\:mm\:ss\.fff", CultureInfo.InvariantCulture)
            : since.ToString(@"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture);
    }

    /// <summary><c>30 s</c>, <c>2.5 s</c>, <c>2 min</c>, <c>1 min 30 s</c>.</summary>
    public static string Format(TimeSpan span)
    {
        if (span.TotalSeconds < 60)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.###} s");
        }

        var minutes = (int)span.TotalMinutes;
        var seconds = span.TotalSeconds - (minutes * 60);
        return seconds < 0.0005
            ? string.Create(CultureInfo.InvariantCulture, $"{minutes} min")
            : string.Create(CultureInfo.InvariantCulture, $"{minutes} min {seconds:0.###} s");
    }
}
