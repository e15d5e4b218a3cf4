using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Platform.Portal.Tests;

/// <summary>The contracts screens in Debian's chromium: contracts, a contract's terms, and the steering talk with its record.</summary>
[Collection(PortalGroup.Name)]
public sealed class ContractsScreensTests(PortalFixture platform)
{
    private static readonly string[] Months =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    /// <summary>The demo contract of the user's municipality, once the contracts service has seeded it from the demo populations.</summary>
    private async Task<JsonElement> DemoContractAsync(string user)
    {
        for (var attempt = 0; attempt < 90; attempt++)
        {
            var contracts = await platform.ApiAsync(user, "/api/contracts/contracts");
            if (contracts.GetArrayLength() > 0)
            {
                return contracts[0];
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        Assert.Fail($"No demo contract arrived for {user} within three minutes.");
        return default;
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(string user, HttpMethod method, string path, object? body = null)
    {
        using var client = new HttpClient { BaseAddress = platform.Gateway };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await platform.Tokens.PasswordTokenAsync(user));
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.StartsWith('{') || text.StartsWith('[') ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }

    /// <summary>A talk of Alphen's demo contract, held, with one item on its agenda; the contract's id, the talk's id and the item's title.</summary>
    private async Task<(string Contract, string Talk, string Item)> HeldTalkAsync()
    {
        var contract = (await DemoContractAsync("contracts.alphen")).GetProperty("id").GetString()!;
        var title = $"Wachttijden in Noord {Guid.NewGuid():N}"[..28];
        for (var attempt = 0; attempt < 20; attempt++)
        {
            // Each test its own day: a contract has one talk a day.
            var day = new DateOnly(2024, 1, 1).AddDays(Random.Shared.Next(0, 1400)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var (planned, talk) = await SendAsync("contracts.alphen", HttpMethod.Post, $"/api/contracts/contracts/{contract}/talks", new { heldOn = day });
            if (planned != HttpStatusCode.OK)
            {
                continue;
            }

            var talkId = talk.GetProperty("id").GetString()!;
            Assert.Equal(HttpStatusCode.OK, (await SendAsync("contracts.alphen", HttpMethod.Post, $"/api/contracts/contracts/{contract}/agenda-items", new { title })).Status);
            Assert.Equal(HttpStatusCode.OK, (await SendAsync("contracts.alphen", HttpMethod.Post, $"/api/contracts/contracts/{contract}/talks/{talkId}/held")).Status);
            return (contract, talkId, title);
        }

        Assert.Fail("No free day for a talk.");
        return default;
    }

    private static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalFixture.Screenshots, name + ".png"), FullPage = true });

