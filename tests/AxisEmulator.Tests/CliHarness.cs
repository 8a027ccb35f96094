using AxisEmulator.Cli;

namespace AxisEmulator.Tests;

/// <summary>What one in-process run of the command line printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    public string[] OutputLines => Lines(Output);

    public string[] ErrorLines => Lines(Error);

    /// <summary>For assertion messages: everything the command printed.</summary>
    public override string ToString() => $"exit {ExitCode}\n--- output ---\n{Output}\n--- error ---\n{Error}";

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}

/// <summary>Runs <see cref="EmulatorCli"/> in-process with captured writers.</summary>
public static class CliHarness
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await EmulatorCli.InvokeAsync(args, output, error);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}

/// <summary>A temporary directory, deleted on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "axis-emulator-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string name, string text)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, text);
        return file;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
