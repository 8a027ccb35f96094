using AxisEmulator.Core.Profiles;
using AxisEmulator.Vapix.Data;
using AxisEmulator.Vapix.Forms;
using AxisEmulator.Vapix.Json;
using AxisEmulator.Vapix.Parameters;
using AxisEmulator.Vapix.Snapshots;
using AxisEmulator.Vapix.Tests.Captures;
using AxisEmulator.Vapix.Tests.ServedApis;
using AxisEmulator.Vapix.Tests.Support;

namespace AxisEmulator.Vapix.Tests.Json;

/// <summary>
/// The shipped hardware profiles of captured models, run through basicdeviceinfo, must give what the
/// real devices answered (only the serial and the SoC serial are the unit's own).
/// </summary>
public class ShippedProfilesMatchCapturesTests
{
    private static readonly Lazy<ProfileCatalog> Catalog = new(() => ProfileCatalog.Load(Path.Combine(RepositoryPaths.Root, "hardware-profiles")));

    public static TheoryData<string, string> Cassettes => CaptureLibrary.KeysByDevice("basic_device_info_");

    [Theory]
    [MemberData(nameof(Cassettes))]
    public void Basic_device_info_of_the_shipped_profile_matches_the_device(string cassetteKey, string device)
    {
        var captured = CapturedDevice.Parse(device);
        var profile = Catalog.Value.All.SingleOrDefault(p => p.Model == captured.Model && p.Firmware.Version == captured.Version);
        profile.Should().NotBeNull($"a profile of {device} should ship, since it was captured");

        var exchange = CaptureLibrary.Default[cassetteKey].Exchanges.Single();
        var identity = new VapixIdentity(profile!, CapturedDevices.ScrubbedSerial)
        {
            SocSerialNumber = CapturedDevices.Identity(captured).SocSerialNumber,
        };
        var call = JsonApiCall.Parse(BasicDeviceInfoApi.Spec, profile!.Firmware.Personality, exchange.Request.Body);

        BasicDeviceInfoApi.Handle(call, identity).Body.Should().Be(exchange.Response.Body);
        profile.Firmware.Personality.Should().Be(CapturedPersonality.Of(captured));
    }

    public static TheoryData<string, string> FullParameterLists => CaptureLibrary.KeysByDevice("parameter_management_list_all");

    [Theory]
    [MemberData(nameof(FullParameterLists))]
    public void The_full_parameter_list_of_the_shipped_profile_matches_the_device(string cassetteKey, string device)
    {
        var captured = CapturedDevice.Parse(device);
        var profile = Catalog.Value.All.Single(p => p.Model == captured.Model && p.Firmware.Version == captured.Version);
        var cassette = CaptureLibrary.Default[cassetteKey];
        var factory = new ParameterTreeFactory(new VapixDataCatalog(RepositoryPaths.VapixData));

        var tree = factory.Build(CapturedParameterState.InputsMatching(cassette, new VapixIdentity(profile, CapturedDevices.ScrubbedSerial)));

        var exchange = cassette.Exchanges.Single();
        ParamCgi.Handle(FormFields.Parse(exchange.Request.Query), tree).Response.Body.Should().Be(HonestCapture.ParamList(exchange.Response.Body));
    }
}
