using AxisEmulator.Vapix.Tests.Captures;
using AxisEmulator.Vapix.Tests.Support;

namespace AxisEmulator.Vapix.Tests.Data;

/// <summary>
/// The files in <c>hardware-profiles/vapix/</c> are derived from the captures. This test fails when they
/// drift; run it with <c>AXIS_VAPIX_REGENERATE=1</c> to rewrite them after adding captures.
/// </summary>
public class VapixDataFilesTests
{
    [Fact]
    public void Checked_in_data_files_match_what_the_captures_say()
    {
        var expected = CaptureDataExtraction.ExpectedFiles(CaptureLibrary.Default);
        var root = RepositoryPaths.VapixData;
        if (Environment.GetEnvironmentVariable("AXIS_VAPIX_REGENERATE") == "1")
        {
            foreach (var (relative, content) in expected)
            {
                var path = Path.Combine(root, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, content);
            }
        }

        foreach (var (relative, content) in expected)
        {
            var path = Path.Combine(root, relative);
            File.Exists(path).Should().BeTrue($"{relative} should be checked in (regenerate with AXIS_VAPIX_REGENERATE=1)");
            File.ReadAllText(path).Should().Be(content, $"{relative} should match the captures");
        }
    }
}
