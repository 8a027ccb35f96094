using AxisEmulator.Hosting;

// Configuration (appsettings.json) is read next to the executable; relative paths such as the
// state directory are resolved against the working directory.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
if (!builder.TryAddAxisEmulator(args, Console.Error))
{
    return 2;
}

await builder.Build().RunAsync();
return Environment.ExitCode;
