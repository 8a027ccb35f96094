using System.Diagnostics;
using System.Globalization;
using FluentAssertions;
using FluentAssertions.Collections;
using FluentAssertions.Execution;

namespace AxisEmulator.Testing;

/// <summary>
/// What a device's timeline shows: a factory reset, the phases it went through, how a button release
/// was judged, brown-outs, button dropouts. Failure messages list the timeline. Every FluentAssertions
/// collection assertion works too (<c>OnlyContain</c>, <c>ContainSingle</c>…).
/// </summary>
[DebuggerNonUserCode]
public sealed class TimelineAssertions(IReadOnlyList<TimelineEntry> subject, string? deviceId) : GenericCollectionAssertions<IReadOnlyList<TimelineEntry>, TimelineEntry, TimelineAssertions>(subject)
{
    /// <summary>Most entries listed in a failure message (the latest ones).</summary>
    private const int ListedEntries = 40;

    protected override string Identifier => "timeline";

    /// <summary>The device restored its factory defaults (a <c>factory-reset</c> entry, from the button or the network).</summary>
    [CustomAssertion]
    public AndWhichConstraint<TimelineAssertions, TimelineEntry> ShowFactoryReset(string because = "", params object[] becauseArgs) =>
        ShowEvent("factory-reset", because, becauseArgs);

    /// <summary>The device did not restore its factory defaults.</summary>
    [CustomAssertion]
    public AndConstraint<TimelineAssertions> NotShowFactoryReset(string because = "", params object[] becauseArgs) =>
        NotShowEvent("factory-reset", because, becauseArgs);

    /// <summary>An entry named <paramref name="eventName"/> (<c>reset-window-open</c>, <c>system-ready</c>, <c>dropout</c>…); <c>Which</c> is the first.</summary>
    [CustomAssertion]
    public AndWhichConstraint<TimelineAssertions, TimelineEntry> ShowEvent(string eventName, string because = "", params object[] becauseArgs)
    {
        var match = Entries.FirstOrDefault(e => e.Event == eventName);
        Fail(match is not null, $"to show {eventName}", $"there is no {eventName} entry", because, becauseArgs);
        return new AndWhichConstraint<TimelineAssertions, TimelineEntry>(this, match!);
    }

    /// <summary>No entry named <paramref name="eventName"/>.</summary>
    [CustomAssertion]
    public AndConstraint<TimelineAssertions> NotShowEvent(string eventName, string because = "", params object[] becauseArgs)
    {
        var match = Entries.FirstOrDefault(e => e.Event == eventName);
        Fail(match is null, $"not to show {eventName}", $"it does: {match?.Describe()}", because, becauseArgs);
        return new AndConstraint<TimelineAssertions>(this);
    }

    /// <summary>
    /// The device entered <paramref name="phases"/> in this order (other phases may come between), e.g.
    /// <c>ShowPhases("bootloader", "reset-hold", "reset-armed", "factory-resetting", "booting", "ready")</c>.
    /// </summary>
    [CustomAssertion]
    public AndConstraint<TimelineAssertions> ShowPhases(params DevicePhase[] phases) => ShowPhasesInOrder(phases, "", []);

    /// <inheritdoc cref="ShowPhases(DevicePhase[])"/>
    [CustomAssertion]
    public AndConstraint<TimelineAssertions> ShowPhasesInOrder(IEnumerable<DevicePhase> phases, string because = "", params object[] becauseArgs)
    {
        ArgumentNullException.ThrowIfNull(phases);
        var wanted = phases.ToList();
        var entered = Entries.Select(e => e.PhaseEntered).OfType<DevicePhase>().ToList();
        var found = 0;
        foreach (var phase in entered)
        {
            if (found < wanted.Count && phase == wanted[found])
            {
                found++;
            }
        }

        Fail(
            found == wanted.Count,
            $"to show the phases {string.Join(" → ", wanted)} in that order",
            found < wanted.Count ? $"{wanted[found]} does not follow {(found == 0 ? "the start" : wanted[found - 1].ToString())}; the phases were {(entered.Count == 0 ? "none" : string.Join(" → ", entered))}" : "",
            because,
            becauseArgs);
        return new AndConstraint<TimelineAssertions>(this);
    }

    /// <summary>
    /// A button release judged <paramref name="outcome"/> (<c>too-early</c>, <c>factory-reset</c>,
    /// <c>too-late-reset</c>, <c>too-late-abort</c>); <c>Which</c> is that <c>reset-release</c> entry (held seconds, margin…).
    /// </summary>
    [CustomAssertion]
    public AndWhichConstraint<TimelineAssertions, TimelineEntry> ShowResetRelease(string outcome, string because = "", params object[] becauseArgs)
    {
        var releases = Entries.Where(e => e.Event is "reset-release" or "reset-window-closed").ToList();
        var match = releases.FirstOrDefault(e => e.GetString("outcome") == outcome);
        Fail(
            match is not null,
            $"to show a button release judged {outcome}",
            releases.Count == 0 ? "no release was judged" : "the releases were judged: " + string.Join("; ", releases.Select(r => r.Message)),
            because,
            becauseArgs);
        return new AndWhichConstraint<TimelineAssertions, TimelineEntry>(this, match!);
    }

    /// <summary>The power was cut (brown-out: overload or undervoltage) at least <paramref name="times"/> times: a boot loop when more than once.</summary>
    [CustomAssertion]
    public AndConstraint<TimelineAssertions> ShowBrownouts(int times = 1, string because = "", params object[] becauseArgs)
    {
        var brownouts = Entries.Count(e => e.Event == "brownout");
        Fail(brownouts >= times, string.Create(CultureInfo.InvariantCulture, $"to show at least {times} brown-out(s)"), string.Create(CultureInfo.InvariantCulture, $"it shows {brownouts}"), because, becauseArgs);
        return new AndConstraint<TimelineAssertions>(this);
    }

    /// <summary>The button contact dropped out while held (a mushy button) at least once.</summary>
    [CustomAssertion]
    public AndWhichConstraint<TimelineAssertions, TimelineEntry> ShowButtonDropouts(string because = "", params object[] becauseArgs) =>
        ShowEvent("dropout", because, becauseArgs);

    private IReadOnlyList<TimelineEntry> Entries => Subject ?? [];

    private void Fail(bool holds, string expected, string found, string because, object[] becauseArgs)
    {
        var who = deviceId is null ? "" : " of " + deviceId;
        if (Subject is null)
        {
            Execute.Assertion
                .BecauseOf(because, becauseArgs)
                .FailWith("Expected {context:timeline}" + Message.Escape(who) + " " + Message.Escape(expected) + "{reason}, but it is <null>.");
            return;
        }

        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(holds)
            .FailWith(
                "Expected {context:timeline}" + Message.Escape(who) + " " + Message.Escape(expected) + "{reason}, but " + Message.Escape(found) + "." + Message.Escape(Environment.NewLine + Listing()));
    }

    private string Listing()
    {
        var entries = Entries;
        if (entries.Count == 0)
        {
            return "The timeline is empty.";
        }

        var shown = entries.Skip(Math.Max(0, entries.Count - ListedEntries)).Select(e => "  " + e.Describe());
        var head = entries.Count > ListedEntries
            ? string.Create(CultureInfo.InvariantCulture, $"The timeline (last {ListedEntries} of {entries.Count} entries):")
            : "The timeline:";
        return head + Environment.NewLine + string.Join(Environment.NewLine, shown);
    }
}
