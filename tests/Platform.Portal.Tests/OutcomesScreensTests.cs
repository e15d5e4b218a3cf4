using Microsoft.Playwright;

namespace Platform.Portal.Tests;

/// <summary>The outcomes screens in Debian's chromium, through the real gateway, identity provider and services.</summary>
[Collection(PortalGroup.Name)]
public sealed class OutcomesScreensTests(PortalFixture platform)
{
    private const string TomsStory = "Two teams in Alphen-Noord worked understaffed";

    [Fact]
    public async Task Alphens_2025_client_satisfaction_shows_as_not_met_beside_Toms_narrative()
    {
        var evaluation = await DemoData.EvaluationAsync(platform, "advisor.alphen", "client-satisfaction", 2025);
        Assert.Equal("not-met", evaluation.GetProperty("outcome").GetString());
        await DemoData.EvaluationAsync(platform, "advisor.alphen", "stakeholder-satisfaction", 2025);

        var page = await platform.SignInAsync("advisor.alphen", "/resultaten?periode=2025");
        var satisfaction = page.GetByTestId("results").Locator("tr[data-indicator=client-satisfaction]");
        await Assertions.Expect(satisfaction).ToContainTextAsync("Cliënttevredenheid");
        await Assertions.Expect(satisfaction).ToContainTextAsync("6,73");
        await Assertions.Expect(satisfaction).ToContainTextAsync("ten minste 7,00");
        await Assertions.Expect(satisfaction).ToContainTextAsync("niet gehaald");
        await Assertions.Expect(satisfaction).ToContainTextAsync($"{evaluation.GetProperty("definitionVersion").GetInt32()}");
        await Assertions.Expect(satisfaction.Locator("blockquote")).ToContainTextAsync(TomsStory);

        var stakeholders = page.GetByTestId("results").Locator("tr[data-indicator=stakeholder-satisfaction]");
        await Assertions.Expect(stakeholders).ToContainTextAsync("gehaald");
        await Assertions.Expect(stakeholders).Not.ToContainTextAsync("niet gehaald");

        var csv = await page.APIRequest.GetAsync("/downloads/outcomes/results?period=2025");
        Assert.Equal(200, csv.Status);
        Assert.Contains("client-satisfaction", await csv.TextAsync(), StringComparison.Ordinal);
        await ScreenChecks.ScreenshotAndAxeAsync(page, "resultaten-2025");
    }

    [Fact]
    public async Task Another_municipality_sees_neither_Alphens_results_nor_its_story()
    {
        await DemoData.EvaluationAsync(platform, "advisor.kaag", "client-satisfaction", 2025);
        var page = await platform.SignInAsync("advisor.kaag", "/resultaten?periode=2025");
        await Assertions.Expect(page.GetByTestId("municipality")).ToHaveTextAsync("Kaag en Braassem");
        await Assertions.Expect(page.GetByTestId("results").First).ToBeVisibleAsync();
        var body = await page.InnerTextAsync("main");
        Assert.DoesNotContain("Alphen", body, StringComparison.Ordinal);
        Assert.DoesNotContain(TomsStory, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_comparison_places_each_population_against_its_peers_with_a_table_and_CSV()
    {
        await DemoData.EvaluationAsync(platform, "advisor.alphen", "zrm-improved-or-stable", 2025);
        var results = await platform.ApiAsync("advisor.alphen", "/api/outcomes/results?period=2025&indicator=zrm-improved-or-stable");
        var populations = results.EnumerateArray().Where(r => r.GetProperty("populationId").ValueKind == System.Text.Json.JsonValueKind.String
            && r.GetProperty("value").ValueKind == System.Text.Json.JsonValueKind.Number).ToList();

        var page = await platform.SignInAsync("advisor.alphen", "/resultaten/vergelijking?periode=2025&indicator=zrm-improved-or-stable");
        Assert.Equal(populations.Count, await page.GetByTestId("comparison-table").Locator("tbody tr").CountAsync());
        if (populations.Any(p => p.GetProperty("peerPosition").ValueKind == System.Text.Json.JsonValueKind.String))
        {
            await Assertions.Expect(page.GetByTestId("funnel-chart")).ToBeVisibleAsync();
        }
        else
        {
            // One population with figures in the municipality: nothing to compare it with, and the page says so.
            await Assertions.Expect(page.GetByTestId("no-peers")).ToContainTextAsync("Te weinig vergelijkbare populaties");
        }

        var csv = await page.APIRequest.GetAsync("/downloads/outcomes/results?period=2025&indicator=zrm-improved-or-stable");
        Assert.Equal(200, csv.Status);
        await ScreenChecks.ScreenshotAndAxeAsync(page, "resultaten-vergelijking");
    }

    [Fact]
    public async Task The_region_coordinator_gets_a_Dutch_refusal_for_a_municipalitys_results_and_budgets()
    {
        var coordinator = await platform.SignInAsync("coordinator.rijnland", "/resultaten?periode=2025");
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Alert).First).ToContainTextAsync("Geen toegang");
        await coordinator.GotoAsync("/budgetten");
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Alert)).ToContainTextAsync("Geen toegang");
        Assert.Equal(0, await coordinator.Locator("[data-testid=results], [data-testid=budgets]").CountAsync());
    }

    [Fact]
    public async Task An_auditor_reads_the_results_without_a_write_control_and_a_bad_period_shows_the_services_reason()
    {
        await DemoData.EvaluationAsync(platform, "auditor.alphen", "client-satisfaction", 2025);
        var auditor = await platform.SignInAsync("auditor.alphen", "/resultaten?periode=2025");
        await Assertions.Expect(auditor.GetByTestId("role")).ToHaveTextAsync("Auditor");
        await Assertions.Expect(auditor.GetByTestId("results").Locator("tr[data-indicator=client-satisfaction]")).ToContainTextAsync("niet gehaald");
        Assert.Equal(0, await ScreenChecks.WriteControls(auditor).CountAsync());

        // A period the service cannot read is its validation problem, shown as such.
        await auditor.GotoAsync("/resultaten?periode=2025-Q9");
        await Assertions.Expect(auditor.GetByRole(AriaRole.Alert)).ToContainTextAsync("period");
    }
}
