using Microsoft.Playwright;

namespace AxisEmulator.Dashboard.Tests;

/// <summary>
/// One headless Debian chromium for the browser tests, driven by Playwright (which never downloads a
/// browser of its own here). Without chromium every browser test fails with how to install it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's chromium; override with AXIS_DASHBOARD_CHROMIUM.</summary>
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("AXIS_DASHBOARD_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: test-output/screenshots/ under the repository root (CI keeps test-output/).</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(RepositoryPaths.Root, "test-output", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The dashboard tests drive Debian's chromium, but {ChromiumPath} does not exist. Install it: `apt-get install -y chromium` (.ci/run does this on CI).");
        }

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Directory.CreateDirectory(ScreenshotDirectory);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            Timeout = 60_000,
        });
        Assertions.SetDefaultExpectTimeout(10_000);
    }

    /// <summary>A fresh page (its own context) at a laptop-projector size.</summary>
    public async Task<IPage> NewPageAsync(int width = 1600, int height = 1000)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ReducedMotion = ReducedMotion.NoPreference,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
