using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;
using static AxisEmulator.Control.Scenarios.ScenarioTimes;

namespace AxisEmulator.Control.Scenarios;

/// <summary>The steps that check something: wait-for, expect, expect-timeline and vapix.</summary>
public sealed partial class ScenarioInterpreter
{
    private async Task<StepOutcome> WaitForAsync(WaitForStep step, CancellationToken cancellationToken)
    {
        var started = _clock.Elapsed;
        List<string> mismatches = [];
        var end = await pacing.PassUntilAsync(() => (mismatches = Mismatches(step.Condition)).Count == 0, step.Within.Value, cancellationToken).ConfigureAwait(false);
        var waited = Seconds(_clock.Elapsed - started);
        return end switch
        {
            WaitEnd.ConditionHolds => StepOutcome.Pass("after " + waited),
            WaitEnd.DeadlinePassed => StepOutcome.Fail($"timed out after {waited} (at {Seconds(Now)}); {string.Join("; ", mismatches)}"),
            _ => StepOutcome.Fail($"gave up after {Count(ManualPacing.MaxEventsPerWait)} simulation events in {waited}; {string.Join("; ", mismatches)}"),
        };
    }

    private StepOutcome Expect(DeviceCondition condition)
    {
        var mismatches = Mismatches(condition);
        return mismatches.Count == 0 ? StepOutcome.Pass() : StepOutcome.Fail(string.Join("; ", mismatches));
    }

    private List<string> Mismatches(DeviceCondition condition) =>
        [.. _devices.SelectMany(d => condition.Mismatches(d.Snapshot()).Select(m => Who(d) + m))];

    private StepOutcome ExpectTimeline(TimelineExpectation expectation)
    {
        var notes = new List<string>();
        foreach (var device in _devices)
        {
            var entries = device.Timeline.Since(timelineFrom?.GetValueOrDefault(device.Id) ?? 0);
            var matches = entries.Where(expectation.Matches).ToList();
            var who = Who(device);
            if (expectation.Count is { } count)
            {
                if (matches.Count != count)
                {
                    return StepOutcome.Fail($"{who}expected {Entries(count)}, found {Count(matches.Count)}{List(matches)}");
                }

                continue;
            }

            var min = expectation.Min ?? 1;
            if (matches.Count < min)
            {
                var near = entries.Where(expectation.MatchesKindAndEvent).ToList();
                var what = string.Join(' ', new[] { expectation.Kind is { } k ? ScenarioNames.Kind(k) : null, expectation.Event }.OfType<string>());
                if (matches.Count == 0 && near.Count == 0)
                {
                    return StepOutcome.Fail($"{who}the timeline has no {what} entry");
                }

                var found = matches.Count == 0 ? "none matches" : $"only {Count(matches.Count)} match";
                return StepOutcome.Fail($"{who}expected {(min == 1 ? "an entry" : $"at least {Entries(min)}")}, {found}; {what} entries{List(near)}");
            }

            notes.Add(who + (matches.Count == 1 ? $"at {Seconds(At(matches[0]))}: {matches[0].Message}" : $"{Count(matches.Count)} entries, first at {Seconds(At(matches[0]))}: {matches[0].Message}"));
        }

        return StepOutcome.Pass(notes.Count == 0 ? null : string.Join("; ", notes));
    }

    private async Task<StepOutcome> VapixAsync(VapixStep step, CancellationToken cancellationToken)
    {
        if (vapix is not { } client)
        {
            return StepOutcome.Skip(VapixUnavailable);
        }

        string? note = null;
        foreach (var device in _devices)
        {
            var who = Who(device);
            ScenarioVapixResponse response;
            try
            {
                response = await client.SendAsync(device, step.Request, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (step.Expect.Refused && ex is HttpRequestException or TimeoutException or TaskCanceledException)
            {
                // What a tool probing a closed or silent port sees: it moves on (to the other scheme).
                note ??= $"(refused: {ex.Message})";
                continue;
            }
            catch (Exception ex)
            {
                return StepOutcome.Fail($"{who}{step.Request.Method} {step.Request.Path} failed: {ex.Message}");
            }

            if (step.Expect.Refused)
            {
                return StepOutcome.Fail($"{who}answered {Count(response.Status)}, expected no answer (refused); body: {Excerpt(response.Body)}");
            }

            if (Mismatch(step.Expect, response) is { } mismatch)
            {
                return StepOutcome.Fail(who + mismatch);
            }

            note ??= $"({Count(response.Status)}{(response.ContentType is null ? "" : " " + response.ContentType)})";
        }

        return StepOutcome.Pass(note);
    }

    /// <summary>What in <paramref name="response"/> does not meet <paramref name="expect"/>, or null.</summary>
    private static string? Mismatch(VapixExpectation expect, ScenarioVapixResponse response)
    {
        if (response.Status != expect.Status)
        {
            return $"answered {Count(response.Status)}, expected {Count(expect.Status)}; body: {Excerpt(response.Body)}";
        }

        if (expect.ContentType is { } contentType && !(response.ContentType ?? "").StartsWith(contentType, StringComparison.OrdinalIgnoreCase))
        {
            return $"answered with content type {response.ContentType ?? "(none)"}, expected {contentType}";
        }

        return expect.ContainsAll.FirstOrDefault(text => !response.Body.Contains(text, StringComparison.Ordinal)) is { } missing
            ? $"the answer does not contain \"{missing}\"; body: {Excerpt(response.Body)}"
            : null;
    }

    private TimeSpan At(TimelineEntry entry) => entry.Time - _clock.Epoch - _start;

    private string List(List<TimelineEntry> entries)
    {
        if (entries.Count == 0)
        {
            return "";
        }

        var shown = entries.Take(3).Select(e => $" {Stamp(At(e))} {e.Name}: {e.Message}");
        return ":" + string.Join(";", shown) + (entries.Count > 3 ? $"; … and {Count(entries.Count - 3)} more" : "");
    }

    private static string Entries(int count) => count == 1 ? "1 matching entry" : $"{Count(count)} matching entries";

    private static string Excerpt(string body)
    {
        var flat = string.Join(' ', body.Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return flat.Length == 0 ? "(empty)" : flat.Length <= 200 ? flat : flat[..200] + "…";
    }
}
