namespace AxisEmulator.Vapix.Tests;

public class PlaceholderTests
{
    [Fact]
    public void Builds() => true.Should().BeTrue();
}
