using System.Diagnostics;

namespace AxisEmulator.Lab;

/// <summary>
/// Runs iproute2's <c>ip</c>, the well-kept tool for namespaces, veth pairs and bridges (rtnetlink by
/// hand would be a second implementation of it). Every call names its namespace with <c>-n</c>, so
/// nothing is ever configured in the host's.
/// </summary>
internal static class IpCommand
{
    /// <summary>Runs <c>ip ARGS…</c> and returns its output; a failure throws with ip's own message.</summary>
    public static string Run(params string[] args)
    {
        var start = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new LabUnavailableException("could not start ip (iproute2)");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new LabUnavailableException("the network lab needs iproute2's ip on the PATH (apt-get install iproute2)", ex);
        }

        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0
                ? output
                : throw new LabUnavailableException($"ip {string.Join(' ', args)}: {errors.Result.Trim()}");
        }
    }

    /// <summary>Runs <c>ip -n NAMESPACE ARGS…</c>.</summary>
    public static string In(string networkNamespace, params string[] args) => Run(["-n", networkNamespace, .. args]);
}
