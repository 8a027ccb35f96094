using AxisEmulator.Core.Config;
using AxisEmulator.Core.Profiles;
using AxisEmulator.Vapix.Auth;
using AxisEmulator.Vapix.Forms;
using AxisEmulator.Vapix.Users;

namespace AxisEmulator.Vapix.Tests.Users;

public class PwdgrpCgiTests
{
    private const string Realm = "AXIS_B8A44F631339";
    private const string InitialAdmin = "action=add&user=root&pwd=foo&grp=root&sgrp=admin:operator:viewer:ptz";

    private static readonly IReadOnlyList<UserAccount> NoUsers = [];
    private static readonly IReadOnlyList<UserAccount> Configured = [UserAccount.Create("root", "pass", Realm, UserRole.Admin, ptz: true)];

    private static PwdgrpResult Call(string query, IReadOnlyList<UserAccount> users, FirmwarePersonality personality = FirmwarePersonality.Os11) =>
        PwdgrpCgi.Handle(FormFields.Parse(query), users, Realm, personality);

    private static string Message(PwdgrpResult result) =>
        result.Response.Body.Split("#ffffff>")[1].Split("\r\n")[0];

    [Theory]
    [InlineData(FirmwarePersonality.Os10)]
    [InlineData(FirmwarePersonality.Os11)]
    [InlineData(FirmwarePersonality.Os12)]
    public void In_setup_mode_root_is_created_anonymously_as_admin_with_ptz(FirmwarePersonality personality)
    {
        PwdgrpCgi.RequiredAccess(NoUsers).Should().Be(AccessLevel.Anonymous);

        var result = Call(InitialAdmin, NoUsers, personality);

        result.Response.StatusCode.Should().Be(200);
        Message(result).Should().Be("Created account root.");
        result.Users.Should().ContainSingle().Which.Should().Be(UserAccount.Create("root", "foo", Realm, UserRole.Admin, ptz: true));
        PwdgrpCgi.NeedsSetup(result.Users).Should().BeFalse();
        PwdgrpCgi.RequiredAccess(result.Users).Should().Be(AccessLevel.Admin);
    }

    [Fact]
    public void Os10_refuses_an_initial_admin_not_named_root()
    {
        var result = Call("action=add&user=admin&pwd=foo&grp=root&sgrp=admin:operator:viewer:ptz", NoUsers, FirmwarePersonality.Os10);

        result.Response.StatusCode.Should().Be(401);
        result.Response.ContentType.Should().Be("text/html");
        Message(result).Should().Be("Error: not a valid initial admin user.");
        result.Users.Should().BeEmpty();
    }

    [Fact]
    public void Os10_refuses_a_comment_on_the_initial_admin()
    {
        Call(InitialAdmin + "&comment=hello", NoUsers, FirmwarePersonality.Os10).Response.StatusCode.Should().Be(401);
    }

    [Theory]
    [InlineData(FirmwarePersonality.Os11)]
    [InlineData(FirmwarePersonality.Os12)]
    public void From_11_5_any_name_can_be_the_initial_admin(FirmwarePersonality personality)
    {
        var result = Call("action=add&user=operatorjoe&pwd=foo&grp=root&sgrp=admin:operator:viewer:ptz", NoUsers, personality);

        Message(result).Should().Be("Created account operatorjoe.");
    }

    [Theory]
    [InlineData("action=add&user=root&pwd=foo&grp=users&sgrp=viewer")]
    [InlineData("action=add&user=root&pwd=foo&grp=root&sgrp=admin:operator:viewer")]
    public void The_initial_admin_must_be_an_administrator_with_ptz(string query)
    {
        var result = Call(query, NoUsers);

        result.Response.StatusCode.Should().Be(401);
        Message(result).Should().Be("Error: not a valid initial admin user.");
    }

    [Theory]
    [InlineData("action=get")]
    [InlineData("action=remove&user=root")]
    [InlineData("action=update&user=root&pwd=x")]
    [InlineData("")]
    public void Any_other_call_in_setup_mode_is_refused_with_401(string query)
    {
        var result = Call(query, NoUsers);

        result.Response.StatusCode.Should().Be(401);
        result.Response.Body.Should().Be(
            "<html><head><title>User accounts</title></head><body bgcolor=#ffffff>Error: initial admin user must be created first.\r\n</body>\r\n\r\n</html>\r\n");
    }

