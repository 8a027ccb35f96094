using System.Text.Json;

namespace AxisEmulator.LoadTest.Kill9;

/// <summary>
/// What one camera's state file must hold, from the writes the client saw acknowledged. Keys are
/// <c>param:NAME</c> (value, null for never set) and <c>user:NAME</c> ("present", null for absent).
/// A later acknowledged write to a key supersedes an earlier one. A factory default answers before
/// it is applied (as the device does), so until a later write is acknowledged the file may hold the
/// state before it or after it. A write sent but not answered OK may or may not be there.
/// </summary>
internal sealed class CameraModel
{
    public const string Present = "present";

    private readonly Dictionary<string, HashSet<string?>> _uncertain = new(StringComparer.Ordinal);
    private Dictionary<string, string?> _expected = new(StringComparer.Ordinal);
    private Dictionary<string, string?>? _beforeFactoryDefault;
    private bool _factoryDefaultUncertain;

    public string? Expected(string key) => _expected.GetValueOrDefault(key);

    /// <summary>Before sending a write: from now on the file may hold it.</summary>
    public void Sent(string key, string? value)
    {
        if (!_uncertain.TryGetValue(key, out var values))
        {
            _uncertain[key] = values = [];
        }

        values.Add(value);
    }

    /// <summary>
    /// The client sends one request at a time, so every earlier write to <paramref name="key"/> was
    /// answered, and what the device stored of it is superseded now.
    /// </summary>
    public void Acknowledged(string key, string? value)
    {
        _expected[key] = value;
        _uncertain.Remove(key);
        if (_beforeFactoryDefault is not null)
        {
            // Stored after the factory default it followed: that default is on disk, and everything before it is gone.
            _beforeFactoryDefault = null;
            _uncertain.Clear();
        }
    }

    public void FactoryDefaultSent() => _factoryDefaultUncertain = true;

    public void FactoryDefaultAcknowledged()
    {
        _beforeFactoryDefault ??= new Dictionary<string, string?>(_expected, StringComparer.Ordinal);
        _expected = new Dictionary<string, string?>(StringComparer.Ordinal);
        _factoryDefaultUncertain = false;
    }

    /// <summary>Keys whose stored value no acceptable state explains (the fewest over the alternatives).</summary>
    public IReadOnlyList<string> Lost(IReadOnlyDictionary<string, string?> actual)
    {
        var bases = new List<Dictionary<string, string?>> { _expected };
        if (_beforeFactoryDefault is not null)
        {
            bases.Add(_beforeFactoryDefault);
        }

        if (_factoryDefaultUncertain)
        {
            bases.Add(new Dictionary<string, string?>(StringComparer.Ordinal));
        }

        var keys = actual.Keys.Concat(_expected.Keys).Concat(_beforeFactoryDefault?.Keys ?? Enumerable.Empty<string>()).Concat(_uncertain.Keys).Distinct().ToList();
        return bases
            .Select(state => keys.Where(k => !Explains(state.GetValueOrDefault(k), k, actual.GetValueOrDefault(k))).ToList())
            .MinBy(lost => lost.Count)!;
    }

    /// <summary>After the check: what the file holds is the truth the next round starts from.</summary>
    public void Adopt(IReadOnlyDictionary<string, string?> actual)
    {
        _expected = new Dictionary<string, string?>(actual, StringComparer.Ordinal);
        _beforeFactoryDefault = null;
        _factoryDefaultUncertain = false;
        _uncertain.Clear();
    }

    /// <summary>
    /// The keys a state file holds (only the parameters and users the run writes). Throws
    /// <see cref="JsonException"/> or <see cref="InvalidDataException"/> for a corrupt file.
    /// </summary>
    public static Dictionary<string, string?> ReadFile(string path, IReadOnlyCollection<string> parameters)
    {
        var state = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return state;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("firmware", out _))
        {
            throw new InvalidDataException($"{path}: not a device configuration");
        }

        if (root.TryGetProperty("parameters", out var stored))
        {
            foreach (var name in parameters)
            {
                if (stored.TryGetProperty(name, out var value))
                {
                    state["param:" + name] = value.GetString();
                }
            }
        }

        if (root.TryGetProperty("users", out var users))
        {
            foreach (var user in users.EnumerateArray())
            {
                state["user:" + user.GetProperty("name").GetString()] = Present;
            }
        }

        return state;
    }

    private bool Explains(string? expected, string key, string? actual) =>
        expected == actual || (_uncertain.TryGetValue(key, out var values) && values.Contains(actual));
}
