using System.Globalization;
using System.Text;
using AxisEmulator.Core.Clock;
using AxisEmulator.Core.Config;
using AxisEmulator.Core.Devices;
using AxisEmulator.Core.Events;
using AxisEmulator.Core.Fleet;
using AxisEmulator.Core.Power;
using AxisEmulator.Core.Profiles;

namespace AxisEmulator.Control.Scenarios;

/// <summary>How a scenario run reports and reaches devices.</summary>
public sealed record ScenarioRunOptions
{
    /// <summary>Sends the requests of <c>vapix</c> steps; null: scenarios that require VAPIX are skipped.</summary>
    public IScenarioVapixClient? Vapix { get; init; }

    /// <summary>Where to print the step log as it runs (the report keeps a copy either way).</summary>
    public TextWriter? Log { get; init; }

    /// <summary>Also print every timeline entry of the devices under the step that caused it.</summary>
    public bool ShowTimeline { get; init; }
}

/// <summary>
/// Runs a <see cref="Scenario"/> in manual virtual time: each step acts on the scenario's devices,
/// waits advance the simulation clock event by event, and the first failed step stops the run with
/// its reason. The result is a <see cref="ScenarioReport"/>; the same scenario and seed always give
/// the same report and log.
/// </summary>
public static class ScenarioRunner
{
    /// <summary>Why a <c>vapix</c> step cannot run without an <see cref="IScenarioVapixClient"/>.</summary>
    public const string VapixUnavailable = "VAPIX steps need a running listener (serve mode or the CLI run command)";

    /// <summary>Runs on a fresh manual-time, ephemeral emulator seeded with the scenario's seed.</summary>
    public static ScenarioReport Run(Scenario scenario, ProfileCatalog profiles, IScenarioVapixClient? vapix = null, TextWriter? log = null) =>
        RunAsync(scenario, profiles, new ScenarioRunOptions { Vapix = vapix, Log = log }).GetAwaiter().GetResult();

    /// <summary>Runs on <paramref name="emulator"/> (its clock must be in manual mode); the devices stay in it afterwards.</summary>
    public static ScenarioReport Run(Scenario scenario, Emulator emulator, IScenarioVapixClient? vapix = null, TextWriter? log = null) =>
        RunAsync(scenario, emulator, new ScenarioRunOptions { Vapix = vapix, Log = log }).GetAwaiter().GetResult();

    /// <summary>
    /// Runs on a fresh manual-time, ephemeral emulator seeded with the scenario's seed. Step failures
    /// are in the report, never thrown; cancellation throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public static async Task<ScenarioReport> RunAsync(Scenario scenario, ProfileCatalog profiles, ScenarioRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(profiles);
        using var emulator = new Emulator(new EmulatorOptions { ClockMode = ClockMode.Manual, Seed = scenario.Seed ?? 0 }, profiles);
        return await RunAsync(scenario, emulator, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs on <paramref name="emulator"/> (its clock must be in manual mode); the devices stay in it afterwards.</summary>
    public static Task<ScenarioReport> RunAsync(Scenario scenario, Emulator emulator, ScenarioRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(emulator);
        return new Execution(scenario, emulator, options ?? new ScenarioRunOptions()).RunAsync(cancellationToken);
    }

    /// <summary><c>[  22.000s]</c>.</summary>
    internal static string Stamp(TimeSpan at) => string.Create(CultureInfo.InvariantCulture, $"[{at.TotalSeconds,8:0.000}s]");

    internal static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) + "s";

    private readonly record struct StepOutcome(bool Passed, string? Message)
    {
        public static StepOutcome Pass(string? note = null) => new(true, note);

        public static StepOutcome Fail(string message) => new(false, message);
    }

    /// <summary>One run of one scenario.</summary>
    private sealed class Execution(Scenario scenario, Emulator emulator, ScenarioRunOptions options)
    {
        /// <summary>A wait-for that runs this many events without the condition holding gives up (a runaway schedule).</summary>
        private const int MaxWaitIterations = 5_000_000;

        private readonly StringBuilder _log = new();
        private readonly List<Camera> _devices = [];
        private readonly Dictionary<string, long> _printed = new(StringComparer.Ordinal);
        private SimulationClock Clock => emulator.Clock;
        private TimeSpan _start;

        private TimeSpan Now => Clock.Elapsed - _start;

