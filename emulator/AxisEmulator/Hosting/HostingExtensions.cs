using AxisEmulator.Core.Profiles;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AxisEmulator.Hosting;

public static class HostingExtensions
{
    /// <summary>
    /// Reads <see cref="EmulatorSettings"/> (command-line switches included), loads the hardware
    /// profiles and registers the <see cref="EmulatorHostedService"/>. On bad input writes one line
    /// to <paramref name="error"/> and returns false: the caller exits with status 2.
    /// </summary>
    public static bool TryAddAxisEmulator(this HostApplicationBuilder builder, string[] args, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(error);
        builder.Configuration.AddCommandLine(args, new Dictionary<string, string>(EmulatorSettings.SwitchMappings, StringComparer.OrdinalIgnoreCase));
        try
        {
            var settings = EmulatorSettings.Read(builder.Configuration);
            var profiles = ProfileCatalog.LoadInstalled();
            profiles.Get(settings.Profile);
            builder.Services.AddSingleton(settings);
            builder.Services.AddSingleton(profiles);
            builder.Services.AddSingleton<EmulatorHostedService>();
            builder.Services.AddHostedService(services => services.GetRequiredService<EmulatorHostedService>());
            return true;
        }
        catch (Exception ex) when (ex is FormatException or ProfileValidationException or UnknownProfileException or DirectoryNotFoundException)
        {
            error.WriteLine($"AxisEmulator: {ex.Message}");
            return false;
        }
    }
}
