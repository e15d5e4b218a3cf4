using Microsoft.Playwright;
using Platform.Testing;

namespace Platform.Portal.Tests;

/// <summary>An ended session sends the user to sign in again and back to the page they were on, query included.</summary>
[Collection(PortalGroup.Name)]
public sealed class SessionExpiryTests(PortalFixture platform)
{
    private const string Screen = "/verwijzingen/trechter?eenheid=district&periode=year&soort=cost-shifting&datum=2026-06-30";

    [Fact]
    public async Task When_the_gateways_session_has_expired_the_user_signs_in_again_and_returns_to_the_page()
    {
        var page = await platform.SignInAsync("advisor.alphen", Screen);
        var gateway = new Uri(page.Url).GetLeftPart(UriPartial.Authority);

        // The session cookie is the whole gateway session: without it the session has ended, as after its expiry.
        // The identity provider's own session still lives, so it signs the user in without asking.
        await page.Context.ClearCookiesAsync(new() { Name = "__platform_session" });
        await page.ReloadAsync();

        await page.WaitForURLAsync(gateway + Screen);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Trechterdiagram");
        await Assertions.Expect(page.GetByTestId("role")).ToHaveTextAsync("Beleidsadviseur");
        Assert.Equal(0, await page.Locator("input[name=password]").CountAsync());
    }

    [Fact]
    public async Task When_the_identity_providers_session_has_ended_too_the_user_gives_the_password_and_returns_to_the_page()
    {
        var page = await platform.SignInAsync("advisor.alphen", Screen);
        var gateway = new Uri(page.Url).GetLeftPart(UriPartial.Authority);
        await page.Context.ClearCookiesAsync();

        await page.ReloadAsync();

        // Not the page: the identity provider's sign-in form, which asks for the password again.
        await Assertions.Expect(page.Locator("input[name=password]")).ToBeVisibleAsync();
        Assert.DoesNotContain("/verwijzingen/trechter", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await page.FillAsync("input[name=username]", "advisor.alphen");
        await page.FillAsync("input[name=password]", TokenClient.DemoPassword);
        await page.PressAsync("input[name=password]", "Enter");

        await page.WaitForURLAsync(gateway + Screen);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Trechterdiagram");
        await Assertions.Expect(page.GetByTestId("municipality")).ToHaveTextAsync("Alphen aan den Rijn");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalFixture.Screenshots, "opnieuw-aangemeld.png"), FullPage = true });
    }
}