        public async Task<ScenarioReport> RunAsync(CancellationToken cancellationToken)
        {
            _start = Clock.Elapsed;
            Line($"Scenario: {scenario.Name}{(scenario.File is null ? "" : $" ({scenario.File})")}");
            if (scenario.Description is { } description)
            {
                foreach (var line in Wrap(description, 98))
                {
                    Line("  " + line);
                }
            }

            if (scenario.RequiresVapix && options.Vapix is null)
            {
                return Finish(ScenarioOutcome.Skipped, [], $"needs a VAPIX client: {VapixUnavailable}", "SKIPPED");
            }

            if (Setup() is { } problem)
            {
                return Finish(ScenarioOutcome.Failed, [], problem, "FAILED");
            }

            var results = new List<ScenarioStepResult>();
            for (var i = 0; i < scenario.Steps.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var step = scenario.Steps[i];
                var at = Now;
                StepOutcome outcome;
                try
                {
                    outcome = await ExecuteAsync(step, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or UnknownProfileException)
                {
                    outcome = StepOutcome.Fail(ex.Message);
                }
                catch (Exception ex)
                {
                    // A bug rather than bad input, but a report beats a crash: name the exception.
                    outcome = StepOutcome.Fail($"{ex.GetType().Name}: {ex.Message}");
                }

                var result = new ScenarioStepResult(
                    i + 1,
                    step.Line,
                    step.Kind,
                    step.Describe(),
                    outcome.Passed ? ScenarioStepStatus.Passed : ScenarioStepStatus.Failed,
                    at,
                    Now - at,
                    outcome.Message);
                results.Add(result);
                LogStep(step, result);
                EchoTimeline();
                if (!outcome.Passed)
                {
                    var where = scenario.File is null ? $"line {step.Line.ToString(CultureInfo.InvariantCulture)}" : $"{scenario.File}:{step.Line.ToString(CultureInfo.InvariantCulture)}";
                    var failure = $"step {result.Index.ToString(CultureInfo.InvariantCulture)} ({where}) {result.Description}: {outcome.Message}";
                    return Finish(ScenarioOutcome.Failed, results, failure, "FAILED at");
                }
            }

            return Finish(ScenarioOutcome.Passed, results, null, "PASSED");
        }

        /// <summary>Checks the clock and seed, creates the devices; returns a problem or null.</summary>
        private string? Setup()
        {
            if (Clock.Mode != ClockMode.Manual)
            {
                return $"scenarios run in manual time, but this emulator's clock is in {Clock.Mode.ToString().ToLowerInvariant()} mode";
            }

            if (scenario.Seed is { } seed && seed != emulator.Seed)
            {
                return string.Create(CultureInfo.InvariantCulture, $"the scenario needs seed {seed}, but the emulator runs with seed {emulator.Seed}; start it with --seed {seed} or use the CLI run command");
            }

            try
            {
                for (var n = 1; n <= scenario.DeviceCount; n++)
                {
                    var id = scenario.Device.Id is { } prefix && scenario.DeviceCount > 1 ? $"{prefix}-{n.ToString(CultureInfo.InvariantCulture)}" : scenario.Device.Id;
                    var camera = emulator.AddDevice(scenario.Device.Profile, id, scenario.Device.Serial);
                    if (scenario.Device.Admin is { } admin)
                    {
                        camera.UpdateConfig(
                            c => (c with { Users = [.. c.Users.Where(u => u.Name != admin.User), UserAccount.Create(admin.User, admin.Password, camera.Identity.Realm, UserRole.Admin)] }, 0),
                            $"scenario setup: admin account {admin.User}");
                    }

                    _devices.Add(camera);
                    _printed[camera.Id] = camera.Timeline.LastSequence;
                    Line($"Device: {camera.Id} ({camera.Profile.Id}, serial {camera.Serial}{(scenario.Device.Admin is { } a ? $", admin {a.User}" : ", setup mode")})");
                }
            }
            catch (Exception ex) when (ex is UnknownProfileException or ArgumentException or InvalidOperationException)
            {
                return "cannot create the device: " + ex.Message;
            }

            Line(string.Create(CultureInfo.InvariantCulture, $"Seed: {emulator.Seed}"));
            return null;
        }

        private Task<StepOutcome> ExecuteAsync(ScenarioStep step, CancellationToken cancellationToken) => step switch
        {
            PowerStep power => Task.FromResult(Power(power)),
            ButtonStep button => Task.FromResult(Button(button)),
            WaitStep wait => Task.FromResult(Wait(wait.Duration.Value)),
            WaitForStep waitFor => Task.FromResult(WaitFor(waitFor, cancellationToken)),
            ExpectStep expect => Task.FromResult(Expect(expect.Condition)),
            ExpectTimelineStep timeline => Task.FromResult(ExpectTimeline(timeline.Expectation)),
            FaultStep fault => Task.FromResult(Fault(fault)),
            RestartStep => Task.FromResult(Each(d => d.Restart() ? null : $"cannot restart while {d.Phase.ToKebab()} (a restart needs a running unit: network-up or ready)")),
            FactoryDefaultStep defaults => Task.FromResult(Each(d => d.FactoryDefault(defaults.Mode) ? null : $"cannot factory-default while {d.Phase.ToKebab()} (it needs a running unit: network-up or ready)")),
            UpgradeStep upgrade => Task.FromResult(Upgrade(upgrade)),
            VapixStep vapix => VapixAsync(vapix, cancellationToken),
            CaptionStep => Task.FromResult(StepOutcome.Pass()),
            _ => Task.FromResult(StepOutcome.Fail($"the runner does not know '{step.Kind}' steps")),
        };

        private StepOutcome Power(PowerStep step)
        {
            string? note = null;
            foreach (var device in _devices)
            {
                if (!step.On)
                {
                    device.PowerOff();
                    continue;
                }

                var source = step.Source?.Resolve(device.Profile) ?? DefaultPowerSource.For(device.Profile);
                if (source.Validate() is { Count: > 0 } problems)
                {
                    return StepOutcome.Fail($"{Who(device)}invalid power source: {string.Join("; ", problems)}");
                }

                device.PowerOn(source);
                note ??= step.Source is null ? $"({DescribeSource(source)})" : null;
            }

            return StepOutcome.Pass(note);
        }

        private StepOutcome Button(ButtonStep step)
        {
            switch (step.Action)
            {
                case ButtonAction.Press:
                    _devices.ForEach(d => d.PressButton());
                    break;
                case ButtonAction.Release:
                    _devices.ForEach(d => d.ReleaseButton());
                    break;
                default:
                    _devices.ForEach(d => d.PressButton());
                    Clock.Advance(step.Hold!.Value.Value);
                    _devices.ForEach(d => d.ReleaseButton());
                    break;
            }

            return StepOutcome.Pass();
        }

        private StepOutcome Wait(TimeSpan duration)
        {
            Clock.Advance(duration);
            return StepOutcome.Pass();
        }

        /// <summary>Advances from event to event (or to the deadline) and checks the condition after each.</summary>
        private StepOutcome WaitFor(WaitForStep step, CancellationToken cancellationToken)
        {
            var started = Clock.Elapsed;
            var deadline = started + step.Within.Value;
            for (var iteration = 0; ; iteration++)
            {
                var mismatches = Mismatches(step.Condition);
                if (mismatches.Count == 0)
                {
                    return StepOutcome.Pass("after " + Seconds(Clock.Elapsed - started));
                }

                var now = Clock.Elapsed;
                if (now >= deadline)
                {
                    return StepOutcome.Fail($"timed out after {Seconds(now - started)} (at {Seconds(Now)}); {string.Join("; ", mismatches)}");
                }

                if (iteration % 4096 == 4095)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                if (iteration >= MaxWaitIterations)
                {
                    return StepOutcome.Fail($"gave up after {MaxWaitIterations.ToString(CultureInfo.InvariantCulture)} simulation events in {Seconds(now - started)}; {string.Join("; ", mismatches)}");
                }

                var target = Clock.NextEventDue is { } due && due - Clock.Epoch < deadline ? due - Clock.Epoch : deadline;
                Clock.Advance(target > now ? target - now : TimeSpan.Zero);
            }
        }

        private StepOutcome Expect(DeviceCondition condition)
        {
            var mismatches = Mismatches(condition);
            return mismatches.Count == 0 ? StepOutcome.Pass() : StepOutcome.Fail(string.Join("; ", mismatches));
        }

        private List<string> Mismatches(DeviceCondition condition)
        {
            var found = new List<string>();
            foreach (var device in _devices)
            {
                found.AddRange(condition.Mismatches(device.Snapshot()).Select(m => Who(device) + m));
            }

            return found;
        }

        private StepOutcome ExpectTimeline(TimelineExpectation expectation)
        {
            var notes = new List<string>();
            foreach (var device in _devices)
            {
                var entries = device.Timeline.Since(0);
                var matches = entries.Where(expectation.Matches).ToList();
                var who = Who(device);
                if (expectation.Count is { } count)
                {
                    if (matches.Count != count)
                    {
                        return StepOutcome.Fail($"{who}expected {Entries(count)}, found {matches.Count.ToString(CultureInfo.InvariantCulture)}{List(matches)}");
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

                    var found = matches.Count == 0 ? "none matches" : $"only {matches.Count.ToString(CultureInfo.InvariantCulture)} match";
                    return StepOutcome.Fail($"{who}expected {(min == 1 ? "an entry" : $"at least {Entries(min)}")}, {found}; {what} entries{List(near)}");
                }

                notes.Add(who + (matches.Count == 1 ? $"at {Seconds(At(matches[0]))}: {matches[0].Message}" : $"{matches.Count.ToString(CultureInfo.InvariantCulture)} entries, first at {Seconds(At(matches[0]))}: {matches[0].Message}"));
            }

            return StepOutcome.Pass(notes.Count == 0 ? null : string.Join("; ", notes));
        }

        private StepOutcome Fault(FaultStep step)
        {
            foreach (var device in _devices)
            {
                if (step.Button is { } button)
                {
                    device.SetButtonFault(button);
                }

                if (step.Bricked is { } bricked)
                {
                    device.SetBricked(bricked);
                }

                if (step.NetworkLink is { } link)
                {
                    device.SetNetworkLink(link);
                }
            }

            return StepOutcome.Pass();
        }

        private StepOutcome Upgrade(UpgradeStep step)
        {
            foreach (var device in _devices)
            {
                var image = new FirmwareImage(step.Model ?? device.Profile.Model, step.Version, step.Signed);
                var rejection = device.StartUpgrade(image, new UpgradeOptions(step.AutoCommit, step.AutoRollback?.Value));
                var who = Who(device);
                if (step.Refused is { } expected)
                {
                    if (rejection != expected)
                    {
                        return StepOutcome.Fail(rejection == UpgradeRejection.None
                            ? $"{who}expected the device to refuse the image ({ScenarioNames.Kebab(expected.ToString())}), but it accepted it"
                            : $"{who}expected the refusal {ScenarioNames.Kebab(expected.ToString())}, but it was {ScenarioNames.Kebab(rejection.ToString())}");
                    }
                }
                else if (rejection != UpgradeRejection.None)
                {
                    return StepOutcome.Fail($"{who}the device refused the image: {ScenarioNames.Kebab(rejection.ToString())} ({Explain(rejection, device, image)})");
                }
            }

            return StepOutcome.Pass(step.Refused is { } r ? "refused: " + ScenarioNames.Kebab(r.ToString()) : null);
        }

        private async Task<StepOutcome> VapixAsync(VapixStep step, CancellationToken cancellationToken)
        {
            if (options.Vapix is not { } client)
            {
                return StepOutcome.Fail(VapixUnavailable);
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
                catch (Exception ex)
                {
                    return StepOutcome.Fail($"{who}{step.Request.Method} {step.Request.Path} failed: {ex.Message}");
                }

                if (response.Status != step.Expect.Status)
                {
                    return StepOutcome.Fail($"{who}answered {response.Status.ToString(CultureInfo.InvariantCulture)}, expected {step.Expect.Status.ToString(CultureInfo.InvariantCulture)}; body: {Excerpt(response.Body)}");
                }

                if (step.Expect.ContentType is { } contentType
                    && !(response.ContentType ?? "").StartsWith(contentType, StringComparison.OrdinalIgnoreCase))
                {
                    return StepOutcome.Fail($"{who}answered with content type {response.ContentType ?? "(none)"}, expected {contentType}");
                }

                foreach (var text in step.Expect.ContainsAll)
                {
                    if (!response.Body.Contains(text, StringComparison.Ordinal))
                    {
                        return StepOutcome.Fail($"{who}the answer does not contain \"{text}\"; body: {Excerpt(response.Body)}");
                    }
                }

                note ??= $"({response.Status.ToString(CultureInfo.InvariantCulture)}{(response.ContentType is null ? "" : " " + response.ContentType)})";
            }

            return StepOutcome.Pass(note);
        }

        /// <summary>Runs <paramref name="act"/> on every device; it returns a problem or null.</summary>
        private StepOutcome Each(Func<Camera, string?> act)
        {
            foreach (var device in _devices)
            {
                if (act(device) is { } problem)
                {
                    return StepOutcome.Fail(Who(device) + problem);
                }
            }

            return StepOutcome.Pass();
        }

        private ScenarioReport Finish(ScenarioOutcome outcome, List<ScenarioStepResult> results, string? failure, string verdict)
        {
            for (var i = results.Count; i < scenario.Steps.Count; i++)
            {
                var step = scenario.Steps[i];
                results.Add(new ScenarioStepResult(i + 1, step.Line, step.Kind, step.Describe(), ScenarioStepStatus.NotRun, Now, TimeSpan.Zero));
            }

            var duration = Now;
            var steps = results.Count(r => r.Status != ScenarioStepStatus.NotRun).ToString(CultureInfo.InvariantCulture);
            Line(outcome switch
            {
                ScenarioOutcome.Passed => $"{verdict}: {steps} steps in {Seconds(duration)} of simulated time",
                _ => $"{verdict} {failure}",
            });

            return new ScenarioReport
            {
                Name = scenario.Name,
                Description = scenario.Description,
                File = scenario.File,
                Outcome = outcome,
                Steps = results,
                Failure = failure,
                SimulatedDuration = duration,
                Seed = emulator.Seed,
                Devices = [.. _devices.Select(d => d.Id)],
                Log = _log.ToString(),
            };
        }

        private void LogStep(ScenarioStep step, ScenarioStepResult result)
        {
            if (step is CaptionStep)
            {
                Line($"{Stamp(result.At)} {result.Description}");
                return;
            }

            var mark = result.Status == ScenarioStepStatus.Passed ? "✓" : "✗";
            Line($"{Stamp(result.At)} {result.Description} {mark}{(result.Message is null ? "" : " " + result.Message)}");
        }

        /// <summary>With <see cref="ScenarioRunOptions.ShowTimeline"/>, prints the entries the last step caused.</summary>
        private void EchoTimeline()
        {
            if (!options.ShowTimeline)
            {
                return;
            }

            var entries = _devices
                .SelectMany(d => d.Timeline.Since(_printed[d.Id]))
                .OrderBy(e => e.Time)
                .ThenBy(e => _devices.FindIndex(d => d.Id == e.DeviceId))
                .ThenBy(e => e.Sequence)
                .ToList();
            foreach (var entry in entries)
            {
                Line($"{Stamp(At(entry))}     {(_devices.Count > 1 ? entry.DeviceId + " " : "")}{ScenarioNames.Kind(entry.Kind)} {entry.Name}: {entry.Message}");
                _printed[entry.DeviceId] = Math.Max(_printed[entry.DeviceId], entry.Sequence);
            }
        }

        private void Line(string text)
        {
            _log.Append(text).Append('\n');
            options.Log?.Write(text + "\n");
        }

        private TimeSpan At(TimelineEntry entry) => entry.Time - Clock.Epoch - _start;

        private string Who(Camera device) => _devices.Count > 1 ? device.Id + ": " : "";

        private string List(List<TimelineEntry> entries)
        {
            if (entries.Count == 0)
            {
                return "";
            }

            var shown = entries.Take(3).Select(e => $" {Stamp(At(e))} {e.Name}: {e.Message}");
            return ":" + string.Join(";", shown) + (entries.Count > 3 ? $"; … and {(entries.Count - 3).ToString(CultureInfo.InvariantCulture)} more" : "");
        }

        private static string Entries(int count) => count == 1 ? "1 matching entry" : $"{count.ToString(CultureInfo.InvariantCulture)} matching entries";

        private static string Explain(UpgradeRejection rejection, Camera device, FirmwareImage image) => rejection switch
        {
            UpgradeRejection.ModelMismatch => $"the image is for {image.Model}, this is a {device.Profile.Model}",
            UpgradeRejection.MissingSignature => "the image is not signed",
            UpgradeRejection.ActiveUncommitted => "the running image is not committed yet",
            _ => $"the device is {device.Phase.ToKebab()}; an upgrade needs it ready",
        };

        private static string DescribeSource(PowerSource source) => source switch
        {
            PoeSource poe => new PoeScenarioSource(poe.Standard, poe.PseClass, poe.CableMeters, poe.Cable, poe.PseVolts).Describe(),
            _ => new FixedScenarioSource(source).Describe(),
        };

        /// <summary>Word-wraps <paramref name="text"/> (paragraphs kept) for the log header.</summary>
        private static IEnumerable<string> Wrap(string text, int width)
        {
            foreach (var paragraph in text.Trim().Split('\n'))
            {
                var line = new StringBuilder();
                foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (line.Length > 0 && line.Length + 1 + word.Length > width)
                    {
                        yield return line.ToString();
                        line.Clear();
                    }

                    line.Append(line.Length > 0 ? " " : "").Append(word);
                }

                yield return line.ToString();
            }
        }

        private static string Excerpt(string body)
        {
            var flat = string.Join(' ', body.Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
            return flat.Length == 0 ? "(empty)" : flat.Length <= 200 ? flat : flat[..200] + "…";
        }
    }
}