    [Fact]
    public async Task A_contract_manager_records_a_steering_talk_decision_in_the_browser_and_sees_it()
    {
        var (contract, talk, item) = await HeldTalkAsync();
        var decision = $"Tom legt voor 1 september een plan van aanpak voor {Guid.NewGuid():N}"[..60];
        var page = await platform.SignInAsync("contracts.alphen", $"/contracten/{contract}/regiegesprek?gesprek={talk}");
        await Assertions.Expect(page.GetByTestId("agenda-items")).ToContainTextAsync(item);

        // Nothing written: the service's reason appears next to the field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Besluit vastleggen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#besluit-fout")).ToContainTextAsync("required");
        Assert.Equal("besluit-fout", await page.GetAttributeAsync("#besluit", "aria-describedby"));

        await page.FillAsync("#besluit", decision);
        await page.SelectOptionAsync("#agendapunt", new SelectOptionValue { Label = item });
        await page.GetByRole(AriaRole.Button, new() { Name = "Besluit vastleggen" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Het besluit is vastgelegd" })).ToBeVisibleAsync();
        var row = page.GetByTestId("decisions").Locator("tbody tr", new() { HasTextString = decision });
        await Assertions.Expect(row).ToContainTextAsync(item);
        await ScreenshotAsync(page, "regiegesprek-besluit-vastgelegd");

        var (_, record) = await SendAsync("auditor.alphen", HttpMethod.Get, $"/api/contracts/contracts/{contract}/talks/{talk}");
        var stored = Assert.Single(record.GetProperty("decisions").EnumerateArray());
        Assert.Equal(decision, stored.GetProperty("text").GetString());
        Assert.False(string.IsNullOrEmpty(stored.GetProperty("recordedBy").GetString()));
    }

    [Fact]
    public async Task A_contract_manager_records_a_decision_with_the_keyboard_alone()
    {
        var (contract, talk, _) = await HeldTalkAsync();
        var decision = $"Evaluatie in oktober {Guid.NewGuid():N}"[..40];
        var page = await platform.SignInAsync("contracts.alphen", $"/contracten/{contract}/regiegesprek?gesprek={talk}");

        await page.FocusAsync("#besluit");
        await page.Keyboard.TypeAsync(decision);
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("agendapunt", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Besluit vastleggen", await page.EvaluateAsync<string>("document.activeElement.textContent.trim()"));
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Het besluit is vastgelegd" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("decisions").Locator("tbody tr", new() { HasTextString = decision })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_contract_manager_records_the_narrative_of_a_held_talk()
    {
        var (contract, talk, _) = await HeldTalkAsync();
        var page = await platform.SignInAsync("contracts.alphen", $"/contracten/{contract}/regiegesprek?gesprek={talk}");

        await page.FillAsync("#verhaal-aanbieder", "Twee teamleden vertrokken in het voorjaar; de wachtlijst groeide.");
        await page.FillAsync("#verhaal-gemeente", "De cijfers bevestigen het; we spreken een plan van aanpak af.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verhaal vastleggen" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "Het verhaal is vastgelegd" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("narrative")).ToContainTextAsync("de wachtlijst groeide");
        await Assertions.Expect(page.GetByTestId("narrative")).ToContainTextAsync("plan van aanpak af");
    }

    [Fact]
    public async Task An_auditor_reads_the_contract_and_its_steering_talk_but_no_write_control_is_present()
    {
        var (contract, talk, item) = await HeldTalkAsync();
        var (_, terms) = await SendAsync("auditor.alphen", HttpMethod.Get, $"/api/contracts/contracts/{contract}");
        var notice = DateOnly.Parse(terms.GetProperty("noticeDeadline").GetString()!, CultureInfo.InvariantCulture);

        var page = await platform.SignInAsync("auditor.alphen", $"/contracten/{contract}");
        await Assertions.Expect(page.GetByTestId("role")).ToHaveTextAsync("Auditor");
        await Assertions.Expect(page.GetByTestId("parties")).ToContainTextAsync("Coöperatie Tom in de buurt");
        await Assertions.Expect(page.GetByTestId("parties")).ToContainTextAsync("Hoofdaannemer");
        await Assertions.Expect(page.GetByTestId("parties")).ToContainTextAsync("Onderaannemer");
        await Assertions.Expect(page.GetByTestId("notice-deadline")).ToHaveTextAsync($"{notice.Day} {Months[notice.Month - 1]} {notice.Year}");
        var agreements = page.GetByTestId("result-agreements");
        await Assertions.Expect(agreements.Locator("tbody tr")).ToHaveCountAsync(terms.GetProperty("resultAgreements").GetArrayLength());
        await Assertions.Expect(agreements.Locator("tbody tr", new() { HasTextString = "zrm-improved-or-stable" })).ToContainTextAsync("≥");
        await Assertions.Expect(agreements.Locator("tbody tr", new() { HasTextString = "zrm-improved-or-stable" })).ToContainTextAsync("0,6");
        Assert.Equal(0, await page.Locator("main form[method=post]").CountAsync());

        await page.GotoAsync($"/contracten/{contract}/regiegesprek?gesprek={talk}");
        await Assertions.Expect(page.GetByTestId("agenda-items")).ToContainTextAsync(item);
        await Assertions.Expect(page.GetByTestId("talks")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("main form[method=post]").CountAsync());
        Assert.Equal(0, await page.Locator("main textarea, main select, main button").CountAsync());
        await ScreenshotAsync(page, "regiegesprek-auditor");
    }

    [Fact]
    public async Task A_Kaag_en_Braassem_contract_is_not_found_for_Alphen()
    {
        var kaag = await DemoContractAsync("contracts.kaag");
        var id = kaag.GetProperty("id").GetString();
        await DemoContractAsync("contracts.alphen");
        var page = await platform.SignInAsync("contracts.alphen", "/contracten");

        await Assertions.Expect(page.GetByTestId("contracts")).ToBeVisibleAsync();
        Assert.DoesNotContain(kaag.GetProperty("name").GetString()!, await page.GetByTestId("contracts").InnerTextAsync(), StringComparison.Ordinal);
        foreach (var path in new[] { $"/contracten/{id}", $"/contracten/{id}/regiegesprek" })
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Status == 404, $"{path}: {await page.InnerTextAsync("body")}");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Niet gevonden");
        }
    }

    [Fact]
    public async Task Every_contracts_screen_shows_the_municipality_and_role_and_has_no_WCAG_2_1_AA_violations()
    {
        var (contract, talk, _) = await HeldTalkAsync();
        var page = await platform.SignInAsync("contracts.alphen");
        var screens = new (string Path, string Name)[]
        {
            ("/contracten", "contracten"),
            ($"/contracten/{contract}", "contract"),
            ($"/contracten/{contract}/regiegesprek?gesprek={talk}", "regiegesprek"),
        };

        foreach (var (path, name) in screens)
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            await Assertions.Expect(page.GetByTestId("municipality")).ToHaveTextAsync("Alphen aan den Rijn");
            await Assertions.Expect(page.GetByTestId("role")).ToHaveTextAsync("Contractmanager");
            await ScreenshotAsync(page, name);

            var results = await page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            });
            Assert.True(results.Violations.Length == 0,
                $"{path}: " + string.Join("; ", results.Violations.Select(v => $"{v.Id}: {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")));
        }
    }
}
