using Microsoft.Playwright;
using Platform.Resources;

namespace Platform.AppHost.Tests;

/// <summary>The dashboard in a real browser (Debian's chromium) shows every resource running.</summary>
[Collection(PlatformTestGroup.Name)]
public sealed class DashboardTests(PlatformFixture platform)
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task The_dashboard_lists_every_resource_as_running()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install chromium");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 900 } });

        await page.GotoAsync(platform.DashboardUrl().ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        // The grid renders over Blazor's websocket after the page loads: wait for every row to say Running.
        foreach (var resource in PlatformFixture.Resources)
        {
            var row = page.Locator("fluent-data-grid-row, [role=row]").Filter(new LocatorFilterOptions { HasText = resource });
            await Assertions.Expect(row.First).ToContainTextAsync("Running", new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });
        }
        var screenshot = Path.Combine(AppContext.BaseDirectory, "TestResults", "dashboard.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 0);
        Assert.Contains(PlatformResources.Gateway.Name, await page.ContentAsync(), StringComparison.Ordinal);
    }
}
