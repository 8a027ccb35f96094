namespace AxisEmulator.Vapix.Parameters;

/// <summary>
/// What a JSON API kept in parameters decided (port management, stream profiles): the answer, and
/// the parameter changes to store before it is sent (none for reads and refusals).
/// </summary>
public sealed record ParameterOutcome(VapixResponse Response, IReadOnlyList<ParameterChange> Changes);
