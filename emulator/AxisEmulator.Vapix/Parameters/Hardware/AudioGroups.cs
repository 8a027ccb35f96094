using AxisEmulator.Core.Profiles;

namespace AxisEmulator.Vapix.Parameters.Hardware;

/// <summary>
/// <c>Audio</c>, <c>AudioSource.A&lt;n&gt;</c> (one per channel), <c>Properties.Audio</c> (which channels
/// take input, which give output) and <c>Properties.AudioClip</c> (clips need an output). Without audio
/// only <c>Properties.Audio.Audio=no</c> remains.
/// </summary>
internal sealed class AudioGroups : IHardwareGroups
{
    public IReadOnlyList<string> Groups { get; } = ["Audio", "AudioSource", "Properties.Audio", "Properties.AudioClip"];

    public bool Differs(HardwareSpec captured, HardwareSpec wanted) => captured.Audio != wanted.Audio;

    public ParameterTree Shape(ParameterTree tree, HardwareSpec wanted, HardwareTemplates templates)
    {
        var audio = wanted.Audio;
        if (audio.Channels == 0)
        {
            return tree.WithoutGroup("Audio").WithoutGroup("AudioSource").WithoutGroup("Properties.AudioClip")
                .WithoutGroup("Properties.Audio").With("Properties.Audio.Audio", "no");
        }

        tree = NumberedGroups.Resize(tree, "AudioSource", 'A', audio.Channels)
            .With("AudioSource.NbrOfSources", NumberedGroups.Number(audio.Channels))
            .With("Properties.Audio.Audio", "yes");
        tree = NumberedGroups.Resize(tree, "Properties.Audio.Source", 'A', audio.Channels);
        for (var channel = 0; channel < audio.Channels; channel++)
        {
            var source = $"Properties.Audio.Source.A{NumberedGroups.Number(channel)}.";
            tree = tree.With(source + "Input", channel < audio.Inputs ? "yes" : "no")
                .With(source + "Output", channel < audio.Outputs ? "yes" : "no");
        }

        // Documented duplex modes: full/half need both directions; post is speaker only, get microphone only.
        if (audio.Inputs == 0 || audio.Outputs == 0)
        {
            var simplex = audio.Inputs == 0 ? "post" : "get";
            tree = tree.With("Properties.Audio.DuplexMode", simplex);
            if (tree.Contains("Audio.DuplexMode"))
            {
                tree = tree.With("Audio.DuplexMode", simplex);
            }
        }

        return audio.Outputs == 0 ? tree.WithoutGroup("Properties.AudioClip") : tree;
    }
}
