using System.Diagnostics;
using System.Net.Http.Headers;
using Aspire.Hosting.Testing;
using Microsoft.Playwright;
using Platform.Resources;

namespace Platform.AppHost.Tests;

/// <summary>The dashboard in a real browser (Debian's chromium): every resource running, and a request's trace across services.</summary>
[Collection(PlatformTestGroup.Name)]
public sealed class DashboardTests(PlatformFixture platform)
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task The_dashboard_lists_every_resource_as_running()
    {
        await using var browser = await DashboardBrowser.OpenAsync(platform.DashboardUrl());

        // The grid renders over Blazor's websocket after the page loads: wait for every row to say Running.
        await browser.WaitForGridRowsAsync(PlatformFixture.Resources[0]);
        foreach (var resource in PlatformFixture.Resources)
        {
            var row = browser.Page.Locator("fluent-data-grid-row, [role=row]").Filter(new LocatorFilterOptions { HasText = resource });
            await Assertions.Expect(row.First).ToContainTextAsync("Running", new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });
        }
        await browser.ScreenshotAsync("dashboard.png");
        Assert.Contains(PlatformResources.Gateway.Name, await browser.Page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_through_the_gateway_is_one_trace_with_the_gateway_and_the_service_spans()
    {
        // The caller starts the trace, so the test knows its id without asking the dashboard's search.
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var gateway = platform.App.GetEndpoint(PlatformResources.Gateway.Name, "http");
        using (var client = new HttpClient { BaseAddress = gateway })
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/api/populations/populations"))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await platform.Tokens.PasswordTokenAsync("advisor.alphen"));
            request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
            using var response = await client.SendAsync(request);
            response.EnsureSuccessStatusCode();
        }

        await using var browser = await DashboardBrowser.OpenAsync(new Uri(platform.DashboardUrl(), $"/traces/detail/{traceId}"));

        // Spans arrive in export batches: reload until both the gateway's and the service's server span are shown.
        var page = browser.Page;
        var shown = await Testing.Eventually.TrueAsync(async () =>
        {
            var text = await page.Locator("body").InnerTextAsync();
            if (text.Contains("/api/populations/{**rest}", StringComparison.Ordinal) && text.Contains("/api/populations/populations", StringComparison.Ordinal))
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
            await page.ReloadAsync(new PageReloadOptions { WaitUntil = WaitUntilState.NetworkIdle });
            return false;
        }, TimeSpan.FromSeconds(90));
        await browser.ScreenshotAsync("dashboard-trace.png");

        Assert.True(shown, $"The dashboard did not show trace {traceId} with the gateway's and the populations service's spans.");
        var body = await page.Locator("body").InnerTextAsync();
        Assert.Contains(PlatformResources.Gateway.Name, body, StringComparison.Ordinal);
        Assert.Contains(PlatformResources.Populations.Name, body, StringComparison.Ordinal);
    }

    /// <summary>Debian's chromium, headless, on one dashboard page; screenshots go with the test results.</summary>
    private sealed class DashboardBrowser : IAsyncDisposable
    {
        private readonly IPlaywright _playwright;
        private readonly IBrowser _browser;

        private DashboardBrowser(IPlaywright playwright, IBrowser browser, IPage page)
        {
            _playwright = playwright;
            _browser = browser;
            Page = page;
        }

        public IPage Page { get; }

        public static async Task<DashboardBrowser> OpenAsync(Uri address)
        {
            Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install chromium");
            var playwright = await Playwright.CreateAsync();
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 900 } });
            await page.GotoAsync(address.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            return new DashboardBrowser(playwright, browser, page);
        }

        /// <summary>
        /// Waits for a resource's row. On a loaded machine the grid has been seen to count the resources yet render
        /// no row at all until the page is loaded again, so one reload is allowed before the wait fails.
        /// </summary>
        public async Task WaitForGridRowsAsync(string resource)
        {
            var row = Page.Locator("fluent-data-grid-row, [role=row]").Filter(new LocatorFilterOptions { HasText = resource }).First;
            try
            {
                await row.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
            }
            catch (PlaywrightException)
            {
                await Page.ReloadAsync(new PageReloadOptions { WaitUntil = WaitUntilState.NetworkIdle });
                await row.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
            }
        }

        public async Task ScreenshotAsync(string fileName)
        {
            var screenshot = Path.Combine(AppContext.BaseDirectory, "TestResults", fileName);
            Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
            Assert.True(new FileInfo(screenshot).Length > 0);
        }

        public async ValueTask DisposeAsync()
        {
            await _browser.DisposeAsync();
            _playwright.Dispose();
        }
    }
}
