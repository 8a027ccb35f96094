using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AxisEmulator.Vapix.Hosting;

/// <summary>
/// The services Kestrel's own pieces ask its options for (TLS asks for Kestrel's metrics, which only
/// <c>UseKestrelCore</c> registers): the shared device server runs without a web host, so this
/// collects what <c>UseKestrelCore</c> adds, and nothing else a host would bring.
/// </summary>
internal static class KestrelServices
{
    public static IServiceProvider Build()
    {
        var services = new ServiceCollection().AddLogging().AddMetrics();
        new ServicesOnly(services).UseKestrelCore();
        return services.BuildServiceProvider();
    }

    /// <summary>A web host builder that only ever configures services (what <c>UseKestrelCore</c> does with it).</summary>
    private sealed class ServicesOnly(IServiceCollection services) : IWebHostBuilder
    {
        private readonly WebHostBuilderContext _context = new() { Configuration = new ConfigurationBuilder().Build() };

#pragma warning disable ASPDEPR008 // the interface requires it; never called
        public IWebHost Build() => throw new NotSupportedException("only services are collected");
#pragma warning restore ASPDEPR008

        public IWebHostBuilder ConfigureAppConfiguration(Action<WebHostBuilderContext, IConfigurationBuilder> configureDelegate) => this;

        public IWebHostBuilder ConfigureServices(Action<IServiceCollection> configureServices)
        {
            configureServices(services);
            return this;
        }

        public IWebHostBuilder ConfigureServices(Action<WebHostBuilderContext, IServiceCollection> configureServices)
        {
            configureServices(_context, services);
            return this;
        }

        public string? GetSetting(string key) => null;

        public IWebHostBuilder UseSetting(string key, string? value) => this;
    }
}
