using AxisEmulator.Control.Api;
using AxisEmulator.Control.Events;
using AxisEmulator.Control.Metrics;
using AxisEmulator.Core.Fleet;
using Microsoft.Extensions.DependencyInjection;

namespace AxisEmulator.Control;

public static class ControlPlaneServiceCollectionExtensions
{
    /// <summary>
    /// Registers the control plane over <paramref name="emulator"/> (and the devices' listeners, when the
    /// host runs them, so device states show each real endpoint): the JSON conventions, problem details,
    /// the event hub, the OpenAPI document <c>v1</c>. The caller keeps ownership of the emulator and the
    /// listeners. Then map it with <see cref="ControlPlaneEndpointExtensions.MapControlApi(Microsoft.AspNetCore.Builder.WebApplication)"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The options are contradictory (a token required but none given).</exception>
    public static IServiceCollection AddAxisEmulatorControl(this IServiceCollection services, Emulator emulator, IDeviceEndpoints? listeners = null, ControlOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(emulator);
        options ??= new ControlOptions();
        options.Validate();

        services.AddSingleton(options);
        services.AddSingleton(sp => new ControlPlane(emulator, listeners, options));
        services.AddSingleton(sp => new TimelineEventHub(emulator));
        services.AddClockLateness(emulator);
        services.AddAxisEmulatorMetrics(emulator, options.RuntimeMetrics);
        services.AddSingleton<ControlAccessFilter>();
        services.ConfigureHttpJsonOptions(json => ControlJson.Apply(json.SerializerOptions));
        services.AddProblemDetails(problems =>
        {
            var previous = problems.CustomizeProblemDetails;
            problems.CustomizeProblemDetails = context =>
            {
                previous?.Invoke(context);
                context.ProblemDetails.Detail ??= Problems.DefaultDetail(context.HttpContext, context.ProblemDetails.Status);
            };
        });
        services.AddControlOpenApi();
        return services;
    }
}
