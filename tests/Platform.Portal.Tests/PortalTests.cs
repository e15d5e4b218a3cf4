using System.Globalization;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Platform.Portal.Tests;

/// <summary>The staff portal in Debian's chromium, through the real gateway, identity provider and services.</summary>
[Collection(PortalGroup.Name)]
public sealed class PortalTests(PortalFixture platform)
{
    private static readonly string[] Screens =
    [
        "/", "/populaties/gebieden", "/populaties", "/populaties/analyse",
        "/verwijzingen/cijfers", "/verwijzingen/trechter", "/verwijzingen/signalen",
    ];

    [Fact]
    public async Task Every_screen_shows_the_municipality_and_role_and_has_no_WCAG_2_1_AA_violations()
    {
        var page = await platform.SignInAsync("advisor.alphen");
        var alphenPopulation = (await platform.ApiAsync("advisor.alphen", "/api/populations/populations"))[0].GetProperty("id").GetString();
        var signals = await platform.ApiAsync("advisor.alphen", "/api/referrals/signals");
        var screens = Screens.Append($"/populaties/{alphenPopulation}").Append("/populaties/gebieden?gebied=GM0484");
        if (signals.GetArrayLength() > 0)
        {
            screens = screens.Append($"/verwijzingen/signalen/{signals[0].GetProperty("id").GetString()}");
        }

        foreach (var screen in screens)
        {
            var response = await page.GotoAsync(screen);
            Assert.Equal(200, response!.Status);
            await Assertions.Expect(page.GetByTestId("municipality")).ToHaveTextAsync("Alphen aan den Rijn");
            await Assertions.Expect(page.GetByTestId("role")).ToHaveTextAsync("Beleidsadviseur");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalFixture.Screenshots, Name(screen) + ".png"), FullPage = true });

            var results = await page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            });
            Assert.True(results.Violations.Length == 0,
                $"{screen}: " + string.Join("; ", results.Violations.Select(v => $"{v.Id}: {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")));
        }
    }

    [Fact]
    public async Task A_user_of_one_municipality_sees_only_its_data_and_another_municipalitys_population_is_not_found()
    {
        var kaag = await platform.ApiAsync("advisor.kaag", "/api/populations/populations");
        Assert.True(kaag.GetArrayLength() > 0, "the demo region gives Kaag en Braassem populations");
        var page = await platform.SignInAsync("advisor.alphen", "/populaties");

        var table = await page.GetByTestId("populations").InnerTextAsync();
        foreach (var population in kaag.EnumerateArray())
        {
            Assert.DoesNotContain(population.GetProperty("name").GetString()!, table, StringComparison.Ordinal);
        }

        var response = await page.GotoAsync($"/populaties/{kaag[0].GetProperty("id").GetString()}");
        Assert.True(response!.Status == 404, await page.InnerTextAsync("body"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Niet gevonden");

        var unknown = await page.GotoAsync("/bestaat-niet");
        Assert.Equal(404, unknown!.Status);
    }

    [Fact]
    public async Task A_role_without_rights_gets_a_Dutch_refusal_and_an_auditor_sees_no_write_controls()
    {
        var coordinator = await platform.SignInAsync("coordinator.rijnland", "/verwijzingen/cijfers");
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Alert)).ToContainTextAsync("Geen toegang");

        var auditor = await platform.SignInAsync("auditor.alphen", "/populaties");
        await Assertions.Expect(auditor.GetByTestId("role")).ToHaveTextAsync("Auditor");
        Assert.Equal(0, await auditor.Locator("form[method=post] button[type=submit]", new() { HasTextString = "Definiëren" }).CountAsync());
    }

    [Fact]
    public async Task An_advisor_defines_a_population_with_the_keyboard_alone()
    {
        var page = await platform.SignInAsync("advisor.alphen", "/populaties");
        var area = (await platform.ApiAsync("advisor.alphen", "/api/populations/areas?level=district"))[0].GetProperty("code").GetString()!;
        var name = $"Jeugd toetsenbord {Guid.NewGuid():N}"[..28];

        await page.FocusAsync("#naam");
        await page.Keyboard.TypeAsync(name);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(area);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("0");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("17");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Jeugdwet");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("geldig-vanaf", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.TypeAsync("01012027");

        // Enter in a field submits its form, as the button would.
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalFixture.Screenshots, "populatie-gedefinieerd.png"), FullPage = true });
    }

    [Fact]
    public async Task The_funnel_plots_table_and_CSV_hold_the_services_figures()
    {
        var query = "?unit=district&period=year&kind=cost-shifting&date=2026-06-30";
        var figures = await platform.ApiAsync("advisor.alphen", "/api/referrals/figures/funnel" + query);
        var page = await platform.SignInAsync("advisor.alphen", "/verwijzingen/trechter?eenheid=district&periode=year&soort=cost-shifting&datum=2026-06-30");
        var dutch = new NumberFormatInfo { NumberGroupSeparator = ".", NumberDecimalSeparator = "," };

        if (figures.GetArrayLength() == 0)
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("geen cijfers");
            return;
        }

        await Assertions.Expect(page.GetByTestId("funnel-chart")).ToBeVisibleAsync();
        var rows = page.GetByTestId("funnel-table").Locator("tbody tr");
        Assert.Equal(figures.GetArrayLength(), await rows.CountAsync());
        var byUnit = figures.EnumerateArray().ToDictionary(f => f.GetProperty("unitId").GetString()!);
        for (var i = 0; i < figures.GetArrayLength(); i++)
        {
            var cells = await rows.Nth(i).Locator("th, td").AllInnerTextsAsync();
            var expected = byUnit[cells[0]];
            Assert.Equal(expected.GetProperty("observed").GetInt64().ToString("N0", dutch), cells[2]);
            Assert.Equal(expected.GetProperty("population").GetInt64().ToString("N0", dutch), cells[3]);
        }

        var csv = await page.APIRequest.GetAsync("/downloads/referrals/figures/funnel" + query);
        Assert.Equal(200, csv.Status);
        var lines = (await csv.TextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(figures.GetArrayLength() + 1, lines.Length);
        foreach (var line in lines.Skip(1))
        {
            var fields = line.TrimEnd('\r').Split(';').Select(f => f.Trim('"')).ToArray();
            Assert.Equal(byUnit[fields[1]].GetProperty("observed").GetInt64().ToString(CultureInfo.InvariantCulture), fields[3]);
        }
    }

    [Fact]
    public async Task An_advisor_acknowledges_a_signal_and_its_history_shows_it_while_an_auditor_cannot()
    {
        await platform.PostAsync("advisor.alphen", "/api/referrals/signals/detection");
        var open = await platform.ApiAsync("advisor.alphen", "/api/referrals/signals?state=open");
        if (open.GetArrayLength() == 0)
        {
            var empty = await platform.SignInAsync("advisor.alphen", "/verwijzingen/signalen?status=open");
            await Assertions.Expect(empty.GetByRole(AriaRole.Status)).ToContainTextAsync("geen signalen");
            return;
        }

        var path = $"/verwijzingen/signalen/{open[0].GetProperty("id").GetString()}";
        var auditor = await platform.SignInAsync("auditor.alphen", path);
        await Assertions.Expect(auditor.GetByTestId("signal")).ToBeVisibleAsync();
        Assert.Equal(0, await auditor.Locator("#toelichting").CountAsync());

        var page = await platform.SignInAsync("advisor.alphen", path);
        await page.FocusAsync("#toelichting");
        await page.Keyboard.TypeAsync("Besproken met het wijkteam");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "als gezien vastgelegd" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("signal-history")).ToContainTextAsync("Besproken met het wijkteam");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalFixture.Screenshots, "signaal-gezien.png"), FullPage = true });
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var page = await platform.SignInAsync("advisor.alphen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Afmelden" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var me = await page.APIRequest.GetAsync("/auth/me");
        Assert.Equal(401, me.Status);
    }

    private static string Name(string screen) =>
        screen == "/" ? "overzicht" : string.Concat(screen.Trim('/').Select(c => char.IsLetterOrDigit(c) ? c : '-'));
}
