namespace Platform.IntegrationEvents.Referrals;

/// <summary>Municipal staff took note of a signal, with their comment (e.g. "on the agenda of the Q3 talk").</summary>
public sealed record ReferralSignalAcknowledged(string Municipality, Guid SignalId, string AcknowledgedBy, string Comment)
    : IntegrationEvent, ITenantEvent;
