using Microsoft.Playwright;

namespace Platform.Portal.Tests;

/// <summary>The region coordinator's screen: the region's totals per municipality, for that role only.</summary>
[Collection(PortalGroup.Name)]
public sealed class RegionScreenTests(PortalFixture platform)
{
    private static readonly Dictionary<string, string> Names = new()
    {
        ["GM0484"] = "Alphen aan den Rijn", ["GM1884"] = "Kaag en Braassem", ["GM0569"] = "Nieuwkoop",
    };

    [Fact]
    public async Task A_region_coordinator_sees_the_regions_totals_per_municipality_in_a_chart_a_table_and_a_CSV()
    {
        var figures = await platform.ApiAsync("coordinator.rijnland", "/api/referrals/region/figures?period=quarter");
        var contracts = await platform.ApiAsync("coordinator.rijnland", "/api/contracts/region/contracts");
        var page = await platform.SignInAsync("coordinator.rijnland", "/regio");

        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Regio-overzicht" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("role")).ToHaveTextAsync("Regiocoördinator");
        Assert.True(figures.GetArrayLength() > 0, "the demo region has referrals this year");
        await Assertions.Expect(page.GetByTestId("region-chart")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("region-figures").Locator("tbody tr")).ToHaveCountAsync(figures.GetArrayLength());
        var table = await page.GetByTestId("region-figures").InnerTextAsync();
        foreach (var municipality in figures.EnumerateArray().Select(f => f.GetProperty("municipality").GetString()!).Distinct())
        {
            Assert.Contains(Names[municipality], table, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("GM0", table, StringComparison.Ordinal);
        var total = figures.EnumerateArray().Sum(f => f.GetProperty("referrals").GetInt64());
        var shown = 0L;
        foreach (var cells in await Task.WhenAll((await page.GetByTestId("region-figures").Locator("tbody tr").AllAsync()).Select(r => r.Locator("td").AllInnerTextsAsync())))
        {
            shown += long.Parse(cells[2].Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        }

        Assert.Equal(total, shown);
        await Assertions.Expect(page.GetByTestId("region-contracts").Locator("tbody tr")).ToHaveCountAsync(contracts.GetArrayLength());

        // Aggregates only: no column names a client, neighbourhood, district or provider.
        var headers = string.Join(" ", await page.Locator("main th[scope=col]").AllInnerTextsAsync());
        foreach (var detail in new[] { "Cliënt", "Buurt", "Wijk", "Aanbieder" })
        {
            Assert.DoesNotContain(detail, headers, StringComparison.Ordinal);
        }

        var csv = await page.APIRequest.GetAsync("/downloads/referrals/region/figures?period=quarter");
        Assert.Equal(200, csv.Status);
        Assert.Equal(figures.GetArrayLength() + 1, (await csv.TextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        await ScreenChecks.ScreenshotAndAxeAsync(page, "regio");
    }

    [Fact]
    public async Task A_region_coordinator_chooses_years_with_the_keyboard_alone()
    {
        var page = await platform.SignInAsync("coordinator.rijnland", "/regio");

        await page.FocusAsync("#periode");
        await page.Keyboard.PressAsync("ArrowDown"); // from Kwartaal to Jaar
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("van", await page.EvaluateAsync<string>("document.activeElement.id"));

        // Enter in a field submits its form, as the button would.
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(url => url.Contains("periode=year", StringComparison.Ordinal));
        var periods = await page.GetByTestId("region-figures").Locator("tbody tr td:nth-child(2)").AllInnerTextsAsync();
        Assert.NotEmpty(periods);
        Assert.All(periods, p => Assert.DoesNotContain("Q", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_refused_next_to_its_field()
    {
        var page = await platform.SignInAsync("coordinator.rijnland", "/regio?periode=quarter&van=2026-06-01&tot=2026-01-01");

        await Assertions.Expect(page.Locator("#tot-fout")).ToBeVisibleAsync();
        Assert.Equal("tot-fout", await page.GetAttributeAsync("#tot", "aria-describedby"));
        Assert.Equal(0, await page.GetByTestId("region-chart").CountAsync());
    }

    [Fact]
    public async Task Other_roles_do_not_see_the_region_screen_and_are_refused_it()
    {
        var page = await platform.SignInAsync("advisor.alphen", "/");
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Regio-overzicht" }).CountAsync());

        var response = await page.GotoAsync("/regio");
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Geen toegang");
        Assert.Equal(0, await page.GetByTestId("region-figures").CountAsync());

        var csv = await page.APIRequest.GetAsync("/downloads/referrals/region/figures?period=quarter");
        Assert.Equal(403, csv.Status);
    }
}
