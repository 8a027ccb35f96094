using AxisEmulator.Control.Scenarios;
using static AxisEmulator.Control.Tests.Scenarios.ScenarioFixtures;

namespace AxisEmulator.Control.Tests.Scenarios;

/// <summary>
/// expect-event checked when the scenario is loaded (a topic the camera never publishes, an item its
/// events do not carry, a zero deadline: refused with the step's name and line), and consecutive
/// expect-event steps reading one sequence of events.
/// </summary>
public class ExpectEventStepTests
{
    private static string WithSteps(params string[] steps) =>
        "name: test\nsteps:\n" + string.Concat(steps.Select(s => "  - " + s + "\n"));

    [Fact]
    public void A_topic_the_camera_does_not_publish_is_refused_naming_the_step_and_the_published_topics()
    {
        Errors(WithSteps("expect-event: { topic: \"tns1:Device/tnsaxis:Status/SystemRedy\", within: 10s }")).Should().Equal(
            "test.yaml:3: 'expect-event.topic': the camera publishes no topic 'tns1:Device/tnsaxis:Status/SystemRedy' matches; known: "
            + "tns1:Device/tnsaxis:Status/SystemReady, tns1:Device/tnsaxis:Network/AddressAdded, tns1:Device/tnsaxis:Network/AddressRemoved; "
            + "did you mean 'tns1:Device/tnsaxis:Status/SystemReady'?");
        Errors(WithSteps("expect-event: { topic: \"tns1:Device/tnsaxis:IO//.\", within: 10s }")).Should().ContainSingle()
            .Which.Should().StartWith("test.yaml:3: 'expect-event.topic': the camera publishes no topic 'tns1:Device/tnsaxis:IO//.' matches");
    }

    [Fact]
    public void A_data_item_the_topics_events_do_not_carry_is_refused()
    {
        Errors(WithSteps("expect-event: { topic: \"tns1:Device/tnsaxis:Status/SystemReady\", data: { redy: \"1\" }, within: 10s }")).Should().Equal(
            "test.yaml:3: 'expect-event.data.redy': no event on 'tns1:Device/tnsaxis:Status/SystemReady' has that item; its items: ready; did you mean 'ready'?");
        Errors(WithSteps("expect-event: { topic: \"tns1:Device/tnsaxis:Network//.\", data: { ready: \"1\" }, within: 10s }")).Should().Equal(
            "test.yaml:3: 'expect-event.data.ready': no event on 'tns1:Device/tnsaxis:Network//.' has that item; its items: origin, address");
    }

    [Fact]
    public void A_zero_deadline_is_refused()
    {
        Errors(WithSteps("expect-event: { topic: \"tns1:Device//.\", within: 0s }")).Should().Equal(
            "test.yaml:3: 'expect-event.within' must be more than 0s, got 0s: an event is waited for from the step on, so a zero deadline can never pass");
    }

    [Fact]
    public void Subtree_filters_and_known_items_pass()
    {
        Parse(WithSteps(
            "expect-event: { topic: \"tns1:Device//.\", data: { ready: \"1\" }, within: 10s }",
            "expect-event: { topic: \"tns1:Device/tnsaxis:Network/AddressRemoved\", data: { origin: Static, address: 192.168.0.90 }, within: 1ms }"))
            .Steps.Should().AllBeOfType<ExpectEventStep>();
    }

    [Fact]
    public void Consecutive_expect_events_read_one_sequence_so_two_addresses_added_at_one_instant_both_pass_in_order()
    {
        var report = Run("""
            name: both addresses
            device: { profile: P3265-LVE }
            steps:
              - power: on
              - expect-event: { topic: "tns1:Device/tnsaxis:Network/AddressAdded", data: { origin: Link local }, within: 120s }
              - expect-event: { topic: "tns1:Device/tnsaxis:Network/AddressAdded", data: { origin: Static, address: 192.168.0.90 }, within: 1s }
            """);

        report.Failure.Should().BeNull(report.Log);
    }

    [Fact]
    public void Consecutive_expect_events_do_not_match_one_event_twice()
    {
        var report = Run("""
            name: one address, expected twice
            device: { profile: P3265-LVE }
            steps:
              - power: on
              - expect-event: { topic: "tns1:Device/tnsaxis:Network/AddressAdded", data: { origin: Static }, within: 120s }
              - expect-event: { topic: "tns1:Device/tnsaxis:Network/AddressAdded", data: { origin: Static }, within: 10s }
            """);

        report.Outcome.Should().Be(ScenarioOutcome.Failed);
        report.Failure.Should().Contain("timed out after 10");
    }
}
