using System.Text.Json;
using Microsoft.Playwright;

namespace Platform.Portal.Tests;

/// <summary>A contract's amendments in Debian's chromium: proposed by a contract manager, decided by someone else, kept in the history.</summary>
[Collection(PortalGroup.Name)]
public sealed class AmendmentScreenTests(PortalFixture platform)
{
    [Fact]
    public async Task A_contract_manager_proposes_an_amendment_a_controller_approves_it_and_the_history_shows_it()
    {
        var contract = await ActiveDemoContractAsync("contracts.alphen");
        var id = contract.GetProperty("id").GetString();
        var notice = contract.GetProperty("noticeMonths").GetInt32();
        var path = $"/contracten/{id}/wijzigingen";
        var manager = await platform.SignInAsync("contracts.alphen", path);
        await ScreenChecks.ScreenshotAndAxeAsync(manager, "contract-wijzigingen");

        // The service's validation problem appears next to its field.
        await manager.FillAsync("#opzegtermijn", (notice + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await manager.GetByRole(AriaRole.Button, new() { Name = "Wijziging voorstellen" }).ClickAsync();
        await Assertions.Expect(manager.Locator("#reden-fout")).ToBeVisibleAsync();
        Assert.Equal("reden-fout", await manager.GetAttributeAsync("#reden", "aria-describedby"));

        var reason = $"Opzegtermijn een maand langer {Guid.NewGuid():N}"[..40];
        await manager.FillAsync("#reden", reason);
        await manager.GetByRole(AriaRole.Button, new() { Name = "Wijziging voorstellen" }).ClickAsync();
        await Assertions.Expect(manager.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "voorgesteld" })).ToBeVisibleAsync();
        var row = manager.GetByTestId("amendments").Locator("tr", new() { HasTextString = reason });
        await Assertions.Expect(row).ToContainTextAsync("voorgesteld");

        // The proposer gets no decision control; a decision forced past the page is refused by the service.
        Assert.Equal(0, await row.GetByRole(AriaRole.Button).CountAsync());
        await Assertions.Expect(row).ToContainTextAsync("Een tweede persoon besluit");
        var amendment = (await platform.ApiAsync("contracts.alphen", $"/api/contracts/contracts/{id}/amendments")).EnumerateArray()
            .Single(a => a.GetProperty("reason").GetString() == reason).GetProperty("id").GetString();
        await manager.EvaluateAsync(
            """
            id => {
                const form = document.querySelector('[data-testid=amendment-decisions]');
                const choice = document.createElement('input');
                choice.type = 'hidden'; choice.name = 'Decision.Choice'; choice.value = 'approve:' + id;
                form.appendChild(choice);
                form.submit();
            }
            """, amendment);
        await Assertions.Expect(manager.GetByRole(AriaRole.Alert)).ToContainTextAsync("Four eyes");
        await Assertions.Expect(manager.GetByTestId("amendments").Locator("tr", new() { HasTextString = reason })).ToContainTextAsync("voorgesteld");
        Assert.Equal(notice, (await platform.ApiAsync("contracts.alphen", $"/api/contracts/contracts/{id}")).GetProperty("noticeMonths").GetInt32());

        var controller = await platform.SignInAsync("controller.alphen", path);
        Assert.Equal(0, await controller.GetByRole(AriaRole.Button, new() { Name = "Wijziging voorstellen" }).CountAsync());
        await controller.GetByTestId("amendments").Locator("tr", new() { HasTextString = reason }).GetByRole(AriaRole.Button, new() { Name = "Goedkeuren" }).ClickAsync();
        await Assertions.Expect(controller.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "goedgekeurd" })).ToBeVisibleAsync();
        await Assertions.Expect(controller.GetByTestId("amendments").Locator("tr", new() { HasTextString = reason })).ToContainTextAsync("goedgekeurd");
        Assert.Equal(notice + 1, (await platform.ApiAsync("controller.alphen", $"/api/contracts/contracts/{id}")).GetProperty("noticeMonths").GetInt32());

        // The history: who, when and what, newest first.
        var newest = controller.GetByTestId("contract-history").Locator("tbody tr").First;
        await Assertions.Expect(newest).ToContainTextAsync($"opzegtermijn (maanden): {notice} → {notice + 1}");
        await Assertions.Expect(newest).ToContainTextAsync("gewijzigd");
        await ScreenChecks.ScreenshotAndAxeAsync(controller, "contract-wijziging-goedgekeurd");
    }

    [Fact]
    public async Task An_auditor_reads_amendments_and_history_without_write_controls_and_another_municipality_finds_nothing()
    {
        var contract = await ActiveDemoContractAsync("contracts.alphen");
        var path = $"/contracten/{contract.GetProperty("id").GetString()}/wijzigingen";

        var auditor = await platform.SignInAsync("auditor.alphen", path);
        await Assertions.Expect(auditor.GetByTestId("contract-history").Locator("tbody tr").First).ToBeVisibleAsync();
        Assert.Equal(0, await ScreenChecks.WriteControls(auditor).CountAsync());

        var kaag = await platform.SignInAsync("contracts.kaag", "/");
        var response = await kaag.GotoAsync(path);
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(kaag.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Niet gevonden");
        Assert.Equal(0, await ScreenChecks.WriteControls(kaag).CountAsync());
    }

    /// <summary>The municipality's active demo contract, once the contracts service has seeded and activated it.</summary>
    private async Task<JsonElement> ActiveDemoContractAsync(string user)
    {
        for (var attempt = 0; attempt < 90; attempt++)
        {
            var active = (await platform.ApiAsync(user, "/api/contracts/contracts")).EnumerateArray()
                .FirstOrDefault(c => c.GetProperty("status").GetString() == "active");
            if (active.ValueKind == JsonValueKind.Object)
            {
                return active;
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        Assert.Fail($"No active demo contract arrived for {user} within three minutes.");
        return default;
    }
}
