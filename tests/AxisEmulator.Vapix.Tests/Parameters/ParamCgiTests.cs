using AxisEmulator.Vapix.Auth;
using AxisEmulator.Vapix.Forms;
using AxisEmulator.Vapix.Parameters;

namespace AxisEmulator.Vapix.Tests.Parameters;

public class ParamCgiTests
{
    private static readonly ParameterTree Tree = ParameterTree.FromLines(
    [
        "root.Brand.ProdNbr=P3245-LVE",
        "root.Network.BootProto=dhcp",
        "root.Network.SSH.Enabled=no",
        "root.HTTPS.Enabled=yes",
        "root.HTTPS.Port=443",
        "root.ImageSource.I0.Name=Camera",
        "root.ImageSource.I1.Name=Second",
        "root.ImageSource.NbrOfSources=2",
        "root.StreamProfile.MaxGroups=2",
    ]);

    private static ParamCgiResult Call(string query, ParameterTree? tree = null, string? body = null) =>
        ParamCgi.Handle(FormFields.Parse(query, body), tree ?? Tree);

    [Fact]
    public void Groups_echo_the_root_prefix_exactly_as_asked()
    {
        Call("action=list&group=root.Network.SSH.Enabled").Response.Body.Should().Be("root.Network.SSH.Enabled=no\n");
        Call("action=list&group=Network.SSH.Enabled").Response.Body.Should().Be("Network.SSH.Enabled=no\n");
    }

    [Fact]
    public void Unknown_groups_give_error_lines_in_request_order_among_the_others()
    {
        var result = Call("action=list&group=Network.BootProto,Does.Not.Exist,root.HTTPS");

        result.Response.StatusCode.Should().Be(200);
        result.Response.Body.Should().Be(
            "Network.BootProto=dhcp\n# Error: Error -1 getting param in group 'Does.Not.Exist'\nroot.HTTPS.Enabled=yes\nroot.HTTPS.Port=443\n");
    }

    [Fact]
    public void Without_a_group_the_whole_tree_is_listed_with_root_prefix_in_device_order()
    {
        Call("action=list").Response.Body.Should().StartWith("root.Brand.ProdNbr=P3245-LVE\nroot.HTTPS.Enabled=yes\n");
        Call("action=list&group=root").Response.Body.Split('\n').Should().HaveCount(Tree.Count + 1);
    }

    [Fact]
    public void A_group_lists_its_own_parameters_before_its_subgroups()
    {
        Call("action=list&group=ImageSource").Response.Body.Should().Be(
            "ImageSource.NbrOfSources=2\nImageSource.I0.Name=Camera\nImageSource.I1.Name=Second\n");
    }

    [Fact]
    public void Wildcard_segments_match_any_name()
    {
        Call("action=list&group=ImageSource.*.Name").Response.Body.Should().Be(
            "ImageSource.I0.Name=Camera\nImageSource.I1.Name=Second\n");
    }

    [Fact]
    public void A_group_prefix_matches_whole_names_only()
    {
        Call("action=list&group=Network.Boot").Response.Body.Should().StartWith("# Error:");
    }

    [Fact]
    public void Names_are_case_sensitive()
    {
        Call("action=list&group=network.ssh.enabled").Response.Body.Should().StartWith("# Error:");
    }

    [Fact]
    public void Arguments_are_read_from_a_body_whatever_its_content_type()
    {
        Call("", body: "action=list&group=root.Brand").Response.Body.Should().Be("root.Brand.ProdNbr=P3245-LVE\n");
    }

    [Fact]
    public void Update_answers_ok_and_reports_the_change()
    {
        var result = Call("action=update&root.Network.SSH.Enabled=yes&HTTPS.Port=8443");

        result.Response.Body.Should().Be("OK");
        result.Tree["Network.SSH.Enabled"].Should().Be("yes");
        result.Tree["HTTPS.Port"].Should().Be("8443");
        result.Changes.Should().Equal(new ParameterChange("Network.SSH.Enabled", "yes"), new ParameterChange("HTTPS.Port", "8443"));
    }

