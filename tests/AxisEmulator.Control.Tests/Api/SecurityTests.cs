using System.Net;
using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Fleet;
using Microsoft.Extensions.DependencyInjection;

namespace AxisEmulator.Control.Tests.Api;

public sealed class SecurityTests
{
    private static readonly ControlOptions TokenRequired = new() { BearerToken = "s3cret-token", RequireToken = true };

    [Fact]
    public async Task With_a_token_required_api_requests_without_it_are_401()
    {
        await using var host = await ControlApiHost.StartAsync(TokenRequired);
        using var response = await host.Client.GetAsync("/api/v1/devices");
        var problem = await ControlApiHost.ExpectProblemAsync(response, 401);
        problem.Str("detail").Should().Contain("Authorization: Bearer");
        response.Headers.WwwAuthenticate.ToString().Should().StartWith("Bearer");
    }

    [Fact]
    public async Task A_wrong_token_is_401()
    {
        await using var host = await ControlApiHost.StartAsync(TokenRequired);
        host.UseToken("guess");
        using var response = await host.Client.GetAsync("/api/v1/clock");
        (await ControlApiHost.ExpectProblemAsync(response, 401)).Str("detail").Should().Contain("not the one");
    }

    [Fact]
    public async Task The_right_token_opens_the_api()
    {
        await using var host = await ControlApiHost.StartAsync(TokenRequired);
        host.UseToken("s3cret-token");
        (await host.GetJsonAsync("/api/v1/clock")).Str("mode").Should().Be("manual");
        await host.CreateAsync("cam");
    }

    [Fact]
    public async Task The_token_is_checked_before_the_body()
    {
        await using var host = await ControlApiHost.StartAsync(TokenRequired);
        await host.ExpectProblemAsync(HttpMethod.Post, "/api/v1/devices", "{not json", 401);
        host.Emulator.Devices.Should().BeEmpty();
    }

    [Fact]
    public async Task Healthz_stays_open()
    {
        await using var host = await ControlApiHost.StartAsync(TokenRequired);
        (await host.GetJsonAsync("/healthz")).Str("status").Should().Be("healthy");
    }

    [Fact]
    public async Task The_event_stream_needs_the_token_too()
    {
        await using var host = await ControlApiHost.StartAsync(TokenRequired);
        using var response = await host.Client.GetAsync("/api/v1/events", HttpCompletionOption.ResponseHeadersRead);
        ((int)response.StatusCode).Should().Be(401);
    }

    [Fact]
    public void Requiring_a_token_without_one_fails_at_registration()
    {
        using var emulator = new Emulator(new EmulatorOptions { ClockMode = ClockMode.Manual }, ControlApiHost.Profiles);
        var services = new ServiceCollection();
        var register = () => services.AddAxisEmulatorControl(emulator, options: new ControlOptions { RequireToken = true });
        register.Should().Throw<ArgumentException>().WithMessage("*RequireToken*no BearerToken*");
    }

    [Fact]
    public async Task Without_a_token_only_loopback_clients_are_served()
    {
        await using var host = await ControlApiHost.StartAsync();
        var remote = await host.Server.SendAsync(context =>
        {
            context.Request.Method = "GET";
            context.Request.Path = "/api/v1/clock";
            context.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.10");
        });
        remote.Response.StatusCode.Should().Be(403);
        remote.Response.ContentType.Should().Be("application/problem+json");

        var local = await host.Server.SendAsync(context =>
        {
            context.Request.Method = "GET";
            context.Request.Path = "/api/v1/clock";
            context.Connection.RemoteIpAddress = IPAddress.Loopback;
        });
        local.Response.StatusCode.Should().Be(200);
    }

    [Fact]
    public async Task With_a_token_remote_clients_are_served()
    {
        await using var host = await ControlApiHost.StartAsync(TokenRequired);
        var remote = await host.Server.SendAsync(context =>
        {
            context.Request.Method = "GET";
            context.Request.Path = "/api/v1/clock";
            context.Request.Headers.Authorization = "Bearer s3cret-token";
            context.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.10");
        });
        remote.Response.StatusCode.Should().Be(200);
    }
}
