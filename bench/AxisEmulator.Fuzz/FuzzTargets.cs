using System.Text;
using AxisEmulator.Control.Scenarios;
using AxisEmulator.Core.Fleet;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Vapix.Auth;
using AxisEmulator.Vapix.Forms;
using AxisEmulator.Vapix.Server;

namespace AxisEmulator.Fuzz;

/// <summary>
/// One parser under fuzzing: what it is fed (the bytes of one input) and the exception types its
/// contract allows. Any other exception is a crash: the fuzzer reports it, the corpus replay fails.
/// </summary>
public sealed record FuzzTarget(string Name, string Feeds, Action<byte[]> Run, params Type[] DocumentedErrors)
{
    /// <summary>Runs the input; null when it passed or failed the documented way, else the exception.</summary>
    public Exception? Check(byte[] input)
    {
        try
        {
            Run(input);
            return null;
        }
        catch (Exception ex) when (DocumentedErrors.Any(type => type.IsInstanceOfType(ex)))
        {
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }
}

/// <summary>The parsers that read what a client or a file sends, each as a target (their names are the corpus folders).</summary>
public sealed class FuzzTargets : IDisposable
{
    private readonly ProfileCatalog _profiles;
    private readonly string _scratch = Directory.CreateTempSubdirectory("axis-fuzz-").FullName;

    /// <param name="profiles">The catalog scenario and fleet files name profiles from (the shipped one).</param>
    public FuzzTargets(ProfileCatalog profiles)
    {
        _profiles = profiles;
        All =
        [
            new("digest", "an Authorization header value (Digest, Basic, anything)", Digest),
            new("form", "a query string, a newline, then a url-encoded body", Form),
            new("target", "a raw HTTP request target (path and query as on the request line)", Target),
            new("multipart", "a boundary on the first line, then a firmware upload body", Multipart, typeof(BodyTooLargeException)),
            new("profile", "a hardware-profile YAML file", Profile),
            new("scenario", "a scenario YAML file", Scenario),
            new("fleet", "a fleet YAML file", Fleet),
        ];
    }

    public IReadOnlyList<FuzzTarget> All { get; }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    public FuzzTarget this[string name] => All.FirstOrDefault(t => t.Name == name)
        ?? throw new ArgumentException($"no fuzz target '{name}'; known: {string.Join(", ", All.Select(t => t.Name))}");

    private static void Digest(byte[] input)
    {
        var header = AuthorizationHeader.Parse(Encoding.Latin1.GetString(input));
        if (header is not null)
        {
            _ = header.IsScheme("Digest") ? header.Credentials.Length : 0;
            foreach (var name in new[] { "username", "realm", "nonce", "uri", "response", "qop", "nc", "cnonce", "algorithm", "opaque" })
            {
                _ = header[name];
            }
        }
    }

    private static void Form(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        var split = text.IndexOf('\n', StringComparison.Ordinal);
        var fields = split < 0 ? FormFields.Parse(text) : FormFields.Parse(text[..split], text[(split + 1)..]);
        foreach (var (key, _) in fields.All)
        {
            _ = fields[key];
        }
    }

    private static void Target(byte[] input) => RequestTarget.Parse(Encoding.Latin1.GetString(input));

    private static void Multipart(byte[] input)
    {
        var split = Array.IndexOf(input, (byte)'\n');
        if (split <= 0)
        {
            return;
        }

        var boundary = Encoding.ASCII.GetString(input, 0, split).Trim();
        if (boundary.Length is 0 or > 200)
        {
            return; // the CGI passes 1-200 characters only
        }

        using var body = new MemoryStream(input, split + 1, input.Length - split - 1);
        FirmwareManagementCgi.ReadUploadAsync(body, boundary, CancellationToken.None).GetAwaiter().GetResult();
    }

    private void Profile(byte[] input)
    {
        var path = Path.Combine(_scratch, "fuzzed.yaml");
        File.WriteAllBytes(path, input);
        ProfileLoader.ReadFile(path);
    }

    private void Scenario(byte[] input) => ScenarioParser.Read(Encoding.UTF8.GetString(input), "fuzzed.yaml", _profiles);

    private void Fleet(byte[] input) => FleetFile.TryParse(Encoding.UTF8.GetString(input), _profiles, "fuzzed.yaml", out _);
}