    [Fact]
    public void Updating_unknown_or_read_only_parameters_fails_with_the_documented_text_and_changes_nothing()
    {
        var result = Call("action=update&Network.SSH.Enabled=yes&Network.Nope=1&root.Brand.ProdNbr=X");

        result.Response.Body.Should().Be(
            "# Error: Error setting 'Network.Nope' to '1'!\n# Error: Error setting 'root.Brand.ProdNbr' to 'X'!\n");
        result.Tree.Should().BeSameAs(Tree);
        result.Changes.Should().BeEmpty();
    }

    [Fact]
    public void Add_creates_the_next_free_entry_of_a_group()
    {
        var first = Call("action=add&template=streamprofile&group=StreamProfile&StreamProfile.S.Name=a&StreamProfile.S.Parameters=fps%3D5");

        first.Response.Body.Should().Be("S0 OK");
        first.Tree["StreamProfile.S0.Name"].Should().Be("a");
        first.Tree["StreamProfile.S0.Parameters"].Should().Be("fps=5");

        var second = Call("action=add&group=StreamProfile&StreamProfile.S.Name=b", first.Tree);
        second.Response.Body.Should().Be("S1 OK");

        Call("action=add&group=StreamProfile&StreamProfile.S.Name=c", second.Tree).Response.Body.Should().StartWith("# Request failed:");
    }

    [Fact]
    public void Add_to_an_unknown_group_fails()
    {
        Call("action=add&group=Nope&Nope.S.Name=x").Response.Body.Should().StartWith("# Request failed:");
    }

    [Fact]
    public void Remove_deletes_whole_groups_and_refuses_unknown_ones()
    {
        var added = Call("action=add&group=StreamProfile&StreamProfile.S.Name=a").Tree;

        var removed = Call("action=remove&group=StreamProfile.S0", added);

        removed.Response.Body.Should().Be("OK");
        removed.Tree.Contains("StreamProfile.S0.Name").Should().BeFalse();
        removed.Changes.Should().Equal(new ParameterChange("StreamProfile.S0.Name", null));
        Call("action=remove&group=StreamProfile.S9").Response.Body.Should().StartWith("# Request failed:");
    }

    [Theory]
    [InlineData("root")]
    [InlineData("root.")]
    [InlineData("ImageSource")]
    [InlineData("ImageSource.*")]
    [InlineData("Brand.ProdNbr")]
    public void Remove_never_takes_the_tree_a_top_level_group_wildcards_or_read_only_values(string group)
    {
        var result = Call($"action=remove&group={group}");

        result.Response.Body.Should().StartWith("# Request failed:");
        result.Tree.Should().BeSameAs(Tree);
    }

    [Fact]
    public void An_unknown_action_is_an_error_line_not_an_exception()
    {
        Call("action=dance").Response.Body.Should().StartWith("# Request failed:");
        Call("").Response.StatusCode.Should().Be(200);
    }

    [Theory]
    [InlineData("action=list&group=root.Network", AccessLevel.Viewer)]
    [InlineData("action=update&Image.I0.Appearance.Compression=40", AccessLevel.Operator)]
    [InlineData("action=update&Image.I0.Appearance.Compression=40&root.Network.SSH.Enabled=yes", AccessLevel.Admin)]
    [InlineData("action=add&group=StreamProfile&StreamProfile.S.Name=a", AccessLevel.Operator)]
    public void Required_access_depends_on_action_and_parameters(string query, AccessLevel role)
    {
        ParamCgi.RequiredAccess(FormFields.Parse(query)).Should().Be(role);
    }
}

public class ParameterNameComparerTests
{
    [Fact]
    public void Parameters_come_before_subgroups_and_names_sort_case_insensitively()
    {
        string[] names = ["Network.eth0.IPAddress", "Network.tcpECN", "Network.Bonjour.Enabled", "Network.BootProto", "Network.DHCP.VendorClass"];

        names.Order(ParameterNameComparer.Instance).Should().Equal(
            "Network.BootProto", "Network.tcpECN", "Network.Bonjour.Enabled", "Network.DHCP.VendorClass", "Network.eth0.IPAddress");
    }
}
