using AxisEmulator.Core.Config;
using AxisEmulator.Vapix.Auth;
using AxisEmulator.Vapix.Forms;
using AxisEmulator.Vapix.Tests.Captures;
using AxisEmulator.Vapix.Tests.Support;
using AxisEmulator.Vapix.Users;

namespace AxisEmulator.Vapix.Tests.Users;

/// <summary>Replays every <c>pwdgrp_*</c> cassette, in order, on a configured device and compares bytes.</summary>
public class PwdgrpGoldenTests
{
    private const string Realm = "AXIS_0123456789AB";

    public static TheoryData<string, string> Cassettes => CaptureLibrary.KeysByDevice("pwdgrp_");

    [Theory]
    [MemberData(nameof(Cassettes))]
    public void Answers_match_the_capture_byte_for_byte(string cassetteKey, string device)
    {
        var cassette = CaptureLibrary.Default[cassetteKey];
        var personality = CapturedPersonality.Of(CapturedDevice.Parse(device));
        IReadOnlyList<UserAccount> users = [UserAccount.Create("root", "pass", Realm, UserRole.Admin, ptz: true)];

        foreach (var exchange in cassette.Exchanges)
        {
            var result = PwdgrpCgi.Handle(FormFields.Parse(exchange.Request.Query, exchange.Request.Body), users, Realm, personality);

            result.Response.StatusCode.Should().Be(exchange.Response.Status, $"exchange {exchange.Index}");
            result.Response.Body.Should().Be(exchange.Response.Body, $"exchange {exchange.Index}");
            users = result.Users;
        }
    }
}
