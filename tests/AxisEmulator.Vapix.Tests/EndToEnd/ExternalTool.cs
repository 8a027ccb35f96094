namespace AxisEmulator.Vapix.Tests.EndToEnd;

/// <summary>The result of a client run as a child process.</summary>
public sealed record ToolResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}";
}

/// <summary>
/// Real clients as child processes (Debian's curl and python3 with python3-requests). A missing tool
/// fails the test with the package to install; it is never skipped silently.
/// </summary>
internal static class ExternalTool
{
    /// <summary>The Debian python: the one python3-requests installs into (a pyenv python3 on PATH may lack it).</summary>
    public const string Python = "/usr/bin/python3";

    public const string Curl = "/usr/bin/curl";

    private static readonly Lazy<string?> PythonProblem = new(() =>
    {
        if (!File.Exists(Python))
        {
            return $"{Python} not found: install the Debian packages python3 and python3-requests (apt-get install -y python3-requests)";
        }

        var check = RunAsync(Python, ["-c", "import requests, requests.auth; print(requests.__version__)"]).GetAwaiter().GetResult();
        return check.ExitCode == 0 ? null : $"{Python} cannot import requests: install the Debian package python3-requests (apt-get install -y python3-requests)\n{check}";
    });

    private static readonly Lazy<string?> WebsocketProblem = new(() =>
    {
        var check = RunAsync(Python, ["-c", "import websocket, requests"]).GetAwaiter().GetResult();
        return check.ExitCode == 0 ? null : $"{Python} cannot import websocket: install the Debian packages python3-websocket and python3-requests (apt-get install -y python3-websocket python3-requests)\n{check}";
    });

    /// <summary>Debian's websocket-client (python3-websocket), with requests beside it.</summary>
    public static void RequirePythonWebsocket()
    {
        if (WebsocketProblem.Value is { } problem)
        {
            Assert.Fail(problem);
        }
    }

    public static void RequireCurl()
    {
        if (!File.Exists(Curl))
        {
            Assert.Fail($"{Curl} not found: install the Debian package curl (apt-get install -y curl)");
        }
    }

    public static void RequirePythonRequests()
    {
        if (PythonProblem.Value is { } problem)
        {
            Assert.Fail(problem);
        }
    }

    public static async Task<ToolResult> RunAsync(string file, IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        var result = await PeerProcess.RunAsync(file, arguments, timeout);
        return new ToolResult(result.ExitCode, result.Stdout, result.Stderr);
    }
}
