using System.Globalization;

namespace AxisEmulator.LoadTest.Soak;

/// <summary>A soak's figures as lines, for the bench command and the CI test alike.</summary>
internal static class SoakReport
{
    /// <summary>The figures as the report prints them (the CI test prints the same).</summary>
    public static IEnumerable<string> Describe(SoakFigures figures, SoakOptions options)
    {
        var p = figures.Polls;
        var rss = figures.RssSamples;
        yield return Text($"ran {figures.Ran.TotalSeconds:F0} s under {figures.ChaosActions} chaos actions: {p.Calls} calls ({p.Calls / figures.Ran.TotalSeconds:F0}/s): VAPIX {p.VapixCalls}, control API {p.ControlCalls}");
        yield return $"outcomes: {p.Outcomes}";
        yield return Text($"modelled downtime (not ready as the call began, or the device's timeline shows a power, network, phase, fault or boot entry during it): {p.Modelled}; devices seen down: {p.DevicesSeenDown}/{options.Devices}");
        yield return Text($"errors other than the modelled downtime: {p.Unexpected} (goal 0: {Goal(p.Unexpected == 0)})");
        foreach (var example in p.UnexpectedExamples)
        {
            yield return "  unexpected: " + example;
        }

        yield return Text($"timeline reads: {p.TimelineReads}, entries {p.TimelineEntries}; sequence faults (not one more than the last, or lastSequence behind): {p.SequenceFaults} (goal 0: {Goal(p.SequenceFaults == 0)}); ring evictions between two reads: {p.Evictions}");
        yield return Text($"control API latency: p50 {p.ControlP50Ms:F1} ms, p99 {p.ControlP99Ms:F1} ms, max {p.ControlMaxMs:F1} ms");
        yield return Text($"RSS sampled {rss.Count} times: start {SoakRun.Mib(rss[0])} MiB, max {SoakRun.Mib(rss.Max())} MiB, end {SoakRun.Mib(rss[^1])} MiB (goal: ≤ {options.RssLimitMib} MiB, the second half's max ≤ 1.25 × the first's: {Goal(figures.RssBounded)})");
        yield return $"healthy at the end (every device ready and answering systemready, /healthz 200): {Goal(figures.Healthy)}";
    }

    private static string Goal(bool met) => met ? "met" : "MISSED";

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
