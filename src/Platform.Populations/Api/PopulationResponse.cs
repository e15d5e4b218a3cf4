using Platform.Populations.Data;

namespace Platform.Populations.Api;

/// <summary>A population as the API shows it.</summary>
public sealed record PopulationResponse(
    Guid Id,
    string Municipality,
    string Name,
    string Status,
    IReadOnlyList<string> Areas,
    int AgeFrom,
    int? AgeTo,
    IReadOnlyList<string> Laws,
    IReadOnlyList<string> CareForms,
    string? DiagnosisGroup,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    int Version,
    DateTimeOffset UpdatedAt,
    string UpdatedBy)
{
    public static PopulationResponse From(StoredPopulation stored)
    {
        var p = stored.Definition;
        return new PopulationResponse(
            p.Id, p.Municipality, p.Name, p.Status.ToString().ToLowerInvariant(), [.. p.Areas.Select(a => a.Value)],
            p.TargetGroup.Ages.From, p.TargetGroup.Ages.To, [.. p.TargetGroup.Laws.Order().Select(l => l.ToString())],
            [.. p.TargetGroup.CareForms], p.TargetGroup.DiagnosisGroup, p.Validity.From, p.Validity.To,
            stored.Version, stored.UpdatedAt, stored.UpdatedBy);
    }
}
