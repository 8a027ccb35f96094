using AxisEmulator.Cli;

// The command line (serve, run, profiles) lives in Cli/; the server it starts in Hosting/.
return await EmulatorCli.InvokeAsync(args, Console.Out, Console.Error);
