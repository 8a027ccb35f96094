using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace AxisEmulator.Core.Events;

/// <summary>
/// The figures of a timeline entry: a handful of named values in the order given. A small array
/// searched in order, because an entry is written far more often than it is read (every VAPIX
/// request writes one) and a hash table for five values costs more than it saves.
/// </summary>
public sealed class TimelineDataDictionary : IReadOnlyDictionary<string, object?>
{
    private readonly KeyValuePair<string, object?>[] _entries;

    /// <summary>The pairs whose value is not null, in order; a repeated key takes its last value.</summary>
    public TimelineDataDictionary(params ReadOnlySpan<(string Key, object? Value)> pairs)
    {
        var entries = new KeyValuePair<string, object?>[pairs.Length];
        var count = 0;
        foreach (var (key, value) in pairs)
        {
            if (value is null)
            {
                continue;
            }

            var existing = IndexOf(entries.AsSpan(0, count), key);
            entries[existing < 0 ? count++ : existing] = new(key, value);
        }

        _entries = count == entries.Length ? entries : entries[..count];
    }

    public int Count => _entries.Length;

    public IEnumerable<string> Keys => _entries.Select(e => e.Key);

    public IEnumerable<object?> Values => _entries.Select(e => e.Value);

    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"no figure '{key}'");

    public bool ContainsKey(string key) => IndexOf(_entries, key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        var index = IndexOf(_entries, key);
        value = index < 0 ? null : _entries[index].Value;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static int IndexOf(ReadOnlySpan<KeyValuePair<string, object?>> entries, string key)
    {
        for (var i = 0; i < entries.Length; i++)
        {
            if (string.Equals(entries[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
