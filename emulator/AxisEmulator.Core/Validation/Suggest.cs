namespace AxisEmulator.Core.Validation;

/// <summary>"Did you mean" suggestions.</summary>
public static class Suggest
{
    /// <summary>
    /// The candidate closest to <paramref name="typed"/>: a case-insensitive match, else one that starts
    /// with it (or it with the candidate), else the nearest by edit distance within a third of its length.
    /// </summary>
    public static string? Closest(string typed, IEnumerable<string> candidates)
    {
        var list = candidates.ToList();
        if (typed.Length == 0 || list.Count == 0)
        {
            return null;
        }

        var exact = list.FirstOrDefault(c => string.Equals(c, typed, StringComparison.OrdinalIgnoreCase));
        if (exact is not null)
        {
            return exact;
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in list)
        {
            var distance = Distance(typed.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        if (best is not null && bestDistance <= Math.Max(2, typed.Length / 3))
        {
            return best;
        }

        return typed.Length >= 3
            ? list.FirstOrDefault(c => c.StartsWith(typed, StringComparison.OrdinalIgnoreCase)
                || typed.StartsWith(c, StringComparison.OrdinalIgnoreCase))
            : null;
    }

    /// <summary>"; did you mean 'x'?" with the <see cref="Closest"/> candidate, to end a message; empty when none is close.</summary>
    public static string DidYouMean(string typed, IEnumerable<string> candidates) =>
        Closest(typed, candidates) is { } guess ? $"; did you mean '{guess}'?" : "";

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
