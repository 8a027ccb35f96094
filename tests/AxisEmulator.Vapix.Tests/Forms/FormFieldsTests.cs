using AxisEmulator.Vapix.Forms;

namespace AxisEmulator.Vapix.Tests.Forms;

public class FormFieldsTests
{
    [Fact]
    public void Query_then_body_in_order_with_duplicates_kept()
    {
        var fields = FormFields.Parse("?action=list&group=a", "group=b&x");

        fields.All.Select(f => $"{f.Key}={f.Value}").Should().Equal("action=list", "group=a", "group=b", "x=");
        fields["group"].Should().Be("a");
        fields["missing"].Should().BeNull();
    }

    [Theory]
    [InlineData("pwd=a+b", "a b")]
    [InlineData("pwd=%41%42", "AB")]
    [InlineData("pwd=%C3%A5", "å")]
    [InlineData("pwd=100%", "100%")]
    [InlineData("pwd=%zz", "%zz")]
    [InlineData("pwd=a=b", "a=b")]
    [InlineData("pwd=Good morning", "Good morning")]
    public void Values_are_url_decoded_leniently(string query, string expected)
    {
        FormFields.Parse(query)["pwd"].Should().Be(expected);
    }

    [Fact]
    public void A_trailing_newline_in_a_body_is_not_part_of_the_value()
    {
        FormFields.Parse(null, "action=list&group=root.Brand\n")["group"].Should().Be("root.Brand");
    }

    [Fact]
    public void Empty_input_has_no_fields()
    {
        FormFields.Parse(null, null).All.Should().BeEmpty();
        FormFields.Parse("", "&&").All.Should().BeEmpty();
    }

    [Fact]
    public void Empty_pairs_bare_names_empty_names_and_bad_escapes_are_cut_as_before()
    {
        FormFields.Parse("a=1&&b&=v&c=%zz+x&d=%41%e2%82%ac\r\n").All.Should().Equal(
            new KeyValuePair<string, string>("a", "1"),
            new KeyValuePair<string, string>("b", ""),
            new KeyValuePair<string, string>("", "v"),
            new KeyValuePair<string, string>("c", "%zz x"),
            new KeyValuePair<string, string>("d", "A€"));
    }
}
