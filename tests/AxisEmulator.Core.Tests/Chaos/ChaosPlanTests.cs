using AxisEmulator.Core.Chaos;

namespace AxisEmulator.Core.Tests.Chaos;

public class ChaosPlanTests
{
    private static readonly IReadOnlyList<string> Hundred = [.. Enumerable.Range(1, 100).Select(n => $"cam-{n}")];

    private static readonly ChaosOptions Busy = new()
    {
        Seed = 42,
        Duration = TimeSpan.FromHours(6),
        BrownoutsPerHour = 4,
        RebootsPerHour = 3,
        MushyButtonFraction = 0.05,
        BrickedFraction = 0.02,
        NetworkLossesPerHour = 2,
        NetworkLossSeconds = 45,
    };

    [Fact]
    public void The_same_seed_and_devices_give_the_same_plan()
    {
        var first = ChaosPlan.Generate(Busy, Hundred);
        var second = ChaosPlan.Generate(Busy with { }, [.. Hundred]);

        first.Actions.Should().NotBeEmpty();
        second.Actions.Should().Equal(first.Actions);
        second.ToText().Should().Be(first.ToText());
    }

    [Fact]
    public void A_different_seed_gives_a_different_plan()
    {
        var first = ChaosPlan.Generate(Busy, Hundred);
        var other = ChaosPlan.Generate(Busy with { Seed = 43 }, Hundred);

        other.Actions.Should().NotEqual(first.Actions);
    }

    [Fact]
    public void The_order_of_the_devices_is_part_of_the_input()
    {
        var first = ChaosPlan.Generate(Busy, Hundred);
        var reversed = ChaosPlan.Generate(Busy, [.. Hundred.Reverse()]);

        reversed.Actions.Select(a => a.At).Should().Equal(first.Actions.Select(a => a.At), "the times come from the seed alone");
        reversed.Actions.Select(a => a.DeviceId).Should().NotEqual(first.Actions.Select(a => a.DeviceId));
    }

    [Fact]
    public void Is_pinned_for_a_known_seed()
    {
        // Reproducible across machines and runs: System.Random(seed) is a fixed algorithm.
        var plan = ChaosPlan.Generate(new ChaosOptions { Seed = 1, Duration = TimeSpan.FromHours(1), RebootsPerHour = 3 }, ["a", "b", "c"]);

        ChaosPlan.Generate(new ChaosOptions { Seed = 1, Duration = TimeSpan.FromHours(1), RebootsPerHour = 3 }, ["a", "b", "c"]).ToText().Should().Be(plan.ToText());
        plan.ToText().Should().StartWith("# axis-emulator chaos plan v1\n# seed=1 duration=1h brownoutsPerHour=0 rebootsPerHour=3 mushyButtonFraction=0 brickedFraction=0 networkLossesPerHour=0 networkLossSeconds=30 devices=3 actions=");
    }

