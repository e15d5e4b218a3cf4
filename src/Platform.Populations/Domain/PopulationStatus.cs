namespace Platform.Populations.Domain;

/// <summary>A population is drafted, then active while contracts count against it, then retired; never deleted.</summary>
public enum PopulationStatus
{
    Draft,
    Active,
    Retired,
}
