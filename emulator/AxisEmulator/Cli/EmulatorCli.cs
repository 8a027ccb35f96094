using System.CommandLine;
using System.CommandLine.Help;

namespace AxisEmulator.Cli;

/// <summary>
/// The <c>AxisEmulator</c> command line (DESIGN.md §8): <c>serve</c> (also what runs with no command),
/// <c>run</c> and <c>profiles list|show|validate</c>. Everything it prints goes to the writers it is
/// given and the exit code is returned, so tests invoke it in-process.
/// </summary>
public static class EmulatorCli
{
    public const string Name = "AxisEmulator";

    /// <summary>The command tree. A new one per call: commands hold no state, but options are not shared between trees.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand(
            "Emulates Axis network cameras: power rail, control button, LEDs, boot loader and factory reset, "
            + "VAPIX on a loopback listener per device, a control API, and scenarios in virtual time. "
            + "With no command it serves (see 'serve --help'); the serve options work here too.");
        ServeCommand.Configure(root);
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(ProfilesCommand.Create());
        root.Subcommands.Add(LabCommand.Create());
        return root;
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>. Bad arguments print <c>error: …</c> on
    /// <paramref name="error"/> and return <see cref="ExitCodes.InvalidInput"/>; so does any failure a
    /// command did not handle itself. Never throws.
    /// </summary>
    public static async Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            var parsed = Build().Parse(args);
            if (parsed.Errors.Count > 0 && parsed.Action is not HelpAction)
            {
                var help = string.Join(' ', parsed.CommandResult.Command is RootCommand ? [Name] : new[] { Name, parsed.CommandResult.Command.Name });
                foreach (var message in parsed.Errors.Select(e => e.Message.TrimEnd('.')).Distinct(StringComparer.Ordinal))
                {
                    await error.WriteLineAsync($"error: {message} (see '{help} --help')");
                }

                return ExitCodes.InvalidInput;
            }

            var configuration = new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,

                // Ctrl+C and SIGTERM belong to the server's host (it stops gracefully); other commands just end.
                ProcessTerminationTimeout = null,
            };
            return await parsed.InvokeAsync(configuration, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("error: cancelled");
            return ExitCodes.Failure;
        }
        catch (Exception ex)
        {
            // Bad input that surfaced as an exception (a corrupt state file, a port in use, an unknown
            // profile): one clear line, no stack trace.
            await error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.InvalidInput;
        }
    }
}
