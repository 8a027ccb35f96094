using AxisEmulator.Vapix.Auth;
using AxisEmulator.Vapix.Data;
using AxisEmulator.Vapix.Forms;
using AxisEmulator.Vapix.Parameters;
using AxisEmulator.Vapix.Snapshots;
using AxisEmulator.Vapix.Tests.Captures;
using AxisEmulator.Vapix.Tests.ServedApis;
using AxisEmulator.Vapix.Tests.Support;

namespace AxisEmulator.Vapix.Tests.Parameters;

/// <summary>
/// Replays every <c>parameter_management_*</c> cassette through param.cgi with the tree the factory
/// builds for the captured model, and compares the answers byte for byte.
/// </summary>
public class ParamCgiGoldenTests
{
    private static readonly ParameterTreeFactory Factory = new(new VapixDataCatalog(RepositoryPaths.VapixData));

    public static TheoryData<string, string> Cassettes => CaptureLibrary.KeysByDevice("parameter_management_");

    [Theory]
    [MemberData(nameof(Cassettes))]
    public void Answers_match_the_capture_byte_for_byte(string cassetteKey, string device)
    {
        var cassette = CaptureLibrary.Default[cassetteKey];
        var identity = CapturedDevices.Identity(CapturedDevice.Parse(device));
        var tree = Factory.Build(CapturedParameterState.InputsMatching(cassette, identity));

        foreach (var exchange in cassette.Exchanges)
        {
            var result = ParamCgi.Handle(FormFields.Parse(exchange.Request.Query, exchange.Request.Body), tree);

            result.Response.StatusCode.Should().Be(exchange.Response.Status);
            result.Response.ContentType.Should().Be("text/plain");
            result.Response.Body.Should().Be(HonestCapture.ParamList(exchange.Response.Body), $"exchange {exchange.Index} of {cassetteKey} on {device}");
            tree = result.Tree;
        }
    }
}
