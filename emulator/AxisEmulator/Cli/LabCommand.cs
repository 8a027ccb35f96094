using System.CommandLine;
using AxisEmulator.Hosting;
using AxisEmulator.Lab;

namespace AxisEmulator.Cli;

/// <summary><c>lab exec|shell|down</c>: the tool's side of a network lab that <c>serve --network lab</c> runs, and its removal.</summary>
public static class LabCommand
{
    public static Command Create()
    {
        var exec = new Command("exec", "Run COMMAND inside the lab's client namespace, on the cameras' segment (e.g. lab exec -- curl http://192.168.0.90/axis-cgi/basicdeviceid.cgi); exits with its status");
        var command = new Argument<string[]>("command") { Arity = ArgumentArity.OneOrMore, HelpName = "COMMAND", Description = "The program and its arguments (after --)" };
        exec.Arguments.Add(command);
        var execName = NameOption();
        exec.Options.Add(execName);
        exec.SetAction((result, token) => LabClient.RunAsync(Names(result, execName), result.GetRequiredValue(command), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, token));

        var shell = new Command("shell", "An interactive shell ($SHELL, else /bin/sh) inside the lab's client namespace");
        var shellName = NameOption();
        shell.Options.Add(shellName);
        shell.SetAction((result, token) => LabClient.RunAsync(Names(result, shellName), [Environment.GetEnvironmentVariable("SHELL") is { Length: > 0 } sh ? sh : "/bin/sh"], null, null, token));

        var down = new Command("down", "Remove every namespace of the lab (axlab-NAME-*), with their interfaces: what a crashed serve left behind");
        var downName = NameOption();
        down.Options.Add(downName);
        down.SetAction(result =>
        {
            var names = Names(result, downName);
            LabPrivileges.Demand();
            var removed = LabSegment.Remove(names);
            result.InvocationConfiguration.Output.WriteLine(removed.Count == 0 ? $"lab '{names.Lab}': nothing to remove" : $"lab '{names.Lab}': removed {string.Join(", ", removed)}");
            return 0;
        });

        return new Command("lab", "The network lab of 'serve --network lab': run tools on its segment, remove it") { exec, shell, down };
    }

    private static Option<string> NameOption() => new("--lab-name")
    {
        HelpName = "NAME",
        Description = $"Which lab [default: {LabNames.DefaultLab}]",
        DefaultValueFactory = _ => LabNames.DefaultLab,
        CustomParser = r =>
        {
            try
            {
                return EmulatorSettings.ParseLabName(r.Tokens.Count > 0 ? r.Tokens[^1].Value : "");
            }
            catch (FormatException ex)
            {
                r.AddError(ex.Message);
                return LabNames.DefaultLab;
            }
        },
    };

    private static LabNames Names(ParseResult result, Option<string> name) => LabNames.Parse(result.GetValue(name) ?? LabNames.DefaultLab);
}
