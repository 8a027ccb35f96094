namespace AxisEmulator.Control.Tests;

public class ControlAssemblyTests
{
    [Fact]
    public void Control_assembly_is_named_for_its_area() =>
        typeof(ControlAssembly).Assembly.GetName().Name.Should().Be("AxisEmulator.Control");
}
