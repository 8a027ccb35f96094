namespace AxisEmulator.Vapix.ServedApis;

/// <summary>
/// The documented read call of an API: what a client sends to find out whether the API answers
/// (a JSON method, or a GET for the key=value CGIs, REST and stream endpoints).
/// </summary>
/// <param name="HttpMethod">GET or POST.</param>
/// <param name="Target">Path and query.</param>
/// <param name="JsonBody">The JSON request of a JSON CGI; null for GET probes.</param>
public sealed record ApiProbe(string HttpMethod, string Target, string? JsonBody = null)
{
    /// <summary>A JSON CGI's read method, in apiVersion 1.0 (every device answers its own minor of major 1).</summary>
    public static ApiProbe Json(string path, string method, string major = "1.0") =>
        new("POST", path, $$"""{"apiVersion":"{{major}}","context":"walk","method":"{{method}}"}""");

    public static ApiProbe Get(string target) => new("GET", target);
}
