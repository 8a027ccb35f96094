using System.Text.Json.Serialization;

namespace AxisEmulator.Contracts;

/// <summary>How a device gets its address. Known values are static members; any wire text converts implicitly.</summary>
[JsonConverter(typeof(WireValueConverter<BootProtocol>))]
public readonly record struct BootProtocol(string Value) : IWireValue<BootProtocol>
{
    public static BootProtocol Dhcp { get; } = new("dhcp");

    /// <summary>A static address.</summary>
    public static BootProtocol None { get; } = new("none");

    /// <summary>Every value the emulator writes and accepts, in its order.</summary>
    public static IReadOnlyList<BootProtocol> Known { get; } = [Dhcp, None];

    public static implicit operator BootProtocol(string value) => new(WireText.Check(value, nameof(value)));

    public static BootProtocol FromWire(string value) => new(value);

    /// <summary>True for a value of <see cref="Known"/> (a newer emulator may send others).</summary>
    public bool IsKnown => Known.Contains(this);

    public bool Equals(BootProtocol other) => WireText.Equal(Value, other.Value);

    public override int GetHashCode() => WireText.Hash(Value);

    public override string ToString() => Value ?? "";
}
