using System.Reflection;
using AxisEmulator.Control.Api;
using Server = AxisEmulator.Control.Api;

namespace AxisEmulator.Client.Tests;

/// <summary>
/// The client's own contracts mirror the control plane's, without referencing them (so the client
/// works against a remote emulator). These tests catch the two drifting apart: a value or a property
/// the server added that the client lacks, or a request property the strict server would reject.
/// </summary>
public class ContractDriftTests
{
    public static TheoryData<Type, Type> Responses => new()
    {
        { typeof(Server.DeviceState), typeof(DeviceState) },
        { typeof(Server.PowerState), typeof(PowerState) },
        { typeof(Server.ButtonState), typeof(ButtonState) },
        { typeof(Server.LedsState), typeof(LedsState) },
        { typeof(LedView), typeof(LedState) },
        { typeof(Server.NetworkState), typeof(NetworkState) },
        { typeof(Server.FirmwareState), typeof(FirmwareState) },
        { typeof(Server.ButtonHoldAccepted), typeof(ButtonHoldAccepted) },
        { typeof(Server.ClockState), typeof(ClockState) },
        { typeof(Server.AdvanceResult), typeof(AdvanceResult) },
        { typeof(Server.HealthStatus), typeof(HealthStatus) },
        { typeof(TimelineEntryView), typeof(TimelineEntry) },
        { typeof(Server.TimelinePage), typeof(TimelinePage) },
        { typeof(Server.RequestRecord), typeof(RequestRecord) },
        { typeof(Server.RequestJournal), typeof(RequestJournal) },
        { typeof(ProfileView), typeof(HardwareProfile) },
        { typeof(Server.ProfileFirmware), typeof(ProfileFirmware) },
        { typeof(VoltageRangeView), typeof(VoltageRange) },
        { typeof(Server.ProfileLoads), typeof(ProfileLoads) },
        { typeof(Server.ResetWindow), typeof(ResetWindow) },
        { typeof(Server.ProfileBoot), typeof(ProfileBoot) },
        { typeof(Server.ProfileLeds), typeof(ProfileLeds) },
        { typeof(PowerSourceBody), typeof(PowerSource) },
    };

    public static TheoryData<Type, Type> Requests => new()
    {
        { typeof(PowerSourceBody), typeof(PowerSource) },
        { typeof(Server.CreateDeviceRequest), typeof(CreateDeviceRequest) },
        { typeof(Server.PowerRequest), typeof(PowerRequest) },
        { typeof(FaultsRequest), typeof(DeviceFaults) },
        { typeof(ButtonFaultBody), typeof(ButtonFault) },
    };

    public static TheoryData<Type, Type> Values => new()
    {
        { typeof(Core.Devices.DevicePhase), typeof(DevicePhase) },
        { typeof(Core.Leds.LedColor), typeof(LedColor) },
        { typeof(Core.Leds.LedPattern), typeof(LedPattern) },
        { typeof(Core.Power.PowerStatus), typeof(PowerStatus) },
        { typeof(Core.Button.ButtonCondition), typeof(ButtonCondition) },
        { typeof(Core.Config.BootProtocol), typeof(BootProtocol) },
        { typeof(Core.Events.TimelineKind), typeof(TimelineKind) },
        { typeof(Core.Clock.ClockMode), typeof(ClockMode) },
        { typeof(Server.PowerSourceKind), typeof(PowerSourceKind) },
        { typeof(Core.Profiles.FormFactor), typeof(FormFactor) },
        { typeof(Core.Profiles.FirmwarePersonality), typeof(FirmwarePersonality) },
        { typeof(Core.Profiles.LateReleaseBehavior), typeof(LateReleaseBehavior) },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public void The_client_reads_every_property_the_server_writes(Type server, Type client)
    {
        var clientNames = Properties(client);

        Properties(server).Should().BeSubsetOf(clientNames, $"{client.Name} mirrors {server.Name}");
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public void The_client_sends_only_properties_the_server_accepts(Type server, Type client)
    {
        var serverNames = Properties(server);

        Properties(client, settableOnly: true).Should().BeSubsetOf(serverNames, $"the server rejects unknown properties of {server.Name}");
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void The_client_knows_every_value_the_server_writes(Type serverEnum, Type client)
    {
        var known = ((System.Collections.IEnumerable)client.GetProperty("Known")!.GetValue(null)!).Cast<object>().Select(v => v.ToString()).ToList();

        known.Should().Equal(ControlJson.Names(serverEnum), $"{client.Name} lists {serverEnum.Name}'s wire names in order");
    }

    private static List<string> Properties(Type type, bool settableOnly = false) =>
    [
        .. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name != "EqualityContract" && (!settableOnly || p.CanWrite || IsConstructorParameter(type, p.Name)))
            .Where(p => settableOnly || p.CanWrite || IsConstructorParameter(type, p.Name))
            .Select(p => p.Name)
            .OrderBy(n => n, StringComparer.Ordinal),
    ];

    private static bool IsConstructorParameter(Type type, string name) =>
        type.GetConstructors().Any(c => c.GetParameters().Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)));
}
