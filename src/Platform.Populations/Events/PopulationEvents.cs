using Platform.IntegrationEvents.Populations;
using Platform.Populations.Domain;

namespace Platform.Populations.Events;

/// <summary>Turns the service's populations into the snapshot its events carry.</summary>
internal static class PopulationEvents
{
    public static PopulationSnapshot Snapshot(PopulationDefinition p, int version) => new(
        p.Id,
        p.Municipality,
        p.Name,
        p.Status.ToString().ToLowerInvariant(),
        [.. p.Areas.Select(a => a.Value)],
        p.TargetGroup.Ages.From,
        p.TargetGroup.Ages.To,
        [.. p.TargetGroup.Laws.Order().Select(l => l.ToString())],
        [.. p.TargetGroup.CareForms],
        p.TargetGroup.DiagnosisGroup,
        p.Validity.From,
        p.Validity.To,
        version);
}
