namespace AxisEmulator.Control.Scenarios;

/// <summary>What a requested scenario file name turned out to be (see <see cref="ScenarioLibrary.Check"/>).</summary>
public enum ScenarioFileCheck
{
    /// <summary>A scenario file in the library's folder: it may be read.</summary>
    Found,

    /// <summary>Not a bare file name: a path (<c>../x.yaml</c>, <c>/etc/x.yaml</c>, <c>a\b.yaml</c>), empty, or with control characters.</summary>
    NotAFileName,

    /// <summary>A link in the folder whose target lies outside it: never read.</summary>
    OutsideTheFolder,

    /// <summary>No such scenario file in the folder (or no folder).</summary>
    Missing,
}
