using System.Globalization;
using System.Runtime.InteropServices;
using AxisEmulator.LoadTest.Kill9;

namespace AxisEmulator.LoadTest;

/// <summary><c>kill-9</c>: the emulator SIGKILLed under writes, restarted on its state directory, every acknowledged write checked on disk.</summary>
internal static class Kill9Command
{
    public static async Task<int> RunAsync(CommandArgs args)
    {
        var options = new Kill9Options(
            args.String("emulator") ?? EmulatorProcess.DefaultDll(),
            Kills: args.Int("kills", 200, 1),
            Devices: args.Int("devices", 3, 1, 100),
            Seed: args.Int("seed", 1),
            Clock: args.String("clock", "scaled:50")!,
            MaxWritesBeforeKill: args.Int("max-writes", 30, 1));
        args.EnsureAllRead();
        Console.WriteLine($"kill-9: {options.Kills} kills of {options.Devices} cameras, seed {options.Seed}, clock {options.Clock}; {ProcessInfo.MachineLine()}");
        // Ctrl+C or SIGTERM ends the run after the current life, so no emulator or state directory is left behind.
        using var interrupt = new CancellationTokenSource();
        void Interrupt(PosixSignalContext context)
        {
            context.Cancel = true;
            interrupt.Cancel();
        }

        using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);
        var figures = await Kill9Run.RunAsync(options, Console.WriteLine, interrupt.Token);
        foreach (var problem in figures.Problems.Take(50))
        {
            Console.WriteLine("  problem: " + problem);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"kills {figures.Kills} ({figures.KillsDuringBoot} while booting, {figures.InFlightAtKill} writes in flight, {figures.SavesCutShort} inside a save), acknowledged writes {figures.AcknowledgedWrites} (factory defaults {figures.FactoryDefaults}), lost {figures.Lost}, corrupt {figures.Corrupt}, start-up failures {figures.StartupFailures}, unexpected answers {figures.UnexpectedAnswers}; start to ready mean {figures.StartToReadyMean.TotalMilliseconds:F0} ms, max {figures.StartToReadyMax.TotalMilliseconds:F0} ms; {figures.Elapsed.TotalSeconds:F1} s in all"));
        return figures.Lost == 0 && figures.Corrupt == 0 && figures.StartupFailures == 0 && figures.Kills == options.Kills ? 0 : 1;
    }
}
