using Platform.Populations.Domain;

namespace Platform.Populations.Data;

/// <summary>A population as stored: its definition and the version every change increments.</summary>
public sealed record StoredPopulation(PopulationDefinition Definition, int Version, DateTimeOffset UpdatedAt, string UpdatedBy)
{
    public Guid Id => Definition.Id;
}
