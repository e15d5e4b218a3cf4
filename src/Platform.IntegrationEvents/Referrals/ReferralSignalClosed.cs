namespace Platform.IntegrationEvents.Referrals;

/// <summary>The unit's figures came back within the 95% limit and stopped rising in the period starting <paramref name="ClosedIn"/>.</summary>
public sealed record ReferralSignalClosed(string Municipality, Guid SignalId, DateOnly ClosedIn) : IntegrationEvent, ITenantEvent;
