using AxisEmulator.Core.Clock;

namespace AxisEmulator.Control.Api;

/// <summary>
/// Collects <see cref="SimulationClock.EventLateness"/>: how late, in wall time, each event ran
/// after its due time in realtime and scaled modes. The clock raises the event on its driver thread
/// while holding its queue lock, so recording is a few interlocked operations on a fixed histogram
/// (microsecond resolution below 1 ms, then under 1 % relative error), never a lock or an allocation;
/// the few events later than the latest kept so far also go to a short list, by name.
/// </summary>
public sealed class ClockLatenessCollector : IDisposable
{
    private readonly SimulationClock _clock;
    private Window _window;

    public ClockLatenessCollector(SimulationClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
        _window = new Window(clock.GetUtcNow());
        clock.EventLateness += Record;
    }

    /// <summary>The figures since the collector started or since the last <see cref="Reset"/>.</summary>
    public ClockLateness Snapshot() => Volatile.Read(ref _window).Snapshot(_clock.Mode);

    /// <summary>Starts a new window (the old one's figures are dropped).</summary>
    public void Reset() => Volatile.Write(ref _window, new Window(_clock.GetUtcNow()));

    public void Dispose() => _clock.EventLateness -= Record;

    private void Record(ScheduledEvent late, TimeSpan lateness) => Volatile.Read(ref _window).Add(late, lateness);

    /// <summary>A log-linear histogram of microseconds: exact below 1024 µs, then 128 sub-buckets per power of two.</summary>
    private sealed class Window(DateTimeOffset since)
    {
        private const int Linear = 1024;
        private const int SubBits = 7;
        private const int MaxExponent = 42;
        private readonly long[] _buckets = new long[Linear + ((MaxExponent - 9) << SubBits)];
        private long _count;
        private long _maxMicros;
        private long _sumMicros;
        private readonly LatestLateEvents _latest = new();

        public void Add(ScheduledEvent late, TimeSpan lateness)
        {
            _latest.Offer(late, lateness);
            var micros = Math.Max(0, lateness.Ticks / (TimeSpan.TicksPerMillisecond / 1000));
            Interlocked.Increment(ref _buckets[BucketOf(micros)]);
            Interlocked.Increment(ref _count);
            Interlocked.Add(ref _sumMicros, micros);
            var max = Volatile.Read(ref _maxMicros);
            while (micros > max)
            {
                var seen = Interlocked.CompareExchange(ref _maxMicros, micros, max);
                if (seen == max)
                {
                    break;
                }

                max = seen;
            }
        }

        public ClockLateness Snapshot(ClockMode mode)
        {
            var counts = new long[_buckets.Length];
            long total = 0;
            for (var i = 0; i < counts.Length; i++)
            {
                counts[i] = Volatile.Read(ref _buckets[i]);
                total += counts[i];
            }

            var max = Volatile.Read(ref _maxMicros);
            return new ClockLateness(
                mode,
                since,
                total,
                total == 0 ? 0 : Ms(Percentile(counts, total, 0.50, max)),
                total == 0 ? 0 : Ms(Percentile(counts, total, 0.90, max)),
                total == 0 ? 0 : Ms(Percentile(counts, total, 0.99, max)),
                Ms(max),
                total == 0 ? 0 : Math.Round(Volatile.Read(ref _sumMicros) / 1000.0 / total, 3),
                _latest.Snapshot());
        }

        private static int BucketOf(long micros)
        {
            if (micros < Linear)
            {
                return (int)micros;
            }

            var exponent = Math.Min(63 - (int)long.LeadingZeroCount(micros), MaxExponent - 1);
            var sub = (int)(micros >> (exponent - SubBits)) & ((1 << SubBits) - 1);
            return Linear + ((exponent - 10) << SubBits) + sub;
        }

        /// <summary>The upper edge of the bucket holding the nearest-rank percentile (never above the maximum seen).</summary>
        private static long Percentile(long[] counts, long total, double p, long max)
        {
            var rank = Math.Max(1, (long)Math.Ceiling(p * total));
            long seen = 0;
            for (var i = 0; i < counts.Length; i++)
            {
                seen += counts[i];
                if (seen >= rank)
                {
                    return Math.Min(UpperEdge(i), max);
                }
            }

            return max;
        }

        private static long UpperEdge(int bucket)
        {
            if (bucket < Linear)
            {
                return bucket;
            }

            var exponent = ((bucket - Linear) >> SubBits) + 10;
            var sub = (bucket - Linear) & ((1 << SubBits) - 1);
            return (1L << exponent) + ((long)(sub + 1) << (exponent - SubBits)) - 1;
        }

        private static double Ms(long micros) => Math.Round(micros / 1000.0, 3);
    }
}
