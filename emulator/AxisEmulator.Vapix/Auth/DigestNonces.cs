using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace AxisEmulator.Vapix.Auth;

/// <summary>What a nonce sent back by a client is worth.</summary>
public enum NonceState
{
    /// <summary>Not one of ours (bad shape, forged, or from an earlier boot's secret).</summary>
    Invalid,

    /// <summary>Ours, but older than the lifetime: re-challenge with <c>stale=true</c>.</summary>
    Stale,

    Valid,
}

/// <summary>
/// Apache mod_auth_digest nonces, the shape Axis devices send (<c>WuZJmDxdBgA=39fd...</c>): base64 of the
/// 8-byte little-endian issue time in microseconds (12 characters, ending in the <c>=</c> padding), then
/// the SHA-1 hex of a secret, the realm and that base64 text. The server keeps no nonce list: it can
/// re-check any nonce from the text alone. Nonce counts are tracked per nonce so a replayed or
/// non-increasing <c>nc</c> is refused.
/// </summary>
public sealed class DigestNonces
{
    /// <summary>Apache's <c>AuthDigestNonceLifetime</c> default.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(300);

    /// <summary>Nonces whose counts are remembered at most (the oldest are forgotten first).</summary>
    public const int MaxTrackedNonces = 100_000;

    private const int TimeTextLength = 12;
    private const int HashTextLength = 40;

    private readonly TimeProvider _time;
    private readonly byte[] _secret;
    private readonly string _realm;
    private readonly Dictionary<string, (uint Count, DateTimeOffset Issued)> _lastCounts = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly Queue<(string Nonce, DateTimeOffset Issued)> _seen = new();
    private long _lastIssuedMicros;

    /// <param name="time">The device's simulation clock.</param>
    /// <param name="secret">Per-boot secret (Apache draws one at start-up, so a reboot invalidates old nonces).</param>
    /// <param name="realm">Bound into the hash so a nonce of one device is worthless on another.</param>
    public DigestNonces(TimeProvider time, ReadOnlySpan<byte> secret, string realm, TimeSpan? lifetime = null)
    {
        _time = time;
        _secret = secret.ToArray();
        _realm = realm;
        Lifetime = lifetime ?? DefaultLifetime;
    }

    public TimeSpan Lifetime { get; }

    /// <summary>
    /// A new nonce. Each one carries a distinct issue time: in manual simulated time many challenges go
    /// out at the same instant, and identical nonces would make every client's <c>nc=00000001</c> a replay,
    /// so a nonce issued when the clock has not moved is stamped one microsecond after the previous one.
    /// </summary>
    public string Issue()
    {
        var now = (_time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks / (TimeSpan.TicksPerMillisecond / 1000);
        long micros;
        lock (_gate)
        {
            micros = _lastIssuedMicros = Math.Max(now, _lastIssuedMicros + 1);
        }

        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, micros);
        var timeText = Convert.ToBase64String(bytes);
        return timeText + Hash(timeText);
    }

    public NonceState Check(string? nonce)
    {
        if (nonce is null || nonce.Length != TimeTextLength + HashTextLength)
        {
            return NonceState.Invalid;
        }

        // A nonce already in use has passed the hash once: only its age needs checking (this is the
        // hot path of every authenticated request, which would otherwise re-hash it twice).
        DateTimeOffset issued;
        bool known;
        lock (_gate)
        {
            known = _lastCounts.TryGetValue(nonce, out var tracked);
            issued = tracked.Issued;
        }

        if (!known)
        {
            var timeText = nonce[..TimeTextLength];
            if (!DigestHash.HexEquals(Hash(timeText), nonce[TimeTextLength..]) || IssuedAt(timeText) is not { } fromText)
            {
                return NonceState.Invalid;
            }

            issued = fromText;
        }

        // Issue times may run ahead of the clock by the nonces handed out in one instant (see Issue);
        // only ours pass the hash, so "ahead" just means "fresh", up to one lifetime.
        var age = _time.GetUtcNow() - issued;
        return age < -Lifetime ? NonceState.Invalid : age > Lifetime ? NonceState.Stale : NonceState.Valid;
    }

    /// <summary>
    /// Records <paramref name="nonceCount"/> for a valid nonce. False when it is not above the last
    /// count seen with that nonce (a replay). Entries of expired nonces are dropped as we go.
    /// </summary>
    public bool TryUseCount(string nonce, uint nonceCount)
    {
        if (Check(nonce) != NonceState.Valid)
        {
            return false;
        }

        lock (_gate)
        {
            ForgetExpired();
            if (_lastCounts.TryGetValue(nonce, out var last))
            {
                if (nonceCount <= last.Count)
                {
                    return false;
                }

                _lastCounts[nonce] = (nonceCount, last.Issued);
                return true;
            }

            var issued = IssuedAt(nonce[..TimeTextLength])!.Value;
            _lastCounts[nonce] = (nonceCount, issued);
            _seen.Enqueue((nonce, issued));
            return true;
        }
    }

    /// <summary>
    /// Drops the counts of expired nonces (in the order they were first used, so each call costs only
    /// what it removes), and the oldest ones beyond <see cref="MaxTrackedNonces"/> (Apache's client list
    /// is bounded too): in manual time the clock may stand still while requests keep coming.
    /// </summary>
    private void ForgetExpired()
    {
        var oldestValid = _time.GetUtcNow() - Lifetime;
        while (_seen.TryPeek(out var head) && (head.Issued < oldestValid || _seen.Count > MaxTrackedNonces))
        {
            _seen.Dequeue();
            _lastCounts.Remove(head.Nonce);
        }
    }

    private static DateTimeOffset? IssuedAt(string timeText)
    {
        Span<byte> bytes = stackalloc byte[9];
        if (!Convert.TryFromBase64String(timeText, bytes, out var written) || written != 8)
        {
            return null;
        }

        var micros = BinaryPrimitives.ReadInt64LittleEndian(bytes);
        var maxMicros = (DateTimeOffset.MaxValue - DateTimeOffset.UnixEpoch).Ticks / 10;
        return micros < 0 || micros > maxMicros ? null : DateTimeOffset.UnixEpoch.AddTicks(micros * 10);
    }

    private string Hash(string timeText)
    {
        var input = new byte[_secret.Length + Encoding.UTF8.GetByteCount(_realm) + timeText.Length];
        _secret.CopyTo(input, 0);
        var offset = _secret.Length;
        offset += Encoding.UTF8.GetBytes(_realm, 0, _realm.Length, input, offset);
        Encoding.ASCII.GetBytes(timeText, 0, timeText.Length, input, offset);
        // SHA-1 because the nonce must look like Apache's (40 hex digits); it only proves we issued it.
#pragma warning disable CA5350
        return Convert.ToHexStringLower(SHA1.HashData(input));
#pragma warning restore CA5350
    }
}
