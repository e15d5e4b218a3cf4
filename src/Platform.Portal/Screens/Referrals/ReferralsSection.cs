using Platform.Portal.Sections;

namespace Platform.Portal.Screens.Referrals;

internal sealed class ReferralsSection : IPortalSection
{
    public string Service => "referrals";
    public string Title => "Verwijzingen";
    public int Order => 20;
    public IReadOnlyList<PortalLink> Links { get; } =
    [
        new("Cijfers per gebied", "/verwijzingen/cijfers"),
        new("Trechterdiagram", "/verwijzingen/trechter"),
        new("Signalen", "/verwijzingen/signalen"),
    ];
}