    [Theory]
    [InlineData("user!")]
    [InlineData("")]
    [InlineData("fifteencharsxxx")]
    [InlineData("under_score")]
    public void Invalid_user_names_are_refused(string name)
    {
        Message(Call($"action=add&user={name}&pwd=ok&grp=users&sgrp=viewer", Configured)).Should().Be("Error: account user name.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("%07bell")]
    public void Invalid_passwords_are_refused(string password)
    {
        Message(Call($"action=add&user=joe&pwd={password}&grp=users&sgrp=viewer", Configured)).Should().Be("Error: invalid password.");
    }

    [Fact]
    public void A_64_character_password_is_the_longest_accepted()
    {
        Message(Call($"action=add&user=joe&pwd={new string('a', 64)}&sgrp=viewer", Configured)).Should().Be("Created account joe.");
        Message(Call($"action=add&user=joe&pwd={new string('a', 65)}&sgrp=viewer", Configured)).Should().Be("Error: invalid password.");
    }

    [Theory]
    [InlineData("viewer:operator:admin", UserRole.Admin, false)]
    [InlineData("admin:operator:viewer:ptz", UserRole.Admin, true)]
    [InlineData("operator:viewer", UserRole.Operator, false)]
    [InlineData("viewer:ptz", UserRole.Viewer, true)]
    public void Secondary_groups_set_role_and_ptz_in_any_order(string sgrp, UserRole role, bool ptz)
    {
        var result = Call($"action=add&user=joe&pwd=abcd&grp=users&sgrp={sgrp}", Configured);

        result.Users.Single(u => u.Name == "joe").Should().Match<UserAccount>(u => u.Role == role && u.Ptz == ptz);
    }

    [Fact]
    public void Update_changes_password_and_groups()
    {
        var users = Call("action=add&user=joe&pwd=abcd&grp=users&sgrp=viewer", Configured).Users;

        var result = Call("action=update&user=joe&pwd=newpass&sgrp=operator:viewer", users);

        Message(result).Should().Be("Modified account joe.");
        result.Users.Single(u => u.Name == "joe").Should().Be(
            UserAccount.Create("joe", "newpass", Realm, UserRole.Operator));
    }

    [Fact]
    public void Update_of_a_missing_user_names_the_account()
    {
        Message(Call("action=update&user=ghost&pwd=x", Configured)).Should().Be("Error: account user name.");
    }

    [Fact]
    public void The_last_administrator_can_be_neither_removed_nor_demoted()
    {
        var os12 = FirmwarePersonality.Os12;
        Call("action=remove&user=root", Configured, os12).Changed.Should().BeFalse();
        Call("action=update&user=root&sgrp=viewer", Configured, os12).Changed.Should().BeFalse();
    }

    [Fact]
    public void Os10_keeps_root_even_when_another_admin_exists()
    {
        var users = Call("action=add&user=joe&pwd=abcd&sgrp=admin:operator:viewer", Configured, FirmwarePersonality.Os10).Users;

        Call("action=remove&user=root", users, FirmwarePersonality.Os10).Changed.Should().BeFalse();
        Call("action=remove&user=root", users, FirmwarePersonality.Os12).Changed.Should().BeTrue();
    }

    [Fact]
    public void Get_lists_every_group_as_text()
    {
        var users = Call("action=add&user=joe&pwd=abcd&grp=users&sgrp=operator:viewer", Configured).Users;

        var result = Call("action=get", users);

        result.Response.ContentType.Should().Be("text/plain");
        result.Response.Body.Should().Be(
            "admin=\"root\"\r\noperator=\"root,joe\"\r\nviewer=\"root,joe\"\r\nptz=\"root\"\r\ndigusers=\"root,joe\"\r\n");
    }

    [Fact]
    public void Missing_and_unknown_actions_have_their_own_texts()
    {
        Message(Call("user=joe", Configured)).Should().Be("Error: action operation type.");
        Message(Call("action=rename&user=joe", Configured)).Should().Be("Error: malformed action operation, rename.");
    }

    [Fact]
    public void Arguments_may_come_in_a_form_body()
    {
        var result = PwdgrpCgi.Handle(FormFields.Parse(null, "action=add&user=joe&pwd=a+b%21&grp=users&sgrp=viewer"), Configured, Realm, FirmwarePersonality.Os11);

        result.Users.Single(u => u.Name == "joe").Ha1.Should().Be(UserAccount.ComputeHa1("joe", Realm, "a b!"));
    }
}
