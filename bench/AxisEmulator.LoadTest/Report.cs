using System.Globalization;

namespace AxisEmulator.LoadTest;

internal static class Report
{
    public static void Header(string name, string what)
    {
        Console.WriteLine($"== {name}: {what}");
        Console.WriteLine($"machine: {ProcessInfo.MachineLine()}");
    }

    /// <summary>Prints a Markdown table of every run and the ratio of <paramref name="subject"/> to each baseline (aggregated over rounds).</summary>
    public static void Ratios(IReadOnlyList<LoadResult> results, string subject, IReadOnlyList<(string Name, double Goal, bool AtLeast)> baselines)
    {
        Console.WriteLine();
        Console.WriteLine("| target | round | req/s | p50 ms | p90 ms | p99 ms | max ms | errors | server CPU | server µs/req | client µs/req | load avg (1/5/15 min) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---|");
        foreach (var group in results.GroupBy(r => r.Name))
        {
            var round = 0;
            foreach (var r in group)
            {
                round++;
                var errors = r.Errors.Count == 0 ? "0" : string.Join(", ", r.Errors.Select(e => $"{e.Key} {e.Value}"));
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {r.Name} | {round} | {r.RequestsPerSecond:F0} | {r.P50Ms:F2} | {r.P90Ms:F2} | {r.P99Ms:F2} | {r.MaxMs:F1} | {errors} | {r.ServerCpuSeconds / r.Seconds * 100:F0} % | {r.ServerMicrosPerRequest:F1} | {r.ClientMicrosPerRequest:F1} | {string.Join(' ', r.LoadAverage.Split(' ').Take(3))} |"));
            }
        }

        Console.WriteLine();
        var mine = Throughput(results, subject);
        var myCost = CostPerRequest(results, subject);
        foreach (var (name, goal, atLeast) in baselines)
        {
            var theirs = Throughput(results, name);
            var ratio = mine / theirs;
            var met = atLeast ? ratio >= goal : ratio > goal;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{subject} / {name}: {mine:F0} / {theirs:F0} req/s = {ratio:F2}× (goal {(atLeast ? "≥" : ">")} {goal:F1}×: {(met ? "met" : "MISSED")}); per round: {string.Join(", ", PerRound(results, subject, name).Select(x => x.ToString("F2", CultureInfo.InvariantCulture)))}; "
                + $"CPU per request (server + client): {myCost:F1} vs {CostPerRequest(results, name):F1} µs, ratio {CostPerRequest(results, name) / myCost:F2}×"));
        }
    }

    private static double Throughput(IReadOnlyList<LoadResult> results, string name)
    {
        var runs = results.Where(r => r.Name == name).ToList();
        return runs.Sum(r => r.Ok) / runs.Sum(r => r.Seconds);
    }

    /// <summary>
    /// Server plus client CPU per successful request over all rounds: less sensitive than req/s to
    /// other processes on the machine, and what bounds throughput once both share saturated cores.
    /// </summary>
    private static double CostPerRequest(IReadOnlyList<LoadResult> results, string name)
    {
        var runs = results.Where(r => r.Name == name).ToList();
        return (runs.Sum(r => r.ServerCpuSeconds) + runs.Sum(r => r.ClientCpuSeconds)) * 1e6 / runs.Sum(r => r.Ok);
    }

    private static IEnumerable<double> PerRound(IReadOnlyList<LoadResult> results, string a, string b) =>
        results.Where(r => r.Name == a).Zip(results.Where(r => r.Name == b), (x, y) => x.RequestsPerSecond / y.RequestsPerSecond);
}