    [Fact]
    public void Rates_are_respected_over_a_long_run()
    {
        var options = new ChaosOptions
        {
            Seed = 7,
            Duration = TimeSpan.FromHours(200),
            BrownoutsPerHour = 10,
            RebootsPerHour = 5,
            NetworkLossesPerHour = 3,
            NetworkLossSeconds = 20,
            MushyButtonFraction = 0.1,
            BrickedFraction = 0.03,
        };

        var plan = ChaosPlan.Generate(options, Hundred);

        int Count(ChaosActionKind kind) => plan.Actions.Count(a => a.Kind == kind);
        Count(ChaosActionKind.Brownout).Should().BeInRange(1800, 2200);
        Count(ChaosActionKind.Reboot).Should().BeInRange(900, 1100);
        Count(ChaosActionKind.NetworkLoss).Should().BeInRange(540, 660);
        Count(ChaosActionKind.MushyButton).Should().Be(10);
        Count(ChaosActionKind.Brick).Should().Be(3);
        plan.Actions.Where(a => a.Kind is ChaosActionKind.MushyButton).Select(a => a.DeviceId).Should().OnlyHaveUniqueItems();

        plan.Actions.Select(a => a.At).Should().BeInAscendingOrder();
        plan.Actions.Should().OnlyContain(a => a.At >= TimeSpan.Zero && a.At < options.Duration && a.At.Ticks % TimeSpan.TicksPerMillisecond == 0);
        plan.Actions.Where(a => a.Kind == ChaosActionKind.Brownout).Should().OnlyContain(a => a.Seconds >= 1 && a.Seconds <= 5);
        plan.Actions.Where(a => a.Kind == ChaosActionKind.NetworkLoss).Should().OnlyContain(a => a.Seconds == 20);

        // Spread over the run and over the fleet, not bunched.
        var firstHalf = plan.Actions.Count(a => a.Kind == ChaosActionKind.Brownout && a.At < TimeSpan.FromHours(100));
        firstHalf.Should().BeInRange(850, 1150);
        plan.Actions.Where(a => a.Kind == ChaosActionKind.Brownout).Select(a => a.DeviceId).Distinct().Should().HaveCount(100);
    }

    [Fact]
    public void Changing_one_rate_leaves_the_other_kinds_where_they_were()
    {
        var plan = ChaosPlan.Generate(Busy, Hundred);
        var moreReboots = ChaosPlan.Generate(Busy with { RebootsPerHour = 30 }, Hundred);

        moreReboots.Actions.Where(a => a.Kind != ChaosActionKind.Reboot).Should().Equal(plan.Actions.Where(a => a.Kind != ChaosActionKind.Reboot));
    }

    [Fact]
    public void No_devices_or_no_rates_give_an_empty_plan()
    {
        ChaosPlan.Generate(Busy, []).Actions.Should().BeEmpty();
        ChaosPlan.Generate(new ChaosOptions(), Hundred).Actions.Should().BeEmpty();
    }

    [Fact]
    public void The_text_form_round_trips()
    {
        var plan = ChaosPlan.Generate(Busy, Hundred);
        var text = plan.ToText();

        var back = ChaosPlan.Parse(text);

        back.Options.Should().Be(plan.Options);
        back.DeviceCount.Should().Be(100);
        back.Actions.Should().Equal(plan.Actions);
        back.ToText().Should().Be(text);
        text.Split('\n').Skip(2).First().Should().MatchRegex(@"^\+\d+:\d\d:\d\d\.\d{3} cam-\d+ [a-z-]+( [0-9.]+s)?$");
    }

    [Fact]
    public void The_json_form_round_trips()
    {
        var plan = ChaosPlan.Generate(Busy with { Duration = TimeSpan.FromMinutes(90), NetworkLossSeconds = 12.5 }, Hundred);

        var back = ChaosPlan.FromJson(plan.ToJson());

        back.Options.Should().Be(plan.Options);
        back.Actions.Should().Equal(plan.Actions);
        plan.ToJson().Should().Contain("\"action\": \"network-loss\"").And.Contain("\"atSeconds\"");
    }

    [Fact]
    public void A_hand_written_plan_parses()
    {
        var plan = ChaosPlan.Parse("""
            # axis-emulator chaos plan v1
            # seed=0 duration=10m brownoutsPerHour=0 rebootsPerHour=0 mushyButtonFraction=0 brickedFraction=0 networkLossesPerHour=0 networkLossSeconds=30 devices=2 actions=3
            +0:00:05.000 lobby-1 brownout 2.5s
            # a comment
            +0:01:00.250 lobby-2 network-loss 60s
            +0:02:00.000 lobby-1 brick
            """);

        plan.Actions.Should().Equal(
            new ChaosAction(TimeSpan.FromSeconds(5), "lobby-1", ChaosActionKind.Brownout, 2.5),
            new ChaosAction(TimeSpan.FromMilliseconds(60_250), "lobby-2", ChaosActionKind.NetworkLoss, 60),
            new ChaosAction(TimeSpan.FromMinutes(2), "lobby-1", ChaosActionKind.Brick));
        plan.Options.Duration.Should().Be(TimeSpan.FromMinutes(10));
    }

