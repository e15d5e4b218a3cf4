using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Platform.Portal.Tests;

/// <summary>What every screen must pass: a screenshot kept with the results, and no WCAG 2.0/2.1 A or AA violation.</summary>
internal static class ScreenChecks
{
    public static async Task ScreenshotAndAxeAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalFixture.Screenshots, name + ".png"), FullPage = true });
        var results = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        Assert.True(results.Violations.Length == 0,
            $"{name}: " + string.Join("; ", results.Violations.Select(v => $"{v.Id}: {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")));
    }

    /// <summary>The write controls of the page's content (the header's sign-out form is not one).</summary>
    public static ILocator WriteControls(IPage page) => page.Locator("main form[method=post]");
}
