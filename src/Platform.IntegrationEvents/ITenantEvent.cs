namespace Platform.IntegrationEvents;

/// <summary>An event about one municipality's data; its consumers apply it in that tenant's context.</summary>
public interface ITenantEvent
{
    /// <summary>CBS code of the municipality (<c>GMnnnn</c>) the event belongs to.</summary>
    string Municipality { get; }
}
