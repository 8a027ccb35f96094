namespace AxisEmulator.Control.Tests.Api;

public sealed class HealthAndProfilesApiTests : IAsyncLifetime
{
    private ControlApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ControlApiHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Healthz_answers_healthy()
    {
        var health = await _host.GetJsonAsync("/healthz");
        health.ToJsonString().Should().Be("""{"status":"healthy"}""");
    }

    [Fact]
    public async Task Profiles_lists_every_shipped_profile_sorted_with_its_facts()
    {
        var profiles = (await _host.GetJsonAsync("/api/v1/profiles")).AsArray();

        profiles.Select(p => p!.Str("id")).Should().Equal(ControlApiHost.Profiles.Ids);
        var dome = profiles.Single(p => p!.Str("id") == "P3265-LVE")!;
        dome.Str("model").Should().Be("P3265-LVE");
        dome.Str("family").Should().Be("P32 fixed dome");
        dome.Str("formFactor").Should().Be("dome");
        dome.Str("productFullName").Should().Be("AXIS P3265-LVE Dome Camera");
        dome.Str("firmware.version").Should().Be("11.11.192");
        dome.Str("firmware.personality").Should().Be("os11");
        dome.Num("poeClass").Should().Be(3);
        dome.Num("reset.holdMinSeconds").Should().Be(15);
        dome.Num("reset.holdMaxSeconds").Should().Be(30);
        dome.Str("reset.lateRelease").Should().Be("reset");
        dome.Get("estimates")!.AsArray().Select(e => e!.GetValue<string>()).Should().Contain("boot.readySeconds");
        dome.Has("dcVolts").Should().BeFalse("nulls are left out");
    }

    [Fact]
    public async Task Form_factors_and_dc_ranges_read_as_kebab_case_and_figures()
    {
        var profiles = (await _host.GetJsonAsync("/api/v1/profiles")).AsArray();
        var m1011 = profiles.Single(p => p!.Str("id") == "M1011")!;
        m1011.Has("poeClass").Should().BeFalse();
        m1011.Num("dcVolts.min").Should().Be(4.75);
        profiles.Select(p => p!.Str("formFactor")).Should().OnlyContain(f => !f.Any(char.IsUpper) && !f.Contains(' '));
    }

    [Fact]
    public async Task A_profile_is_found_by_id_case_insensitively()
    {
        var profile = await _host.GetJsonAsync("/api/v1/profiles/p3245-lve-10.12");
        profile.Str("id").Should().Be("P3245-LVE-10.12");
        profile.Str("firmware.personality").Should().Be("os10");
    }

    [Fact]
    public async Task An_unknown_profile_is_404_listing_the_known_ones()
    {
        using var response = await _host.Client.GetAsync("/api/v1/profiles/NOPE-1");
        var problem = await ControlApiHost.ExpectProblemAsync(response, 404);
        problem.Str("detail").Should().Contain("NOPE-1").And.Contain("P3265-LVE");
        problem["knownIds"]!.AsArray().Should().HaveCount(ControlApiHost.Profiles.Ids.Count);
    }

    [Fact]
    public async Task Unknown_routes_and_wrong_methods_answer_problems()
    {
        using var missing = await _host.Client.GetAsync("/api/v1/nothing-here");
        (await ControlApiHost.ExpectProblemAsync(missing, 404)).Str("detail").Should().Contain("GET /api/v1/nothing-here").And.Contain("/api-reference");

        using var wrongMethod = await _host.Client.PatchAsync("/api/v1/profiles", new StringContent("{}"));
        (await ControlApiHost.ExpectProblemAsync(wrongMethod, 405)).Str("detail").Should().Contain("PATCH is not allowed on /api/v1/profiles; allowed: GET");
    }

    [Fact]
    public void Unexpected_exceptions_become_problems_that_keep_their_meaning()
    {
        Problem(new ArgumentException("bad figure")).Should().Be((400, "bad figure"));
        Problem(new InvalidOperationException("A device with id 'x' already exists.")).Should().Be((409, "A device with id 'x' already exists."));
        Problem(new Core.Profiles.UnknownProfileException("X", ["A", "B"])).Status.Should().Be(404);
        Problem(new ObjectDisposedException("clock")).Status.Should().Be(503);
        Problem(new Microsoft.AspNetCore.Http.BadHttpRequestException("Unexpected end of request content.")).Should().Be((400, "Unexpected end of request content."));
        var (status, detail) = Problem(new NotSupportedException("oops"));
        status.Should().Be(500);
        detail.Should().Contain("NotSupportedException").And.Contain("oops");

        static (int Status, string? Detail) Problem(Exception ex)
        {
            var problem = AxisEmulator.Control.Api.UnexpectedErrorFilter.ToProblem(ex);
            return (problem.StatusCode, problem.ProblemDetails.Detail);
        }
    }
}
