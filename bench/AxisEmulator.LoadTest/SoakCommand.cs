using System.Globalization;
using AxisEmulator.LoadTest.Soak;

namespace AxisEmulator.LoadTest;

/// <summary><c>soak</c>: a fleet under seeded chaos with pollers over VAPIX and the control API (bench/README.md).</summary>
internal static class SoakCommand
{
    public static async Task<int> RunAsync(CommandArgs args)
    {
        var common = CommonOptions.Read(args);
        var options = new SoakOptions(
            common.EmulatorDll,
            Devices: args.Int("devices", 1000, 1, 5000),
            Seconds: args.Double("seconds", 600, 5, 7200),
            Pollers: args.Int("pollers", 50, 1, 512),
            Scale: args.Double("scale", 20, 1, 1000),
            Seed: args.Int("seed", 1),
            RssLimitMib: args.Int("rss-limit-mib", 2048, 64, 65536),
            Environment: common.Environment,
            LogFile: common.LogFile);
        args.EnsureAllRead();
        Report.Header("soak", Text($"{options.Devices} devices, clock scaled:{options.Scale}, seeded chaos (seed {options.Seed}), {options.Pollers} pollers over VAPIX and the control API for {options.Seconds:F0} s"));
        var figures = await SoakRun.RunAsync(options, Console.WriteLine);
        foreach (var line in SoakReport.Describe(figures, options))
        {
            Console.WriteLine(line);
        }

        return figures.GoalsMet ? 0 : 1;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
