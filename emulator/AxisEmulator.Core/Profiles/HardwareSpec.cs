namespace AxisEmulator.Core.Profiles;

/// <summary>
/// The hardware a model's parameter tree and APIs describe: sensors, PTZ, audio channels, lights and
/// storage. A profile that leaves a value out gets the one <see cref="HardwareDefaults"/> derives
/// from the rest of the profile (a video device has one sensor, a PTZ form factor a mechanical PTZ…).
/// </summary>
public sealed record HardwareSpec
{
    /// <summary>Image sensors (or encoder video inputs); 0 for a device without video.</summary>
    public int ImageSources { get; init; }

    public PtzKind Ptz { get; init; }

    public AudioSpec Audio { get; init; } = new();

    /// <summary>Built-in IR illumination (OptimizedIR).</summary>
    public bool Infrared { get; init; }

    /// <summary>Built-in white-light illumination.</summary>
    public bool WhiteLight { get; init; }

    /// <summary>An SD card slot (<c>Storage.S0</c>, <c>SD_DISK</c>).</summary>
    public bool SdCard { get; init; }

    /// <summary>Any built-in illumination, IR or white: what light control drives.</summary>
    public bool HasLight => Infrared || WhiteLight;
}

public enum PtzKind
{
    /// <summary>No pan/tilt/zoom at all.</summary>
    None,

    /// <summary>Pan/tilt/zoom inside the sensor's image (a fixed camera's digital PTZ).</summary>
    Digital,

    /// <summary>A motorised pan/tilt head with optical zoom.</summary>
    Mechanical,
}

/// <summary>Audio channels: inputs (microphone/line in) and outputs (speaker/line out).</summary>
public sealed record AudioSpec
{
    public int Inputs { get; init; }

    public int Outputs { get; init; }

    /// <summary>Audio sources the device lists (<c>AudioSource.A0..</c>): one per input or output channel pair.</summary>
    public int Channels => Math.Max(Inputs, Outputs);
}
