using System.Diagnostics;

namespace AxisEmulator.Lab;

/// <summary>
/// The tool's side of the segment: a program run inside the lab's client namespace (an address on
/// the segment and a link-local one, no route anywhere else), with <c>ip netns exec</c>.
/// </summary>
public static class LabClient
{
    /// <summary>Runs <paramref name="command"/> in the client namespace; its output is copied to the writers (null: the terminal's, for a shell). Returns its exit code.</summary>
    public static async Task<int> RunAsync(LabNames names, IReadOnlyList<string> command, TextWriter? output, TextWriter? error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(command);
        if (command.Count == 0)
        {
            throw new LabUnavailableException("lab exec needs a command after --, e.g. lab exec -- curl http://192.168.0.90/axis-cgi/basicdeviceid.cgi");
        }

        LabPrivileges.Demand();
        if (!NetworkNamespace.Exists(names.Client))
        {
            throw new LabUnavailableException($"no lab '{names.Lab}' is running (no namespace {names.Client}); start one with 'serve --network lab{(names.Lab == LabNames.DefaultLab ? "" : " --lab-name " + names.Lab)}'");
        }

        var redirect = output is not null;
        var start = new ProcessStartInfo("ip") { UseShellExecute = false, RedirectStandardOutput = redirect, RedirectStandardError = redirect };
        foreach (var arg in (string[])["netns", "exec", names.Client, .. command])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new LabUnavailableException("could not start ip (iproute2)");
        Task copying = Task.CompletedTask;
        if (redirect)
        {
            copying = Task.WhenAll(CopyAsync(process.StandardOutput, output!, cancellationToken), CopyAsync(process.StandardError, error ?? output!, cancellationToken));
        }

        await process.WaitForExitAsync(cancellationToken);
        await copying;
        return process.ExitCode;
    }

    private static async Task CopyAsync(StreamReader from, TextWriter to, CancellationToken cancellationToken)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await from.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        await to.FlushAsync(cancellationToken);
    }
}
