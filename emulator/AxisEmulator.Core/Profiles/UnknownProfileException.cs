namespace AxisEmulator.Core.Profiles;

/// <summary>Thrown by <see cref="ProfileCatalog.Get"/> for an id the catalog does not hold.</summary>
public sealed class UnknownProfileException : KeyNotFoundException
{
    public UnknownProfileException()
        : this("unknown profile")
    {
    }

    public UnknownProfileException(string message)
        : base(message)
    {
        ProfileId = "";
        KnownIds = [];
    }

    public UnknownProfileException(string message, Exception innerException)
        : base(message, innerException)
    {
        ProfileId = "";
        KnownIds = [];
    }

    public UnknownProfileException(string profileId, IReadOnlyList<string> knownIds)
        : base($"unknown profile '{profileId}'; known: {(knownIds.Count == 0 ? "(none)" : string.Join(", ", knownIds))}")
    {
        ProfileId = profileId;
        KnownIds = knownIds;
    }

    /// <summary>The id that was asked for.</summary>
    public string ProfileId { get; }

    /// <summary>The ids the catalog holds, sorted.</summary>
    public IReadOnlyList<string> KnownIds { get; }
}
