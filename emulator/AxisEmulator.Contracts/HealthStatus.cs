using System.Text.Json.Serialization;

namespace AxisEmulator.Contracts;

/// <summary><c>GET /healthz</c>.</summary>
public sealed record HealthStatus(string Status)
{
    [JsonIgnore]
    public bool IsHealthy => string.Equals(Status, "healthy", StringComparison.OrdinalIgnoreCase);
}