    public static TheoryData<string, string> BadTexts() => new()
    {
        { "hello", "line 1: a chaos plan starts with" },
        { "# axis-emulator chaos plan v1\n# seed=x duration=1h brownoutsPerHour=0 rebootsPerHour=0 mushyButtonFraction=0 brickedFraction=0 networkLossesPerHour=0 networkLossSeconds=30 devices=1 actions=0", "line 2: seed=x is not a whole number" },
        { "# axis-emulator chaos plan v1\n# seed=1 brownoutsPerHour=0", "line 2: the header lacks duration=" },
        { Header(1) + "+0:00:01.000 a explode", "line 3: unknown action 'explode'" },
        { Header(1) + "+0:00:01.000 a brownout", "line 3: brownout needs its length in seconds" },
        { Header(1) + "+0:00:01.000 a reboot 3s", "line 3: reboot takes no length" },
        { Header(1) + "0:00:01.000 a reboot", "line 3: expected '+H:MM:SS.fff device action [seconds]'" },
        { Header(1) + "+0:99:01.000 a reboot", "line 3: '+0:99:01.000' is not an offset" },
        { Header(2) + "+0:00:01.000 a reboot", "line 2: the header announces 2 actions but the plan lists 1" },
    };

    [Theory]
    [MemberData(nameof(BadTexts))]
    public void A_malformed_text_says_which_line(string text, string expected)
    {
        var act = () => ChaosPlan.Parse(text);

        act.Should().Throw<FormatException>().Which.Message.Should().StartWith(expected);
    }

    [Fact]
    public void Bad_options_and_device_lists_are_refused()
    {
        new ChaosOptions { BrownoutsPerHour = -1, MushyButtonFraction = 2, NetworkLossSeconds = 0, Duration = TimeSpan.Zero }.Validate()
            .Should().HaveCount(4);
        new ChaosOptions { RebootsPerHour = double.NaN }.Validate().Should().ContainSingle().Which.Should().StartWith("rebootsPerHour must be 0 or more");
        new ChaosOptions { Duration = TimeSpan.FromDays(30), RebootsPerHour = 10_000 }.Validate().Should().ContainSingle().Which.Should().Contain("at most 1000000 are allowed");

        var invalid = () => ChaosPlan.Generate(new ChaosOptions { BrickedFraction = -0.5 }, Hundred);
        invalid.Should().Throw<ArgumentException>().WithMessage("*brickedFraction must be between 0 and 1*");
        var twice = () => ChaosPlan.Generate(Busy, ["a", "b", "a"]);
        twice.Should().Throw<ArgumentException>().WithMessage("*'a' appears twice*");
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("30m", 1800)]
    [InlineData("2h", 7200)]
    [InlineData("1.5h", 5400)]
    [InlineData("1d", 86400)]
    [InlineData("500ms", 0.5)]
    public void Durations_read_as_people_write_them(string text, double seconds)
    {
        ChaosDuration.Parse(text).Should().Be(TimeSpan.FromSeconds(seconds));
        ChaosDuration.Parse(ChaosDuration.Format(TimeSpan.FromSeconds(seconds))).Should().Be(TimeSpan.FromSeconds(seconds));
    }

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("-5m")]
    [InlineData("1 week")]
    [InlineData("ms")]
    public void Non_durations_are_refused(string text)
    {
        ChaosDuration.TryParse(text, out var problem).Should().BeNull();
        problem.Should().Contain("is not a duration");
    }

    private static string Header(int actions) =>
        $"# axis-emulator chaos plan v1\n# seed=1 duration=1h brownoutsPerHour=0 rebootsPerHour=0 mushyButtonFraction=0 brickedFraction=0 networkLossesPerHour=0 networkLossSeconds=30 devices=1 actions={actions}\n";
}
