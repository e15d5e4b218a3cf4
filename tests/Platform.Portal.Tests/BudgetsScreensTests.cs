using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Playwright;

namespace Platform.Portal.Tests;

/// <summary>The budgets screens in Debian's chromium, through the real gateway, identity provider and services.</summary>
[Collection(PortalGroup.Name)]
public sealed class BudgetsScreensTests(PortalFixture platform)
{
    private static readonly NumberFormatInfo Dutch = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = "," };

    [Fact]
    public async Task A_controller_approves_a_category_shift_and_the_advisor_who_requested_it_cannot()
    {
        var budget = await DemoData.AdoptedBudgetAsync(platform, "advisor.alphen");
        var id = budget.GetProperty("id").GetString();
        var path = $"/budgetten/{id}/categorieen";
        var advisor = await platform.SignInAsync("advisor.alphen", path);
        await SetCategoriesIfNoneAsync(advisor, budget);
        var before = await CategoriesAsync();

        var reason = $"Meer aanvullende ondersteuning in Alphen-Noord {Guid.NewGuid():N}"[..52];
        await advisor.SelectOptionAsync("#van", "Basisondersteuning");
        await advisor.SelectOptionAsync("#naar", "Aanvullende ondersteuning");
        await advisor.FillAsync("#bedrag", "25.000,00");
        await advisor.FillAsync("#reden", reason);
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Verschuiving aanvragen" }).ClickAsync();
        await Assertions.Expect(advisor.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "aangevraagd" })).ToBeVisibleAsync();
        var shift = advisor.GetByTestId("shifts").Locator("tr", new() { HasTextString = reason });
        await Assertions.Expect(shift).ToContainTextAsync("aangevraagd");

        // The service refuses the requester; the page shows its reason and nothing moves.
        await shift.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(advisor.GetByRole(AriaRole.Alert)).ToContainTextAsync("Whoever requested a shift cannot approve it.");
        await Assertions.Expect(advisor.GetByTestId("shifts").Locator("tr", new() { HasTextString = reason })).ToContainTextAsync("aangevraagd");
        Assert.Equal(before, await CategoriesAsync());
        await advisor.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalFixture.Screenshots, "budget-verschuiving-geweigerd.png"), FullPage = true });

        var controller = await platform.SignInAsync("controller.alphen", path);
        await Assertions.Expect(controller.GetByTestId("role")).ToHaveTextAsync("Controller");
        await controller.GetByTestId("shifts").Locator("tr", new() { HasTextString = reason }).GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(controller.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "goedgekeurd" })).ToBeVisibleAsync();
        await Assertions.Expect(controller.GetByTestId("shifts").Locator("tr", new() { HasTextString = reason })).ToContainTextAsync("goedgekeurd");
        var after = await CategoriesAsync();
        Assert.Equal(before["Basisondersteuning"] - 25_000m, after["Basisondersteuning"]);
        Assert.Equal(before["Aanvullende ondersteuning"] + 25_000m, after["Aanvullende ondersteuning"]);
        await Assertions.Expect(controller.GetByTestId("categories")).ToContainTextAsync(Euro(after["Aanvullende ondersteuning"]));
        await controller.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalFixture.Screenshots, "budget-verschuiving-goedgekeurd.png"), FullPage = true });

        async Task<Dictionary<string, decimal>> CategoriesAsync()
        {
            var categories = await platform.ApiAsync("advisor.alphen", $"/api/budgets/budgets/{id}/categories");
            return categories.GetProperty("categories").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetDecimal());
        }
    }

    [Fact]
    public async Task A_controller_adopts_a_proposed_version_and_the_advisor_who_proposed_it_cannot()
    {
        var demo = await DemoData.AdoptedBudgetAsync(platform, "advisor.alphen");
        var (status, proposed) = await DemoData.SendAsync(platform, "advisor.alphen", HttpMethod.Post, "/api/budgets/budgets", new
        {
            contractId = demo.GetProperty("contractId").GetString(),
            year = demo.GetProperty("year").GetInt32() + 1,
            scenarioId = demo.GetProperty("versions")[0].GetProperty("scenarioId").GetString(),
            holdbackShare = 0.05m,
            indexation = new { method = "none" },
            reason = "Voorstel voor het volgende jaar, vast bedrag",
        });
        Assert.True(status == HttpStatusCode.OK, proposed.ToString());
        var path = $"/budgetten/{proposed.GetProperty("id").GetString()}";

        var advisor = await platform.SignInAsync("advisor.alphen", path);
        await Assertions.Expect(advisor.GetByTestId("budget-versions")).ToContainTextAsync("voorgesteld");
        await advisor.GetByRole(AriaRole.Button, new() { Name = "Versie 1 vaststellen" }).ClickAsync();
        await Assertions.Expect(advisor.GetByRole(AriaRole.Alert).Filter(new() { HasTextString = "Four eyes" })).ToBeVisibleAsync();
        await Assertions.Expect(advisor.GetByTestId("budget-versions")).ToContainTextAsync("voorgesteld");
        await Assertions.Expect(advisor.GetByTestId("no-schedule")).ToBeVisibleAsync();

        var controller = await platform.SignInAsync("controller.alphen", path);
        await controller.GetByRole(AriaRole.Button, new() { Name = "Versie 1 vaststellen" }).ClickAsync();
        await Assertions.Expect(controller.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "vastgesteld" })).ToBeVisibleAsync();
        await Assertions.Expect(controller.GetByTestId("budget-versions")).ToContainTextAsync("vastgesteld");
        Assert.Equal(12, await controller.GetByTestId("schedule").Locator("tbody tr").CountAsync());
        await controller.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalFixture.Screenshots, "budget-vastgesteld.png"), FullPage = true });
    }

    [Fact]
    public async Task A_controller_closes_the_settlement_the_advisor_saw_as_provisional()
    {
        var demo = await DemoData.AdoptedBudgetAsync(platform, "advisor.alphen");
        var path = $"/budgetten/{demo.GetProperty("id").GetString()}/afrekening";
        var expected = await platform.ApiAsync("advisor.alphen", $"/api/budgets/budgets/{demo.GetProperty("id").GetString()}/settlement");

        var advisor = await platform.SignInAsync("advisor.alphen", path);
        await Assertions.Expect(advisor.GetByTestId("settlement-state")).ToContainTextAsync("Voorlopig");
        Assert.Equal(expected.GetProperty("lines").GetArrayLength() + 1, await advisor.GetByTestId("settlement").Locator("tbody tr").CountAsync());
        await Assertions.Expect(advisor.GetByTestId("settlement")).ToContainTextAsync(Euro(expected.GetProperty("balance").GetDecimal()));

        var controller = await platform.SignInAsync("controller.alphen", path);
        await controller.GetByRole(AriaRole.Button, new() { Name = "Afrekening vaststellen" }).ClickAsync();
        await Assertions.Expect(controller.GetByTestId("settlement-state")).ToContainTextAsync("Vastgesteld door");
        Assert.Equal(0, await ScreenChecks.WriteControls(controller).CountAsync());
        await controller.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalFixture.Screenshots, "budget-afrekening-vastgesteld.png"), FullPage = true });
    }

    [Fact]
    public async Task An_auditor_reads_every_budgets_screen_without_a_write_control()
    {
        var id = (await DemoData.AdoptedBudgetAsync(platform, "auditor.alphen")).GetProperty("id").GetString();
        var auditor = await platform.SignInAsync("auditor.alphen", "/budgetten");
        await Assertions.Expect(auditor.GetByTestId("budgets")).ToBeVisibleAsync();
        foreach (var screen in new[] { $"/budgetten/{id}", $"/budgetten/{id}/categorieen", $"/budgetten/{id}/afrekening", "/budgetten/scenarios" })
        {
            var response = await auditor.GotoAsync(screen);
            Assert.Equal(200, response!.Status);
            await Assertions.Expect(auditor.GetByTestId("role")).ToHaveTextAsync("Auditor");
            Assert.Equal(0, await ScreenChecks.WriteControls(auditor).CountAsync());
        }
    }

    [Fact]
    public async Task Another_municipalitys_budget_is_not_found()
    {
        var kaag = (await DemoData.AdoptedBudgetAsync(platform, "advisor.kaag")).GetProperty("id").GetString();
        var page = await platform.SignInAsync("advisor.alphen", "/budgetten");
        await Assertions.Expect(page.GetByTestId("budgets")).Not.ToContainTextAsync("Kaag en Braassem");
        foreach (var screen in new[] { $"/budgetten/{kaag}", $"/budgetten/{kaag}/categorieen", $"/budgetten/{kaag}/afrekening" })
        {
            var response = await page.GotoAsync(screen);
            Assert.Equal(404, response!.Status);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Niet gevonden");
        }

        var csv = await page.APIRequest.GetAsync($"/downloads/budgets/budgets/{kaag}/schedule");
        Assert.Equal(404, csv.Status);
    }

    [Fact]
    public async Task Scenarios_side_by_side_show_the_differences_as_a_chart_a_table_and_a_CSV()
    {
        var budget = await DemoData.AdoptedBudgetAsync(platform, "advisor.alphen");
        var first = budget.GetProperty("versions")[0].GetProperty("scenarioId").GetString();
        var baseline = await platform.ApiAsync("advisor.alphen", $"/api/budgets/scenarios/{first}");
        var (status, second) = await DemoData.SendAsync(platform, "advisor.alphen", HttpMethod.Post, "/api/budgets/scenarios", new
        {
            name = $"Tien procent minder {Guid.NewGuid():N}"[..28],
            referenceDate = baseline.GetProperty("referenceDate").GetString(),
            populationIds = baseline.GetProperty("populationIds"),
            parameters = new { model = "fixed-sum", pool = 0, perPopulation = baseline.GetProperty("lines").EnumerateArray()
                .ToDictionary(l => l.GetProperty("populationId").GetString()!, l => Math.Round(l.GetProperty("amount").GetDecimal() * 0.9m, 2)) },
            reason = "Tien procent minder per populatie",
        });
        Assert.True(status == HttpStatusCode.OK, second.ToString());
        var query = $"?ids={first}&ids={second.GetProperty("id").GetString()}";
        var comparison = await platform.ApiAsync("advisor.alphen", "/api/budgets/scenarios/comparison" + query);
        var rows = comparison.GetProperty("rows");

        var page = await platform.SignInAsync("advisor.alphen", "/budgetten/scenarios" + query);
        await Assertions.Expect(page.GetByTestId("difference-chart")).ToBeVisibleAsync();
        Assert.Equal(rows.GetArrayLength(), await page.GetByTestId("difference-chart").Locator("rect").CountAsync());
        var table = page.GetByTestId("comparison").Locator("tbody tr");
        Assert.Equal(rows.GetArrayLength() + 1, await table.CountAsync());
        var cells = await table.Nth(0).Locator("th, td").AllInnerTextsAsync();
        Assert.Equal(rows[0].GetProperty("populationName").GetString(), cells[0]);
        Assert.Equal(Euro(rows[0].GetProperty("amounts")[0].GetDecimal()), cells[1]);
        Assert.Equal(Euro(rows[0].GetProperty("differencesToFirst")[1].GetDecimal()), cells[3]);

        var csv = await page.APIRequest.GetAsync("/downloads/budgets/scenarios/comparison" + query);
        Assert.Equal(200, csv.Status);
        Assert.Equal(rows.GetArrayLength() * 2 + 1, (await csv.TextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        await ScreenChecks.ScreenshotAndAxeAsync(page, "budgetten-scenarios-vergelijking");
    }

    [Fact]
    public async Task Every_budgets_screen_shows_the_municipality_and_has_no_WCAG_2_1_AA_violations()
    {
        var budget = await DemoData.AdoptedBudgetAsync(platform, "controller.alphen");
        var id = budget.GetProperty("id").GetString();
        var page = await platform.SignInAsync("controller.alphen", "/budgetten");
        var screens = new (string Path, string Name)[]
        {
            ("/budgetten", "budgetten"), ("/budgetten/scenarios", "budgetten-scenarios"), ($"/budgetten/{id}", "budget"),
            ($"/budgetten/{id}/categorieen", "budget-categorieen"), ($"/budgetten/{id}/afrekening", "budget-afrekening"),
        };
        foreach (var (path, name) in screens)
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            await Assertions.Expect(page.GetByTestId("municipality")).ToHaveTextAsync("Alphen aan den Rijn");
            await ScreenChecks.ScreenshotAndAxeAsync(page, name);
        }

        await page.GotoAsync($"/budgetten/{id}");
        var adopted = budget.GetProperty("versions").EnumerateArray().First(v => v.GetProperty("status").GetString() == "adopted");
        await Assertions.Expect(page.GetByTestId("budget-versions")).ToContainTextAsync("vastgesteld");
        await Assertions.Expect(page.GetByTestId("schedule-summary")).ToContainTextAsync(Euro(adopted.GetProperty("holdbackAmount").GetDecimal()));
        Assert.Equal(12, await page.GetByTestId("schedule").Locator("tbody tr").CountAsync());
        var csv = await page.APIRequest.GetAsync($"/downloads/budgets/budgets/{id}/schedule");
        Assert.Equal(200, csv.Status);
        Assert.Equal(13, (await csv.TextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    /// <summary>Divides the budget over two categories through its form, unless an earlier test did.</summary>
    private async Task SetCategoriesIfNoneAsync(IPage page, JsonElement budget)
    {
        var (status, _) = await DemoData.SendAsync(platform, "advisor.alphen", HttpMethod.Get, $"/api/budgets/budgets/{budget.GetProperty("id").GetString()}/categories");
        if (status == HttpStatusCode.OK)
        {
            return;
        }

        var amount = budget.GetProperty("versions").EnumerateArray().First(v => v.GetProperty("status").GetString() == "adopted").GetProperty("amount").GetDecimal();
        await page.FillAsync("#categorie-0", "Basisondersteuning");
        await page.FillAsync("#categorie-bedrag-0", (amount - 500_000m).ToString("N2", Dutch));
        await page.FillAsync("#categorie-1", "Aanvullende ondersteuning");
        await page.FillAsync("#categorie-bedrag-1", 500_000m.ToString("N2", Dutch));
        await page.GetByRole(AriaRole.Button, new() { Name = "Categorieën vastleggen" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("categories")).ToContainTextAsync("Aanvullende ondersteuning");
    }

    private static string Euro(decimal amount) => "€ " + amount.ToString("N2", Dutch);
}
