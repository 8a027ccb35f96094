using Microsoft.Extensions.Configuration;

namespace AxisEmulator.Hosting;

/// <summary>
/// The configuration <c>serve</c> starts from: appsettings.json next to the executable, then
/// environment variables (<c>Emulator__StateDir</c>, <c>Logging__LogLevel__Default</c>…). Relative
/// paths in it, such as the state directory, are resolved against the working directory.
/// </summary>
public static class EmulatorConfiguration
{
    public const string FileName = "appsettings.json";

    public static IConfiguration Load() =>
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile(FileName, optional: true, reloadOnChange: false)
            .AddEnvironmentVariables()
            .Build();
}
